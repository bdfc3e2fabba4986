import { attr, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, ev, expectCmk, fail, judgeAll, noneJoined, pass, unknown, unknownMessage } from '../helpers';
import { cfgAttr } from './_shared';

const SSE = 'aws_s3_bucket_server_side_encryption_configuration';
const ALGO = 'rule.apply_server_side_encryption_by_default.sse_algorithm';
const KEY = 'rule.apply_server_side_encryption_by_default.kms_master_key_id';

export const s3DefaultEncryptionKms: ResourceRule = {
  id: 'ENC-01',
  control: 'ENC-01',
  title: 'S3 buckets encrypt objects by default with SSE-KMS and a customer-managed key',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)', '164.312(c)(2)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'PHI at rest must be unreadable without a key the covered entity controls. SSE-S3 encrypts, but anyone with s3:GetObject decrypts; SSE-KMS with a customer-managed key adds a second, auditable authorization (kms:Decrypt) and lets the key be disabled in an incident.',
  remediation:
    'Add an aws_s3_bucket_server_side_encryption_configuration for the bucket with sse_algorithm "aws:kms" (or "aws:kms:dsse") and kms_master_key_id set to a customer-managed key, or use the phikit HipaaBucket construct, which does this by default.',
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
      return noneJoined(ctx, bucket, SSE, 'bucket', fail(`no ${SSE} refers to this bucket, so objects get the SSE-S3 default, not a customer-managed KMS key`, ev(SSE, { state: 'absent' })));
    }
    const parts: Verdict[] = [];
    for (const s of sources) {
      const algo = attr(s.res, s.prefix + ALGO);
      const key = () => {
        const k = expectCmk(ctx, s.res, s.prefix + KEY, 'set kms_master_key_id to a customer-managed key (without it S3 uses the AWS-managed aws/s3 key)');
        return { ...k, evidence: k.evidence && { ...k.evidence, attribute: `${s.where}.${KEY}` } };
      };
      // An unknown algorithm with a key that is not a CMK still fails: AES256, or aws:kms with the AWS-managed key.
      if (algo.state === 'unknown' || algo.state === 'sensitive') parts.push(unknown(unknownMessage(ALGO), ev(`${s.where}.${ALGO}`, algo)), key());
      else {
        const a = str(algo);
        parts.push(a !== 'aws:kms' && a !== 'aws:kms:dsse' ? fail(`sse_algorithm is ${a ?? 'not set'}, not aws:kms`, ev(`${s.where}.${ALGO}`, algo)) : key());
      }
    }
    return judgeAll(parts, `default encryption is aws:kms with a customer-managed key (${sources[0].where})`);
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
      {
        description: 'fails when aws:kms uses the AWS-managed aws/s3 key (no kms_master_key_id)',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': {
            bucket: '${aws_s3_bucket.b.id}',
            rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when sse_algorithm is known only after apply but no kms_master_key_id is set (AES256 or the AWS-managed key either way)',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_server_side_encryption_configuration.s': { bucket: '${aws_s3_bucket.b.id}', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
        },
        unknown: { 'aws_s3_bucket_server_side_encryption_configuration.s': ['rule.apply_server_side_encryption_by_default.sse_algorithm'] },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when sse_algorithm comes from a value known only after apply (the key is a CMK)',
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
