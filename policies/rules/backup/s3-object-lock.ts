import { attr, isSet, str } from '../../model/attrs';
import { classifyStore } from '../../model/phi';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { cfgAttr } from '../helpers';

const OL = 'aws_s3_bucket_object_lock_configuration';
const lock = (bucket: string, mode = 'COMPLIANCE') => ({ bucket, rule: [{ default_retention: [{ mode, days: 365 }] }] });

export const s3ObjectLock: ResourceRule = {
  id: 'BAK-09',
  control: 'BAK-09',
  title: 'PHI buckets and CloudTrail / AWS Config log buckets have S3 Object Lock with a default retention',
  strategy: 6,
  citations: ['164.312(c)(1)', '164.308(a)(7)(ii)(A)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'Object Lock (WORM) with a default retention makes every new object version undeletable and unmodifiable for the retention period — the control that keeps PHI and audit logs intact through ransomware or a compromised administrator. Applies to buckets classified as PHI (tagged PHI, or untagged and not a log destination) and to the audit-trail buckets that receive CloudTrail or AWS Config deliveries; buckets that receive only access, load-balancer or flow logs are audit stores this rule does not ask it of (model/phi).',
  remediation: `Create the bucket with object_lock_enabled = true and declare an ${OL} with rule { default_retention { mode = "COMPLIANCE" (or "GOVERNANCE"), days = N } }, or use the phikit HipaaBucket construct.`,
  construct: 'HipaaBucket',
  anchors: { awsConfig: ['s3-bucket-default-lock-enabled'], checkov: ['CKV_AWS_143'] },
  check(bucket, ctx) {
    const c = classifyStore(ctx.graph, bucket);
    if (c.class === 'unknown') return unknown(`the scope of Object Lock cannot be decided: ${c.why}`, evv('tags', '(known after apply)'));
    if (c.class === 'audit' && !c.trail) return notApplicable(`audit store (${c.why}); Object Lock is asked of PHI buckets and of CloudTrail / AWS Config buckets`);
    if (c.class !== 'phi' && c.class !== 'audit') return notApplicable(`not a PHI store: ${c.why}`);
    const scope = c.class === 'audit' ? `audit trail bucket (${c.why})` : `PHI bucket (${c.why})`;
    const configs = ctx.graph.related(bucket, OL, 'bucket');
    const sources = configs.length ? configs.map((c) => ({ res: c, prefix: '', where: c.address })) : [{ res: bucket, prefix: 'object_lock_configuration.', where: bucket.address }];
    for (const s of sources) {
      const mode = cfgAttr(s.res, `${s.prefix}rule.default_retention.mode`);
      const path = `${s.where}.${s.prefix}rule.default_retention.mode`;
      if (mode.state === 'unknown' || mode.state === 'sensitive') return unknown(unknownMessage(path), ev(path, mode));
      const m = str(mode);
      if ((m === 'COMPLIANCE' || m === 'GOVERNANCE') && (isSet(attr(s.res, `${s.prefix}rule.default_retention.days`)) || isSet(attr(s.res, `${s.prefix}rule.default_retention.years`)))) {
        return pass(`${scope}: default retention ${m} (${s.where})`, ev(path, mode));
      }
    }
    return fail(`${scope} has no Object Lock default retention (no ${OL} with rule.default_retention refers to it)`, ev(OL, { state: 'absent' }));
  },
  examples: {
    pass: [
      { description: 'passes when a PHI bucket has a COMPLIANCE default retention joined by reference', resources: { 'aws_s3_bucket.b': { bucket: 'phi', object_lock_enabled: true, tags: { DataClass: 'PHI' } }, 'aws_s3_bucket_object_lock_configuration.l': lock('${aws_s3_bucket.b.id}') }, target: 'aws_s3_bucket.b' },
      { description: 'passes when a CloudTrail bucket has a default retention joined by literal name', resources: { 'aws_s3_bucket.b': { bucket: 'trail-logs', object_lock_enabled: true }, 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: '${aws_s3_bucket.b.id}' }, 'aws_s3_bucket_object_lock_configuration.l': lock('trail-logs', 'GOVERNANCE') }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when a PHI bucket has no Object Lock configuration', resources: { 'aws_s3_bucket.b': { bucket: 'phi', tags: { data_classification: 'phi' } } } },
      { description: 'fails when a CloudTrail bucket has no Object Lock configuration', resources: { 'aws_s3_bucket.b': { bucket: 'trail-logs' }, 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'trail-logs' } }, target: 'aws_s3_bucket.b' },
    ],
    unknown: [{ description: 'is unknown when the retention mode is known only after apply', resources: { 'aws_s3_bucket.b': { bucket: 'phi', object_lock_enabled: true, tags: { DataClass: 'PHI' } }, 'aws_s3_bucket_object_lock_configuration.l': lock('phi') }, unknown: { 'aws_s3_bucket_object_lock_configuration.l': ['rule.default_retention.mode'] }, target: 'aws_s3_bucket.b' }],
  },
};
