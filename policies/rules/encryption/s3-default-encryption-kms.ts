import { attr, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, ev, fail, judgeAll, noneJoined, pass, unknown, unknownMessage } from '../helpers';
import { cfgAttr } from './_shared';

const SSE = 'aws_s3_bucket_server_side_encryption_configuration';
const ALGO = 'rule.apply_server_side_encryption_by_default.sse_algorithm';

export const s3DefaultEncryptionKms: ResourceRule = {
  id: 'ENC-01',
  control: 'ENC-01',
  title: 'S3 buckets encrypt objects by default with SSE-KMS',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)', '164.312(c)(2)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'The encryption specification of 164.312(a)(2)(iv) is met for S3 by default encryption; the HIPAA anchors (cdk-nag HIPAA.Security-S3DefaultEncryptionKMS, AWS Config s3-default-encryption-kms) ask for SSE-KMS, whose every read is a logged kms:Decrypt. SSE-S3 (AES256) encrypts too, but any s3:GetObject decrypts without a second authorization or a record. Any KMS key meets this rule, the AWS-managed aws/s3 key included; a customer-managed key with rotation is recommended by ENC-16.',
  remediation:
    'Add an aws_s3_bucket_server_side_encryption_configuration for the bucket with sse_algorithm "aws:kms" (or "aws:kms:dsse"), with kms_master_key_id set to a customer-managed key (recommended, ENC-16), or use the phikit HipaaBucket construct, which does this by default.',
  construct: 'HipaaBucket',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
  anchors: {
    cdkNag: ['HIPAA.Security-S3DefaultEncryptionKMS'],
    awsConfig: ['s3-default-encryption-kms', 's3-bucket-server-side-encryption-enabled'],
    checkov: ['CKV_AWS_145', 'CKV_AWS_19'],
  },
  check(bucket, ctx) {
    const configs = bucketSide(ctx, bucket, SSE);
    // Legacy inline block (provider < 4) still counts when present; provider ≥ 4 computes it in plans.
    const inline = cfgAttr(bucket, `server_side_encryption_configuration.${ALGO}`);
    const sources = configs.length ? configs.map((c) => ({ res: c, prefix: '', where: c.address })) : inline.state !== 'absent' ? [{ res: bucket, prefix: 'server_side_encryption_configuration.', where: bucket.address }] : [];
    if (!sources.length) {
      return noneJoined(ctx, bucket, SSE, 'bucket', fail(`no ${SSE} refers to this bucket, so objects get the SSE-S3 (AES256) default, not SSE-KMS`, ev(SSE, { state: 'absent' })));
    }
    const parts: Verdict[] = [];
    for (const s of sources) {
      const algo = attr(s.res, s.prefix + ALGO);
      if (algo.state === 'unknown' || algo.state === 'sensitive') parts.push(unknown(unknownMessage(ALGO), ev(`${s.where}.${ALGO}`, algo)));
      else {
        const a = str(algo);
        // Any KMS key passes (ENC-16 recommends a customer-managed one); judgeAll words the pass.
        parts.push(a !== 'aws:kms' && a !== 'aws:kms:dsse' ? fail(`sse_algorithm is ${a ?? 'not set'}, not aws:kms`, ev(`${s.where}.${ALGO}`, algo)) : pass(`sse_algorithm is ${a}`, ev(`${s.where}.${ALGO}`, algo)));
      }
    }
    return judgeAll(parts, `default encryption is SSE-KMS (${sources[0].where})`);
  },
  examples: {
    pass: [
      {
        description: 'passes with an SSE-KMS configuration joined by reference to a declared key',
        resources: {
          'aws_kms_key.k': { enable_key_rotation: true },
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: '${aws_s3_bucket.b.id}',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.k.arn}' }], bucket_key_enabled: true }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when the configuration names the bucket by literal name',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: 'phi-data',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }] }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when aws:kms uses the AWS-managed aws/s3 key (no kms_master_key_id; ENC-16 recommends a CMK)',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: '${aws_s3_bucket.b.id}',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      {
        description: 'fails when sse_algorithm is AES256',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: '${aws_s3_bucket.b.id}',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when no encryption configuration refers to the bucket',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi-data' } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when sse_algorithm comes from a value known only after apply',
        resources: {
          'aws_kms_key.k': { enable_key_rotation: true },
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: '${aws_s3_bucket.b.id}',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.k.arn}' }] }],
          },
        },
        unknown: { 'aws_s3_bucket_server_side_encryption_configuration.s': ['rule.apply_server_side_encryption_by_default.sse_algorithm'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
