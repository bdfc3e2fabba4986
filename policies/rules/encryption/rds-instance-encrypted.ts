import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { attr, str } from '../../model/attrs';
import { ENC, encryptedAtRest } from './_shared';

/** What encrypts an RDS instance at rest: shared by ENC-04a (encrypted) and ENC-04f (with a CMK). */
export const RDS_INSTANCE_AT_REST = {
  enabled: { path: 'storage_encrypted', providerDefault: false, what: 'PHI in storage, backups and snapshots is not encrypted' },
  key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it RDS uses the AWS-managed aws/rds key)' },
} as const;

export const rdsInstanceEncrypted: ResourceRule = {
  id: 'ENC-04a',
  control: 'ENC-04',
  title: 'RDS DB instances are storage-encrypted',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale:
    'An RDS instance holds PHI in its storage, automated backups, snapshots and read replicas; storage_encrypted (false by default) covers all of them. Encryption cannot be turned on later without a snapshot-restore migration. Which key encrypts it (AWS-managed aws/rds or a customer-managed key) is ENC-04f.',
  remediation: 'Set storage_encrypted = true (with kms_key_id naming a customer-managed key, ENC-04f), or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'], checkov: ['CKV_AWS_16'] },
  check(db) {
    // Aurora members inherit the cluster's encryption (ENC-04b).
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: encryption is set on the cluster');
    return encryptedAtRest(db, RDS_INSTANCE_AT_REST.enabled!, 'storage encrypted (storage, automated backups, snapshots and replicas)');
  },
  examples: {
    pass: [
      { description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_db_instance.db' },
      { description: 'passes with a literal customer-managed key ARN', resources: { 'aws_db_instance.db': { engine: 'mysql', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
      { description: 'passes with storage_encrypted and the AWS-managed aws/rds key (the key is ENC-04f)', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true } } },
    ],
    fail: [
      { description: 'fails when storage_encrypted is not set (provider default false)', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      { description: 'fails when storage_encrypted is false', resources: { 'aws_db_instance.db': { engine: 'mysql', storage_encrypted: false, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
    ],
    unknown: [{ description: 'is unknown when storage_encrypted is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_db_instance.db': ['storage_encrypted'] } }],
  },
};
