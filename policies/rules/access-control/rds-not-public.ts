import type { ResourceRule } from '../../engine/types';
import { PUB, boolCases, expectBoolC } from './_shared';

export const rdsNotPublic: ResourceRule = {
  id: 'ACC-14a',
  control: 'ACC-14',
  title: 'RDS DB instances and Aurora cluster instances are not publicly accessible',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  scope: 'resource',
  rationale: 'A publicly accessible database gets a public DNS answer and, with a permissive security group, accepts connections from the internet to the PHI it holds.',
  remediation: 'Set publicly_accessible = false (the provider default) and reach the database through the VPC; phikit HipaaDatabase does.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSInstancePublicAccess'], awsConfig: ['rds-instance-public-access-check'], checkov: ['CKV_AWS_17'] },
  check(db) {
    return expectBoolC(db, 'publicly_accessible', false, false, 'the database is reachable from the internet');
  },
  examples: {
    ...boolCases('aws_db_instance.d', 'publicly_accessible', { engine: 'postgres', instance_class: 'db.t3.micro' }, false, ''),
    pass: [
      { description: 'passes when publicly_accessible is not set (provider default false)', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      { description: 'passes for an Aurora cluster instance with publicly_accessible false', resources: { 'aws_rds_cluster_instance.i': { cluster_identifier: 'c', instance_class: 'db.r6g.large', engine: 'aurora-postgresql', publicly_accessible: false } } },
    ],
  },
};
