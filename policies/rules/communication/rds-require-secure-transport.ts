import type { ResourceRule } from '../../engine/types';
import { TlsParam, judgeRdsTls } from './_rds-tls';

const SPEC: TlsParam = {
  engines: ['mysql', 'mariadb', 'aurora-mysql', 'aurora'],
  name: 'require_secure_transport',
  accepted: ['1', 'ON', 'TRUE'],
  defaultOn: () => false,
};

export const rdsRequireSecureTransport: ResourceRule = {
  id: 'COM-09b',
  control: 'COM-09',
  title: 'RDS/Aurora MySQL and MariaDB require TLS (require_secure_transport = ON)',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security: connections to a database holding ePHI must be protected in transit; the parameter group is what forces TLS' },
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'MySQL-family engines accept plain-text connections unless require_secure_transport is ON in the parameter group; the default group leaves it OFF, so PHI can cross the network unencrypted.',
  remediation: 'Attach an aws_db_parameter_group (aws_rds_cluster_parameter_group for Aurora MySQL) with require_secure_transport = ON; the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV2_AWS_69'] },
  check(db, ctx) {
    return judgeRdsTls(ctx, db, SPEC);
  },
  examples: {
    pass: [
      {
        description: 'passes when the parameter group named literally sets require_secure_transport = ON',
        resources: {
          'aws_db_parameter_group.p': { name: 'phi-mysql', family: 'mysql8.0', parameter: [{ name: 'require_secure_transport', value: 'ON' }] },
          'aws_db_instance.d': { engine: 'mysql', engine_version: '8.0.35', instance_class: 'db.t3.micro', parameter_group_name: 'phi-mysql' },
        },
        target: 'aws_db_instance.d',
      },
    ],
    fail: [
      { description: 'fails on the default parameter group (require_secure_transport OFF)', resources: { 'aws_db_instance.d': { engine: 'mariadb', instance_class: 'db.t3.micro' } } },
      {
        description: 'fails when the cluster parameter group (by reference) sets require_secure_transport = 0',
        resources: {
          'aws_rds_cluster_parameter_group.p': { name: 'phi-am', family: 'aurora-mysql8.0', parameter: [{ name: 'require_secure_transport', value: '0' }] },
          'aws_rds_cluster.c': { engine: 'aurora-mysql', db_cluster_parameter_group_name: '${aws_rds_cluster_parameter_group.p.name}' },
        },
        target: 'aws_rds_cluster.c',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the engine is known only after apply',
        resources: { 'aws_db_instance.d': { engine: 'mysql', instance_class: 'db.t3.micro' } },
        unknown: { 'aws_db_instance.d': ['engine'] },
      },
    ],
  },
};
