import type { ResourceRule } from '../../engine/types';
import { ENC, encryptedAtRest } from './_shared';

/** What encrypts an EFS file system at rest: shared by ENC-08 (encrypted) and ENC-08b (with a CMK). */
export const EFS_AT_REST = {
  enabled: { path: 'encrypted', providerDefault: false, what: 'files are stored unencrypted' },
  key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it EFS uses the AWS-managed aws/elasticfilesystem key)' },
} as const;

export const efsEncrypted: ResourceRule = {
  id: 'ENC-08',
  control: 'ENC-08',
  title: 'EFS file systems are encrypted at rest',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_efs_file_system'],
  scope: 'resource',
  rationale: 'Shared file systems collect exports, scans and documents with PHI. encrypted is false by default and can only be chosen at creation. The key (AWS-managed or customer-managed) is ENC-08b.',
  remediation: 'Set encrypted = true on the aws_efs_file_system (recreate the file system to change it), with kms_key_id naming a customer-managed key (ENC-08b).',
  anchors: { cdkNag: ['HIPAA.Security-EFSEncrypted'], awsConfig: ['efs-encrypted-check'], checkov: ['CKV_AWS_42', 'CKV_AWS_184'] },
  check(fs) {
    return encryptedAtRest(fs, EFS_AT_REST.enabled, 'files are encrypted at rest');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_efs_file_system.f': { encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_efs_file_system.f' },
      { description: 'passes with encrypted = true and the AWS-managed key (the key is ENC-08b)', resources: { 'aws_efs_file_system.f': { encrypted: true } } },
    ],
    fail: [
      { description: 'fails when encrypted is not set (provider default false)', resources: { 'aws_efs_file_system.f': { creation_token: 'phi' } } },
      { description: 'fails when encrypted is false', resources: { 'aws_efs_file_system.f': { encrypted: false } } },
    ],
    unknown: [{ description: 'is unknown when encrypted is known only after apply', resources: { 'aws_efs_file_system.f': { encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_efs_file_system.f': ['encrypted'] } }],
  },
};
