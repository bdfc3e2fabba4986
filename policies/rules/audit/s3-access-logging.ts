import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { bucketSide, fail, pass } from '../helpers';

export const s3AccessLogging: ResourceRule = {
  id: 'AUD-06',
  control: 'AUD-06',
  title: 'S3 buckets log server access to a separate log bucket',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  severity: 'medium',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'Server access logs record every request to the bucket — who read which PHI object, from where — complementing CloudTrail data events for investigations.',
  remediation: 'Add an aws_s3_bucket_logging for the bucket with target_bucket set to a separate log bucket; the phikit HipaaBucket construct creates a hardened log bucket by default.',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketLoggingEnabled'], awsConfig: ['s3-bucket-logging-enabled'], checkov: ['CKV_AWS_18'] },
  check(bucket, ctx) {
    const logging = bucketSide(ctx, bucket, 'aws_s3_bucket_logging');
    const inline = attr(bucket, 'logging.target_bucket');
    if (!logging.length && inline.state === 'absent') return fail('no aws_s3_bucket_logging refers to this bucket', { attribute: 'aws_s3_bucket_logging', value: '(not set)' });
    const target = logging.length ? ctx.graph.deref(logging[0], 'target_bucket') : ctx.graph.deref(bucket, 'logging.target_bucket');
    if (target.resources.includes(bucket)) return fail('the bucket logs into itself, which loops and mixes logs with data', { attribute: 'target_bucket', value: bucket.address });
    return pass(`access logs go to ${target.resources[0]?.address ?? 'a bucket outside these inputs'}`);
  },
  examples: {
    pass: [
      {
        description: 'passes with logging joined by reference to a log bucket',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket.logs': { bucket: 'phi-logs' }, 'aws_s3_bucket_logging.l': { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.logs.id}', target_prefix: 'phi/' } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes with logging joined by literal bucket name',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_logging.l': { bucket: 'phi', target_bucket: 'central-logs' } },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no logging refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } }, target: 'aws_s3_bucket.b' },
      { description: 'fails when the bucket logs into itself', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_logging.l': { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.b.id}' } }, target: 'aws_s3_bucket.b' },
    ],
  },
};
