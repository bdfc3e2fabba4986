import { attr, num, str } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { CheckContext, GraphRule, Verdict } from '../../engine/types';
import { bucketSide, evv, fail, pass, unknown } from '../helpers';

const MIN_DAYS = 2192; // 6 years incl. leap days (catalogue: ≥ 2192 d), 164.316(b)(2)(i)

/** Object Lock COMPLIANCE default retention of `bucket` in days, 'unknown', or undefined when none. */
function complianceDays(ctx: CheckContext, bucket: Resource): number | 'unknown' | undefined {
  let best: number | 'unknown' | undefined;
  for (const c of bucketSide(ctx, bucket, 'aws_s3_bucket_object_lock_configuration')) {
    const mode = attr(c, 'rule.default_retention.mode');
    const d = attr(c, 'rule.default_retention.days');
    const y = attr(c, 'rule.default_retention.years');
    if (mode.state === 'unknown' || d.state === 'unknown' || y.state === 'unknown') {
      best ??= 'unknown';
      continue;
    }
    if (str(mode) !== 'COMPLIANCE') continue;
    const days = num(d) ?? (num(y) !== undefined ? Math.ceil((num(y) as number) * 365.25) : 0);
    if (best === undefined || best === 'unknown' || days > best) best = days;
  }
  return best;
}

export const evidenceStore: GraphRule = {
  id: 'AUD-18',
  control: 'AUD-18',
  title: 'A compliance-evidence bucket keeps records under Object Lock COMPLIANCE for at least 6 years',
  strategy: 3,
  citations: ['164.316(b)(1)', '164.316(b)(2)(i)'],
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: '164.316(b)(2)(i) asks that documentation is kept six years; where and how it is kept (an Object-Locked bucket) is the entity’s choice.' },
  resourceTypes: ['aws_s3_bucket_object_lock_configuration'],
  scope: 'account',
  rationale: 'HIPAA documentation (policies, risk analyses, checker reports, audit evidence) must be retained for six years (164.316(b)(2)(i)). Object Lock in COMPLIANCE mode makes that retention impossible to shorten, even for the root user.',
  remediation: 'Declare a dedicated bucket with object_lock_enabled = true, an aws_s3_bucket_object_lock_configuration with default_retention { mode = "COMPLIANCE", years = 6 } and versioning, or waive for stacks whose account baseline owns the evidence store.',
  construct: 'AuditTrail',
  check(ctx) {
    const verdicts: Verdict[] = [];
    for (const b of ctx.graph.ofType('aws_s3_bucket')) {
      const days = complianceDays(ctx, b);
      if (days === undefined) continue;
      if (days === 'unknown') verdicts.push(unknown('the Object Lock default retention is known only after apply', evv('rule.default_retention', '(known after apply)'), b));
      else if (days >= MIN_DAYS) verdicts.push(pass(`COMPLIANCE retention of ${days} days`, evv('rule.default_retention.days', days), b));
      else verdicts.push(fail(`COMPLIANCE retention is ${days} days, less than 6 years (${MIN_DAYS} days)`, evv('rule.default_retention.days', days), b));
    }
    if (verdicts.some((v) => v.status === 'pass')) return verdicts.filter((v) => v.status === 'pass');
    if (verdicts.length) return verdicts;
    return [fail('no bucket has Object Lock in COMPLIANCE mode; there is no tamper-proof evidence store', evv('aws_s3_bucket_object_lock_configuration', null))];
  },
  examples: {
    pass: [
      {
        description: 'passes with COMPLIANCE retention of 6 years',
        resources: { 'aws_s3_bucket.e': { bucket: 'evidence', object_lock_enabled: true }, 'aws_s3_bucket_object_lock_configuration.l': { bucket: '${aws_s3_bucket.e.id}', rule: [{ default_retention: [{ mode: 'COMPLIANCE', years: 6 }] }] } },
      },
    ],
    fail: [
      { description: 'fails when no bucket has Object Lock', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when the retention mode is GOVERNANCE (literal bucket name)',
        resources: { 'aws_s3_bucket.e': { bucket: 'evidence', object_lock_enabled: true }, 'aws_s3_bucket_object_lock_configuration.l': { bucket: 'evidence', rule: [{ default_retention: [{ mode: 'GOVERNANCE', years: 6 }] }] } },
      },
      {
        description: 'fails when COMPLIANCE retention is 365 days',
        resources: { 'aws_s3_bucket.e': { bucket: 'evidence', object_lock_enabled: true }, 'aws_s3_bucket_object_lock_configuration.l': { bucket: 'evidence', rule: [{ default_retention: [{ mode: 'COMPLIANCE', days: 365 }] }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the retention mode is known only after apply',
        resources: { 'aws_s3_bucket.e': { bucket: 'evidence', object_lock_enabled: true }, 'aws_s3_bucket_object_lock_configuration.l': { bucket: 'evidence', rule: [{ default_retention: [{ mode: 'COMPLIANCE', years: 6 }] }] } },
        unknown: { 'aws_s3_bucket_object_lock_configuration.l': ['rule.default_retention.mode'] },
      },
    ],
  },
};
