import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const logGroupEncrypted: ResourceRule = {
  id: 'ENC-09b',
  control: 'ENC-09',
  title: 'CloudWatch log groups are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_cloudwatch_log_group'],
  scope: 'resource',
  rationale:
    'Application and database logs routinely capture PHI (request bodies, SQL, error payloads). CloudWatch Logs encrypts with a service key unless kms_key_id names a CMK, which makes reading the logs require kms:Decrypt as well.',
  remediation: 'Set kms_key_id on the aws_cloudwatch_log_group to a customer-managed key whose policy allows logs.<region>.amazonaws.com, or use the phikit HipaaLogGroup construct.',
  construct: 'HipaaLogGroup',
  anchors: { cdkNag: ['HIPAA.Security-CloudWatchLogGroupEncrypted'], awsConfig: ['cloudwatch-log-group-encrypted'], checkov: ['CKV_AWS_158'] },
  check(group, ctx) {
    return expectCmkCfg(ctx, group, 'kms_key_id', 'log events are encrypted only with the CloudWatch Logs service key');
  },
  examples: {
    pass: [
      { description: 'passes with a literal customer-managed key ARN', resources: { 'aws_cloudwatch_log_group.g': { name: '/app/phi', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } },
      { description: 'passes when kms_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_cloudwatch_log_group.g': { name: '/app/phi', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudwatch_log_group.g' }],
    fail: [
      { description: 'fails when kms_key_id is an empty string', resources: { 'aws_cloudwatch_log_group.g': { name: '/app/phi', kms_key_id: '' } } },
      { description: 'fails when kms_key_id is not set', resources: { 'aws_cloudwatch_log_group.g': { name: '/app/phi', retention_in_days: 365 } } }],
  },
};
