import { attr, str } from '../../model/attrs';
import { deniesInsecureTransport } from '../../model/iam';
import type { Resource } from '../../model/types';
import type { CheckContext, ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, combine, ev, expectBool, fail, noneJoined, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { judgeBucketPolicies } from '../helpers';

const PAB = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

function publicAccessBlocked(ctx: CheckContext, b: Resource): Verdict {
  const pabs = bucketSide(ctx, b, 'aws_s3_bucket_public_access_block');
  if (!pabs.length) return noneJoined(ctx, b, 'aws_s3_bucket_public_access_block', 'bucket', fail(`no aws_s3_bucket_public_access_block refers to ${b.address}`, { attribute: 'aws_s3_bucket_public_access_block', value: '(none)' }));
  return combine(pabs.flatMap((p) => PAB.map((k) => expectBool(p, k, true, false, `${p.address} does not block public access`))), 'public access is blocked');
}

function versioned(ctx: CheckContext, b: Resource): Verdict {
  const vs = bucketSide(ctx, b, 'aws_s3_bucket_versioning');
  const verdicts = vs.map((v) => {
    const s = attr(v, 'versioning_configuration.status');
    if (s.state === 'unknown' || s.state === 'sensitive') return unknown(unknownMessage(`${v.address}.versioning_configuration.status`), ev('versioning_configuration.status', s));
    return str(s) === 'Enabled' ? pass('versioning is Enabled') : fail(`${v.address}.versioning_configuration.status is ${str(s) ?? '(not set)'}, not Enabled`, ev('versioning_configuration.status', s));
  });
  if (attr(b, 'versioning.enabled').state !== 'absent') verdicts.push(expectBool(b, 'versioning.enabled', true, false, 'versioning is off'));
  if (!verdicts.length) return noneJoined(ctx, b, 'aws_s3_bucket_versioning', 'bucket', fail(`no aws_s3_bucket_versioning refers to ${b.address}; deleted or overwritten log files cannot be recovered`, { attribute: 'aws_s3_bucket_versioning', value: '(none)' }));
  return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
}

export const trailBucketHardened: ResourceRule = {
  id: 'AUD-05',
  control: 'AUD-05',
  title: 'The CloudTrail log bucket blocks public access, is versioned and denies non-TLS requests',
  strategy: 3,
  citations: ['164.312(b)', '164.312(c)(1)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'The same settings are required of every bucket by ACC-01a, BAK-08a and COM-08a; this rule repeats them for the trail bucket.' },
  resourceTypes: ['aws_cloudtrail'],
  scope: 'resource',
  rationale:
    'The trail bucket holds the evidence of every API call, including those touching PHI. If it can be made public, its objects overwritten without history, or read over plain HTTP, the audit record is neither confidential nor trustworthy (164.312(c)(1)).',
  remediation: 'Deliver the trail to a bucket with an aws_s3_bucket_public_access_block (all four true), aws_s3_bucket_versioning Enabled and a TLS-only bucket policy; the phikit AuditTrail construct creates such a bucket (a HipaaBucket).',
  construct: 'AuditTrail',
  check(trail, ctx) {
    const n = attr(trail, 's3_bucket_name');
    const buckets = ctx.graph.deref(trail, 's3_bucket_name').resources.filter((r) => r.type === 'aws_s3_bucket');
    if (!buckets.length) {
      if (n.state === 'unknown' && !n.value.refs.length) return unknown(unknownMessage('s3_bucket_name'), ev('s3_bucket_name', n));
      return notApplicable(`the trail bucket (${str(n) ?? 'outside these inputs'}) is not declared in these inputs; check it where it is declared`);
    }
    const b = buckets[0];
    const v = combine(
      [publicAccessBlocked(ctx, b), versioned(ctx, b), judgeBucketPolicies(ctx, b, (d) => deniesInsecureTransport(d), 'does not deny aws:SecureTransport = false', 'TLS-only policy')],
      `${b.address} blocks public access, is versioned and TLS-only`,
    );
    return v.status === 'fail' && !v.message.includes(b.address) ? { ...v, message: `${b.address}: ${v.message}` } : v;
  },
  examples: {
    pass: [
      {
        description: 'passes when the trail bucket (by reference) is blocked, versioned and TLS-only',
        resources: {
          'aws_s3_bucket.logs': { bucket: 'trail-logs' },
          'aws_s3_bucket_public_access_block.p': { bucket: '${aws_s3_bucket.logs.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
          'aws_s3_bucket_versioning.v': { bucket: '${aws_s3_bucket.logs.id}', versioning_configuration: [{ status: 'Enabled' }] },
          'aws_s3_bucket_policy.pol': {
            bucket: '${aws_s3_bucket.logs.id}',
            policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::trail-logs/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
          },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: '${aws_s3_bucket.logs.id}' },
        },
        target: 'aws_cloudtrail.t',
      },
    ],
    fail: [
      {
        description: 'fails when the trail bucket named literally has no versioning and no public access block',
        resources: { 'aws_s3_bucket.logs': { bucket: 'trail-logs' }, 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'trail-logs' } },
        target: 'aws_cloudtrail.t',
      },
      {
        description: 'fails when versioning is Suspended',
        resources: {
          'aws_s3_bucket.logs': { bucket: 'trail-logs' },
          'aws_s3_bucket_public_access_block.p': { bucket: 'trail-logs', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
          'aws_s3_bucket_versioning.v': { bucket: 'trail-logs', versioning_configuration: [{ status: 'Suspended' }] },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'trail-logs' },
        },
        target: 'aws_cloudtrail.t',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the versioning status is known only after apply',
        resources: {
          'aws_s3_bucket.logs': { bucket: 'trail-logs' },
          'aws_s3_bucket_public_access_block.p': { bucket: 'trail-logs', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
          'aws_s3_bucket_versioning.v': { bucket: 'trail-logs', versioning_configuration: [{ status: 'Enabled' }] },
          'aws_s3_bucket_policy.pol': {
            bucket: 'trail-logs',
            policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::trail-logs/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }),
          },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'trail-logs' },
        },
        unknown: { 'aws_s3_bucket_versioning.v': ['versioning_configuration.status'] },
        target: 'aws_cloudtrail.t',
      },
    ],
  },
};
