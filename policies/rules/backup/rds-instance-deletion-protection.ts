import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const rdsInstanceDeletionProtection: ResourceRule = {
  id: 'BAK-05a',
  control: 'BAK-05',
  title: 'RDS DB instances have deletion protection enabled',
  strategy: 6,
  citations: AVL,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale: 'Deletion protection (off by default) makes a DeleteDBInstance call — from a console slip, a script or a terraform destroy — fail until someone turns it off deliberately.',
  remediation: 'Set deletion_protection = true, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSInstanceDeletionProtectionEnabled'], awsConfig: ['rds-instance-deletion-protection-enabled'], checkov: ['CKV_AWS_293'] },
  check(db) {
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: deletion protection is set on the cluster (BAK-05b)');
    return expectBoolCfg(db, 'deletion_protection', true, false, 'the instance can be deleted by a single API call');
  },
  examples: {
    pass: [{ description: 'passes with deletion_protection = true', resources: { 'aws_db_instance.db': { engine: 'postgres', deletion_protection: true } } }],
    fail: [
      { description: 'fails when deletion_protection is false', resources: { 'aws_db_instance.db': { engine: 'mysql', deletion_protection: false } } },
      { description: 'fails when deletion_protection is not set (provider default false)', resources: { 'aws_db_instance.db': { engine: 'postgres' } } }],
    unknown: [{ description: 'is unknown when deletion_protection is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', deletion_protection: true } }, unknown: { 'aws_db_instance.db': ['deletion_protection'] } }],
  },
};
