import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { attr, str } from '../../model/attrs';
import { ENC, encryptedWithCmk } from './_shared';

export const rdsInstanceEncrypted: ResourceRule = {
  id: 'ENC-04a',
  control: 'ENC-04',
  title: 'RDS DB instances are storage-encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale:
    'An RDS instance holds PHI in its storage, automated backups, snapshots and read replicas; storage_encrypted (false by default) covers all of them, and a customer-managed key keeps decryption under the covered entity’s key policy. Encryption cannot be turned on later without a snapshot-restore migration.',
  remediation: 'Set storage_encrypted = true and kms_key_id to a customer-managed key ARN, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'], checkov: ['CKV_AWS_16'] },
  check(db, ctx) {
    // Aurora members inherit the cluster's encryption (ENC-04b).
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: encryption is set on the cluster');
    return encryptedWithCmk(ctx, db, {
      enabled: { path: 'storage_encrypted', providerDefault: false, what: 'PHI in storage, backups and snapshots is not encrypted' },
      key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it RDS uses the AWS-managed aws/rds key)' },
    });
  },
  examples: {
    pass: [
      { description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_db_instance.db' },
      { description: 'passes with a literal customer-managed key ARN', resources: { 'aws_db_instance.db': { engine: 'mysql', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
    ],
    fail: [
      { description: 'fails when storage_encrypted is not set (provider default false)', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      { description: 'fails when storage_encrypted is true but kms_key_id is not set (aws/rds key)', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true } } },
      { description: 'fails when kms_key_id is the alias/aws/rds key', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: 'alias/aws/rds' } } },
    ],
    unknown: [{ description: 'is unknown when storage_encrypted is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_db_instance.db': ['storage_encrypted'] } }],
  },
};
