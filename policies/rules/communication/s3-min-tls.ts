import type { ResourceRule } from '../../engine/types';
import { deniesOldTls } from '../../model/iam';
import { judgeBucketPolicies } from './s3-tls-only';

const policy = (cond: Record<string, unknown>) =>
  JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::phi', 'arn:aws:s3:::phi/*'], Condition: cond }] });

export const s3MinTls: ResourceRule = {
  id: 'COM-08b',
  control: 'COM-08',
  title: 'S3 bucket policies deny TLS versions below 1.2 (s3:TlsVersion)',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
  scope: 'resource',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (NIST SP 800-52r2) and no longer protect PHI adequately in transit. The kit requires bucket policies to refuse them with NumericLessThan s3:TlsVersion 1.2, in addition to the SecureTransport deny (COM-08a).',
  remediation: 'Add a Deny of s3:* to Principal "*" with NumericLessThan s3:TlsVersion 1.2 to the bucket policy (the phikit HipaaBucket construct does).',
  construct: 'HipaaBucket',
  check(res, ctx) {
    return judgeBucketPolicies(ctx, res, (d) => deniesOldTls(d, 1.2), 'does not deny s3:TlsVersion below 1.2', 'the bucket policy denies TLS below 1.2');
  },
  examples: {
    pass: [
      {
        description: 'passes when the bucket policy denies NumericLessThan s3:TlsVersion 1.2',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: policy({ NumericLessThan: { 's3:TlsVersion': '1.2' } }) } },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      {
        description: 'fails when the policy only denies aws:SecureTransport = false (joined by literal name)',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: policy({ Bool: { 'aws:SecureTransport': 'false' } }) } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when the TLS floor is 1.0',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: policy({ NumericLessThan: { 's3:TlsVersion': '1.0' } }) } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the policy is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: policy({ NumericLessThan: { 's3:TlsVersion': '1.2' } }) } },
        unknown: { 'aws_s3_bucket_policy.p': ['policy'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
