import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const cloudtrailEncrypted: ResourceRule = {
  id: 'ENC-09a',
  control: 'ENC-09',
  title: 'CloudTrail trails encrypt log files with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_cloudtrail'],
  scope: 'resource',
  rationale:
    'Audit logs record who touched which PHI resource and can contain request parameters with identifiers. SSE-KMS with a CMK (kms_key_id) adds a second authorization to read them and lets the log key be protected separately from the data keys.',
  remediation: 'Set kms_key_id on the aws_cloudtrail to a customer-managed key whose policy allows cloudtrail.amazonaws.com to encrypt, or use the phikit AuditTrail construct.',
  construct: 'AuditTrail',
  anchors: { cdkNag: ['HIPAA.Security-CloudTrailEncryptionEnabled'], awsConfig: ['cloud-trail-encryption-enabled'], checkov: ['CKV_AWS_35'] },
  check(trail, ctx) {
    return expectCmkCfg(ctx, trail, 'kms_key_id', 'log files get only SSE-S3 encryption');
  },
  examples: {
    pass: [
      { description: 'passes when kms_key_id refers to a declared alias', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_kms_alias.a': { name: 'alias/trail', target_key_id: '${aws_kms_key.k.key_id}' }, 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', kms_key_id: '${aws_kms_alias.a.arn}' } }, target: 'aws_cloudtrail.t' },
      { description: 'passes when kms_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudtrail.t' }],
    fail: [
      { description: 'fails when kms_key_id is an AWS-managed alias', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', kms_key_id: 'alias/aws/cloudtrail' } } },
      { description: 'fails when kms_key_id is not set', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs' } } }],
  },
};
