import { attr, blocks } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { bucketSide, fail, noneJoined, pass, unknown, unknownMessage } from '../helpers';

export const s3EventNotifications: ResourceRule = {
  id: 'IR-05',
  control: 'IR-05',
  title: 'S3 buckets emit event notifications',
  strategy: 8,
  citations: ['164.308(a)(6)(ii)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'Object events (creation, deletion, restore) let responders and automation see unexpected writes or mass deletions of PHI as they happen, instead of days later in access logs.',
  remediation: 'Add an aws_s3_bucket_notification for the bucket with eventbridge = true (or a topic/queue/lambda_function block); the phikit HipaaBucket construct enables EventBridge notifications by default.',
  construct: 'HipaaBucket',
  anchors: { awsConfig: ['s3-event-notifications-enabled'], checkov: ['CKV2_AWS_62'] },
  check(bucket, ctx) {
    const notes = bucketSide(ctx, bucket, 'aws_s3_bucket_notification');
    if (!notes.length) return noneJoined(ctx, bucket, 'aws_s3_bucket_notification', 'bucket', fail('no aws_s3_bucket_notification refers to this bucket', { attribute: 'aws_s3_bucket_notification', value: '(not set)' }));
    for (const n of notes) {
      const eb = attr(n, 'eventbridge');
      if (eb.state === 'unknown') return unknown(unknownMessage(`${n.address}.eventbridge`));
      if (eb.state === 'known' && eb.value === true) return pass(`${n.address} sends events to EventBridge`);
      const targets = ['topic', 'queue', 'lambda_function'].filter((k) => blocks(n, k).length > 0);
      if (targets.length) return pass(`${n.address} notifies a ${targets.join('/')}`);
    }
    return fail(`${notes[0].address} has no eventbridge, topic, queue or lambda_function destination`, { attribute: `${notes[0].address}.eventbridge`, value: 'false' });
  },
  examples: {
    pass: [
      {
        description: 'passes with EventBridge notifications joined by reference',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_notification.n': { bucket: '${aws_s3_bucket.b.id}', eventbridge: true } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes with a topic notification joined by literal bucket name',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'aws_s3_bucket_notification.n': { bucket: 'phi', topic: [{ topic_arn: 'arn:aws:sns:us-east-1:111122223333:s3-events', events: ['s3:ObjectRemoved:*'] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no notification configuration refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } }, target: 'aws_s3_bucket.b' },
      {
        description: 'fails when the notification has no destination',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_notification.n': { bucket: '${aws_s3_bucket.b.id}', eventbridge: false } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when eventbridge is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_notification.n': { bucket: '${aws_s3_bucket.b.id}', eventbridge: true } },
        unknown: { 'aws_s3_bucket_notification.n': ['eventbridge'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
