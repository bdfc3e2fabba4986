import { attr, bool } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, ev, fail, judgeAll, noneJoined, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

const PAB = 'aws_s3_bucket_public_access_block';
const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3BucketPublicAccessBlock: ResourceRule = {
  id: 'ACC-01a',
  control: 'ACC-01',
  title: 'Every S3 bucket has a public access block with all four settings true',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'A bucket-level public access block makes S3 ignore public ACLs and refuse public bucket policies, so a later mistake in an ACL or policy cannot expose PHI. Without an aws_s3_bucket_public_access_block the bucket relies on every other setting being right.',
  remediation: 'Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true, or use the phikit HipaaBucket construct.',
  construct: 'HipaaBucket',
  anchors: {
    cdkNag: ['HIPAA.Security-S3BucketLevelPublicAccessProhibited'],
    awsConfig: ['s3-bucket-level-public-access-prohibited'],
    checkov: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
  },
  check(bucket, ctx) {
    const blocks = bucketSide(ctx, bucket, PAB);
    if (!blocks.length) return noneJoined(ctx, bucket, PAB, 'bucket', fail(`no ${PAB} refers to this bucket, so public ACLs and policies are not blocked`, ev(PAB, { state: 'absent' })));
    const parts = blocks.flatMap((b) =>
      FLAGS.map((f): Verdict => {
        const a = attr(b, f);
        if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(f), ev(`${b.address}.${f}`, a));
        // Every flag defaults to false when not set.
        if ((a.state === 'absent' ? false : bool(a)) !== true) return fail(`${f} is ${a.state === 'absent' ? 'not set (provider default false)' : String(a.value)}`, ev(`${b.address}.${f}`, a));
        return pass(`${f} is true`);
      }),
    );
    return judgeAll(parts, `all four public access block settings are true (${blocks[0].address})`);
  },
  examples: {
    pass: [
      {
        description: 'passes with all four flags true, joined by reference',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: '${aws_s3_bucket.b.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when the block names the bucket by literal name',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: 'phi-data', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no public access block refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi-data' } }, target: 'aws_s3_bucket.b' },
      {
        description: 'fails on a known false block_public_policy even when block_public_acls is known only after apply',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: '${aws_s3_bucket.b.id}', block_public_acls: true, block_public_policy: false, ignore_public_acls: true, restrict_public_buckets: true },
        },
        unknown: { 'aws_s3_bucket_public_access_block.p': ['block_public_acls'] },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when restrict_public_buckets is not set (default false)',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: 'phi-data', block_public_acls: true, block_public_policy: true, ignore_public_acls: true },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when block_public_policy is false',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: '${aws_s3_bucket.b.id}', block_public_acls: true, block_public_policy: false, ignore_public_acls: true, restrict_public_buckets: true },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when block_public_acls is known only after apply',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi-data' },
          'aws_s3_bucket_public_access_block.p': { bucket: '${aws_s3_bucket.b.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
        },
        unknown: { 'aws_s3_bucket_public_access_block.p': ['block_public_acls'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
