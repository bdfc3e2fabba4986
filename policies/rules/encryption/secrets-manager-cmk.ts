import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const secretsManagerCmk: ResourceRule = {
  id: 'ENC-12',
  control: 'ENC-12',
  title: 'Secrets Manager secrets are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_secretsmanager_secret'],
  scope: 'resource',
  rationale:
    'Secrets are the database passwords and API keys that unlock PHI. With the default aws/secretsmanager key, anyone allowed secretsmanager:GetSecretValue reads them; a CMK adds kms:Decrypt as a second, separately granted permission and allows cross-account use.',
  remediation: 'Set kms_key_id on the aws_secretsmanager_secret to a customer-managed key.',
  anchors: { cdkNag: ['HIPAA.Security-SecretsManagerUsingKMSKey'], awsConfig: ['secretsmanager-using-cmk'], checkov: ['CKV_AWS_149'] },
  check(secret, ctx) {
    return expectCmkCfg(ctx, secret, 'kms_key_id', 'the secret uses the AWS-managed aws/secretsmanager key');
  },
  examples: {
    pass: [
      { description: 'passes with a literal customer-managed key ARN', resources: { 'aws_secretsmanager_secret.s': { name: 'db', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
      { description: 'passes when kms_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_secretsmanager_secret.s': { name: 'db', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_secretsmanager_secret.s' }],
    fail: [
      { description: 'fails when kms_key_id is not set', resources: { 'aws_secretsmanager_secret.s': { name: 'db' } } },
      { description: 'fails when kms_key_id is alias/aws/secretsmanager', resources: { 'aws_secretsmanager_secret.s': { name: 'db', kms_key_id: 'alias/aws/secretsmanager' } } },
    ],
  },
};
