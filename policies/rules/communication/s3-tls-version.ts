import { deniesOldTls } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { fail, pass } from '../helpers';
import { bucketPolicies } from './_shared';
import { S3_TLS_POLICY_EXAMPLE } from './s3-tls-only';

const OLD_TLS = { Sid: 'DenyOutdatedTls', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::phi', 'arn:aws:s3:::phi/*'], Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } };

export const s3TlsVersion: ResourceRule = {
  id: 'COM-08b',
  control: 'COM-08',
  title: 'S3 bucket policies deny TLS versions older than 1.2',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'TLS 1.0 and 1.1 have known weaknesses; refusing them keeps PHI transfers on current cryptography.',
  remediation: 'Add a bucket-policy Deny with Condition NumericLessThan s3:TlsVersion = "1.2"; the phikit HipaaBucket construct does.',
  construct: 'HipaaBucket',
  check(bucket, ctx) {
    const p = bucketPolicies(ctx, bucket);
    if (!('docs' in p)) return p;
    return p.docs.some((d) => deniesOldTls(d, 1.2)) ? pass('the bucket policy denies TLS < 1.2') : fail('the bucket policy does not deny s3:TlsVersion < 1.2', { attribute: 'aws_s3_bucket_policy.policy', value: '(no TLS-version Deny)' });
  },
  examples: {
    pass: [{ description: 'passes with a TLS-version Deny', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: S3_TLS_POLICY_EXAMPLE([OLD_TLS]) } }, target: 'aws_s3_bucket.b' }],
    fail: [{ description: 'fails when only aws:SecureTransport is denied', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: S3_TLS_POLICY_EXAMPLE() } }, target: 'aws_s3_bucket.b' }],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: S3_TLS_POLICY_EXAMPLE([OLD_TLS]) } }, unknown: { 'aws_s3_bucket_policy.p': ['policy'] }, target: 'aws_s3_bucket.b' }],
  },
};
