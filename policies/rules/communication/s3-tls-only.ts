import { deniesInsecureTransport } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { fail, pass } from '../helpers';
import { bucketPolicies } from './_shared';

const POLICY = (extra: object[] = []) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::phi', 'arn:aws:s3:::phi/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, ...extra] });

export const s3TlsOnly: ResourceRule = {
  id: 'COM-08a',
  control: 'COM-08',
  title: 'S3 bucket policies deny requests that do not use TLS',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(c)(2)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'S3 answers plain HTTP unless the bucket policy refuses it. A Deny on aws:SecureTransport = false guarantees PHI objects only travel encrypted (transmission security, 164.312(e)).',
  remediation: 'Add an aws_s3_bucket_policy statement: Effect Deny, Principal "*", Action "s3:*", Resource the bucket and bucket/*, Condition Bool aws:SecureTransport = "false"; the phikit HipaaBucket construct does.',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketSSLRequestsOnly'], awsConfig: ['s3-bucket-ssl-requests-only'], checkov: ['CKV_AWS_379'] },
  check(bucket, ctx) {
    const p = bucketPolicies(ctx, bucket);
    if (!('docs' in p)) return p;
    return p.docs.some((d) => deniesInsecureTransport(d, 's3'))
      ? pass('the bucket policy denies aws:SecureTransport = false')
      : fail('the bucket policy has no Deny for aws:SecureTransport = false, so plain-HTTP requests are answered', { attribute: 'aws_s3_bucket_policy.policy', value: '(no TLS-only Deny)' });
  },
  examples: {
    pass: [
      { description: 'passes with a TLS-only Deny joined by reference', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: POLICY() } }, target: 'aws_s3_bucket.b' },
      { description: 'passes with a TLS-only Deny joined by literal bucket name', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: POLICY() } }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when the bucket has no policy', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } }, target: 'aws_s3_bucket.b' },
      {
        description: 'fails when the policy has no TLS-only Deny',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }] }) } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: POLICY() } }, unknown: { 'aws_s3_bucket_policy.p': ['policy'] }, target: 'aws_s3_bucket.b' },
    ],
  },
};

export const S3_TLS_POLICY_EXAMPLE = POLICY;
