import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { attr, str } from '../../model/attrs';
import { ENC, cmkWhenEncrypted } from './_shared';
import { RDS_INSTANCE_AT_REST } from './rds-instance-encrypted';

export const rdsInstanceCmk: ResourceRule = {
  id: 'ENC-04f',
  control: 'ENC-04',
  title: 'Encrypted RDS DB instances use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchors (rds-storage-encrypted, HIPAA.Security-RDSStorageEncrypted) accept the AWS-managed aws/rds key (ENC-04a); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale:
    'With a customer-managed key, decrypting the instance’s storage, backups and snapshots needs a grant in a key policy the covered entity controls, sharing a snapshot with another account needs that key too, and every use is in CloudTrail; the AWS-managed aws/rds key allows neither restriction nor revocation.',
  remediation: 'Set kms_key_id to a customer-managed key ARN (the key is fixed at creation: restore from a snapshot copied with the new key), or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV_AWS_16'] },
  check(db, ctx) {
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: the key is set on the cluster');
    return cmkWhenEncrypted(ctx, db, RDS_INSTANCE_AT_REST, 'ENC-04a');
  },
  examples: {
    pass: [
      { description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_db_instance.db' },
    ],
    fail: [
      { description: 'fails when storage_encrypted is true but kms_key_id is not set (aws/rds key)', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true } } },
      { description: 'fails when kms_key_id is the alias/aws/rds key', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: 'alias/aws/rds' } } },
    ],
  },
};
