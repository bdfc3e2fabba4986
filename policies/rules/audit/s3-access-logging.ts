import { attr, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, ev, fail, noneJoined, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { LOG } from './_shared';

export const s3AccessLogging: ResourceRule = {
  id: 'AUD-06',
  control: 'AUD-06',
  title: 'S3 buckets have server access logging, delivered to a separate log bucket',
  strategy: 3,
  citations: LOG,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'CloudTrail data events record API calls, but server access logs also capture requests CloudTrail does not (anonymous, presigned, denied) with requester and source IP. A bucket logging into itself creates a feedback loop and lets whoever can delete PHI also delete its trail.',
  remediation: 'Declare an aws_s3_bucket_logging for the bucket with target_bucket set to a dedicated log bucket (the phikit HipaaBucket construct does).',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketLoggingEnabled'], awsConfig: ['s3-bucket-logging-enabled'], checkov: ['CKV_AWS_18'] },
  check(bucket, ctx) {
    // A bucket that receives other buckets' access logs is the log bucket itself.
    const receives = ctx.graph.related(bucket, 'aws_s3_bucket_logging', 'target_bucket').filter((l) => !ctx.graph.deref(l, 'bucket').resources.includes(bucket));
    if (receives.length) return notApplicable(`log bucket: receives access logs from ${receives[0].address}`);
    const judge = (where: Parameters<typeof attr>[0], label: string): Verdict => {
      const a = attr(where, 'target_bucket');
      if (a.state === 'absent' || (a.state === 'known' && !a.value)) return fail(`${label}target_bucket is not set`, ev(`${label}target_bucket`, a));
      const targets = 'address' in where ? ctx.graph.deref(where as never, 'target_bucket').resources : [];
      if (a.state === 'unknown' && !targets.length) return unknown(`${unknownMessage(`${label}target_bucket`)}; it may be the bucket itself`, ev(`${label}target_bucket`, a));
      const own = str(attr(bucket, 'bucket'));
      const sameRef = targets.includes(bucket);
      if (sameRef || (a.state === 'known' && own !== undefined && a.value === own)) return fail(`${label}target_bucket is the bucket itself; logs must go to a separate bucket`, ev(`${label}target_bucket`, a));
      return pass(`access logs go to ${a.state === 'known' ? String(a.value) : 'a separate bucket'}`, ev(`${label}target_bucket`, a));
    };
    const configs = bucketSide(ctx, bucket, 'aws_s3_bucket_logging');
    const verdicts = configs.map((c) => judge(c, `${c.address}.`));
    const legacy = attr(bucket, 'logging.target_bucket');
    if (legacy.state !== 'absent') verdicts.push(judge(bucket, 'logging.'));
    if (!verdicts.length) return noneJoined(ctx, bucket, 'aws_s3_bucket_logging', 'bucket', fail('no aws_s3_bucket_logging refers to this bucket; server access logging is off', { attribute: 'aws_s3_bucket_logging', value: '(none)' }));
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
  },
  examples: {
    pass: [
      {
        description: 'passes when an aws_s3_bucket_logging refers to the bucket by reference and targets a log bucket',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'aws_s3_bucket.logs': { bucket: 'phi-logs' },
          'aws_s3_bucket_logging.l': { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.logs.id}', target_prefix: 'phi/' },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when the logging resource names the bucket literally',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_logging.l': { bucket: 'phi', target_bucket: 'central-logs' } },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no logging configuration refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } } },
      {
        description: 'fails when the bucket logs into itself',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_logging.l': { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.b.id}' } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when target_bucket is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_logging.l': { bucket: 'phi', target_bucket: 'x' } },
        unknown: { 'aws_s3_bucket_logging.l': ['target_bucket'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
