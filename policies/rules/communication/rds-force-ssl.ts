import type { ResourceRule } from '../../engine/types';
import { TRANSMISSION } from './_shared';
import { TlsParam, judgeRdsTls } from './_rds-tls';

const SPEC: TlsParam = {
  engines: ['postgres', 'aurora-postgresql', 'sqlserver'],
  name: 'rds.force_ssl',
  accepted: ['1', 'TRUE', 'ON'],
  // RDS for PostgreSQL 15 and later defaults rds.force_ssl to 1; SQL Server and older PostgreSQL to 0.
  defaultOn: (engine, v) => engine.includes('postgres') && v !== undefined && v >= 15,
};

export const rdsForceSsl: ResourceRule = {
  id: 'COM-09a',
  control: 'COM-09',
  title: 'RDS/Aurora PostgreSQL and SQL Server force TLS (rds.force_ssl = 1)',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security: connections to a database holding ePHI must be protected in transit; the parameter group is what forces TLS' },
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'RDS accepts unencrypted client connections unless the parameter group forces TLS. PostgreSQL before 15 and SQL Server default rds.force_ssl to 0, so PHI queries and results can cross the VPC in clear text.',
  remediation: 'Attach an aws_db_parameter_group (aws_rds_cluster_parameter_group for Aurora) with parameter rds.force_ssl = 1; the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV2_AWS_69'] },
  check(db, ctx) {
    return judgeRdsTls(ctx, db, SPEC);
  },
  examples: {
    pass: [
      {
        description: 'passes when the parameter group (by reference) sets rds.force_ssl = 1',
        resources: {
          'aws_db_parameter_group.p': { name: 'phi-pg', family: 'postgres14', parameter: [{ name: 'rds.force_ssl', value: '1' }] },
          'aws_db_instance.d': { engine: 'postgres', engine_version: '14.10', instance_class: 'db.t3.micro', parameter_group_name: '${aws_db_parameter_group.p.name}' },
        },
        target: 'aws_db_instance.d',
      },
      { description: 'passes with the default parameter group of PostgreSQL 16 (rds.force_ssl defaults to 1)', resources: { 'aws_db_instance.d': { engine: 'postgres', engine_version: '16.3', instance_class: 'db.t3.micro' } } },
    ],
    fail: [
      {
        description: 'fails when the parameter group named literally sets rds.force_ssl = 0',
        resources: {
          'aws_db_parameter_group.p': { name: 'phi-pg', family: 'postgres14', parameter: [{ name: 'rds.force_ssl', value: '0' }] },
          'aws_db_instance.d': { engine: 'postgres', engine_version: '14.10', instance_class: 'db.t3.micro', parameter_group_name: 'phi-pg' },
        },
        target: 'aws_db_instance.d',
      },
      { description: 'fails for SQL Server on the default parameter group', resources: { 'aws_db_instance.d': { engine: 'sqlserver-se', instance_class: 'db.m5.large', license_model: 'license-included' } } },
      {
        description: 'fails when an Aurora PostgreSQL 13 cluster parameter group does not set rds.force_ssl',
        resources: {
          'aws_rds_cluster_parameter_group.p': { name: 'phi-apg', family: 'aurora-postgresql13', parameter: [{ name: 'log_statement', value: 'ddl' }] },
          'aws_rds_cluster.c': { engine: 'aurora-postgresql', engine_version: '13.12', db_cluster_parameter_group_name: '${aws_rds_cluster_parameter_group.p.name}' },
        },
        target: 'aws_rds_cluster.c',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the rds.force_ssl value is known only after apply',
        resources: {
          'aws_db_parameter_group.p': { name: 'phi-pg', family: 'postgres14', parameter: [{ name: 'rds.force_ssl', value: '1' }] },
          'aws_db_instance.d': { engine: 'postgres', engine_version: '14.10', instance_class: 'db.t3.micro', parameter_group_name: 'phi-pg' },
        },
        unknown: { 'aws_db_parameter_group.p': ['parameter.value'] },
        target: 'aws_db_instance.d',
      },
    ],
  },
};
