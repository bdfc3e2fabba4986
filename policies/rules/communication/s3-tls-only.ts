import type { ResourceRule } from '../../engine/types';
import { deniesInsecureTransport } from '../../model/iam';
import { judgeBucketPolicies } from '../helpers';

export { judgeBucketPolicies };

const denyAll = (bucket: string) =>
  JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });

export const s3TlsOnly: ResourceRule = {
  id: 'COM-08a',
  control: 'COM-08',
  title: 'S3 bucket policies deny requests without TLS (aws:SecureTransport = false)',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(c)(2)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
  scope: 'resource',
  rationale:
    'S3 accepts plain-HTTP requests unless the bucket policy denies them. Transmission security (164.312(e)) requires PHI to be protected in transit, so every bucket must deny any request where aws:SecureTransport is false.',
  remediation: 'Attach an aws_s3_bucket_policy with a Deny of s3:* to Principal "*" when Bool aws:SecureTransport = false (the phikit HipaaBucket construct does).',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketSSLRequestsOnly'], awsConfig: ['s3-bucket-ssl-requests-only'], checkov: ['CKV_AWS_379'] },
  check(res, ctx) {
    return judgeBucketPolicies(ctx, res, (d) => deniesInsecureTransport(d), 'does not deny requests with aws:SecureTransport = false', 'the bucket policy denies non-TLS requests');
  },
  examples: {
    pass: [
      {
        description: 'passes when the bucket policy (joined by reference) denies aws:SecureTransport = false',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: denyAll('phi') } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when the policy names the bucket literally and comes from a policy document data source',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'data.aws_iam_policy_document.p': {
            statement: [{ effect: 'Deny', actions: ['s3:*'], resources: ['arn:aws:s3:::phi/*'], principals: [{ type: '*', identifiers: ['*'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }],
          },
          'aws_s3_bucket_policy.p': { bucket: 'phi', policy: '${data.aws_iam_policy_document.p.json}' },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no bucket policy refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } } },
      {
        description: 'fails when the policy (joined by literal name) has no SecureTransport deny',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'aws_s3_bucket_policy.p': { bucket: 'phi', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }] }) },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the policy document is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: denyAll('phi') } },
        unknown: { 'aws_s3_bucket_policy.p': ['policy'] },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'is unknown when the known part of a policy document has no TLS Deny and a source document is known only after apply',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'data.aws_iam_policy_document.p': {
            source_policy_documents: ['${var.extra_policy_json}'],
            statement: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::phi/*'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111122223333:root'] }] }],
          },
          'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: '${data.aws_iam_policy_document.p.json}' },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
