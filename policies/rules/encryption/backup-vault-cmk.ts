import type { ResourceRule } from '../../engine/types';
import { expectCmkCfg } from './_shared';

export const backupVaultCmk: ResourceRule = {
  id: 'ENC-13',
  control: 'ENC-13',
  title: 'Backup vaults encrypt recovery points with a customer-managed KMS key',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'AWS Backup always encrypts recovery points (what backup-recovery-point-encrypted checks); a customer-managed vault key is phikit hardening.' },
  resourceTypes: ['aws_backup_vault'],
  scope: 'resource',
  rationale:
    'A backup vault holds a copy of every protected PHI store. Without kms_key_arn, recovery points of services that do not carry their own encryption are encrypted with the AWS-managed aws/backup key, which cannot be shared for cross-account copies or restricted by policy.',
  remediation: 'Set kms_key_arn on the aws_backup_vault to a customer-managed key, or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { awsConfig: ['backup-recovery-point-encrypted'], checkov: ['CKV_AWS_166'] },
  check(vault, ctx) {
    return expectCmkCfg(ctx, vault, 'kms_key_arn', 'recovery points use the AWS-managed aws/backup key');
  },
  examples: {
    pass: [
      { description: 'passes with a literal customer-managed key ARN', resources: { 'aws_backup_vault.v': { name: 'phi', kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
      { description: 'passes when kms_key_arn refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_backup_vault.v': { name: 'phi', kms_key_arn: '${aws_kms_key.k.arn}' } }, target: 'aws_backup_vault.v' }],
    fail: [
      { description: 'fails when kms_key_arn is the alias/aws/backup key', resources: { 'aws_backup_vault.v': { name: 'phi', kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:alias/aws/backup' } } },
      { description: 'fails when kms_key_arn is not set', resources: { 'aws_backup_vault.v': { name: 'phi' } } }],
  },
};
