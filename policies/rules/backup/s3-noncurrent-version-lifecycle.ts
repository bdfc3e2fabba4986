import type { ResourceRule } from '../../engine/types';
import { fail, noneJoined, notApplicable, pass, unknown } from '../helpers';
import { BKP, lifecycleRulesOf, versioningOf } from './_shared';

const LC = 'aws_s3_bucket_lifecycle_configuration';
const versioned = { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: [{ status: 'Enabled' }] } };

export const s3NoncurrentVersionLifecycle: ResourceRule = {
  id: 'BAK-08b',
  control: 'BAK-08',
  title: 'Versioned S3 buckets have a lifecycle rule for noncurrent versions',
  strategy: 6,
  citations: [...BKP, '164.312(c)(1)', '164.312(c)(2)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'HIPAA requires retrievable exact copies of ePHI (164.308(a)(7)(ii)(A)) and integrity protection (164.312(c)(1)); it does not ask for lifecycle rules. phikit recommends one: without a noncurrent-version rule, old versions of PHI objects accumulate forever, cost grows, and data kept past its retention period is itself a compliance problem. A rule (separate resource or inline lifecycle_rule) that transitions or expires noncurrent versions after the recovery window keeps versioning sustainable.',
  remediation: `Declare an ${LC} for the bucket with an Enabled rule that sets noncurrent_version_expiration (and/or noncurrent_version_transition) — or, on provider < 4, an inline lifecycle_rule with enabled = true and the same block — or use the phikit HipaaBucket construct.`,
  construct: 'HipaaBucket',
  anchors: { awsConfig: ['s3-version-lifecycle-policy-check'], checkov: ['CKV2_AWS_61'] },
  check(bucket, ctx) {
    const v = versioningOf(ctx, bucket);
    if (v.status === 'unknown') return unknown(`${v.where} is known only after apply`);
    if (v.status !== 'Enabled') return notApplicable('versioning is not enabled (BAK-08a)');
    const rules = lifecycleRulesOf(ctx, bucket);
    if (rules === 'unknown') return unknown('a lifecycle rule is known only after apply');
    if (!rules.length) return noneJoined(ctx, bucket, LC, 'bucket', fail(`the bucket is versioned but no ${LC} refers to it and it has no inline lifecycle_rule`));
    const good = rules.find((r) => r.enabled === true && r.noncurrent);
    if (good) return pass(`${good.where} manages noncurrent versions`);
    if (rules.some((r) => r.enabled === 'unknown' && r.noncurrent)) return unknown('a lifecycle rule status is known only after apply');
    return fail(`no enabled rule in ${[...new Set(rules.map((r) => r.where))].join(', ')} sets noncurrent_version_expiration or noncurrent_version_transition`);
  },
  examples: {
    pass: [
      { description: 'passes with an Enabled noncurrent_version_expiration rule', resources: { ...versioned, 'aws_s3_bucket_lifecycle_configuration.l': { bucket: 'phi', rule: [{ id: 'nc', status: 'Enabled', noncurrent_version_expiration: [{ noncurrent_days: 90 }] }] } }, target: 'aws_s3_bucket.b' },
      { description: 'passes with inline versioning and an inline lifecycle_rule with noncurrent_version_expiration', resources: { 'aws_s3_bucket.b': { bucket: 'phi', versioning: [{ enabled: true }], lifecycle_rule: [{ id: 'nc', enabled: true, noncurrent_version_expiration: [{ days: 90 }] }] } } },
      { description: 'passes with an inline lifecycle_rule with noncurrent_version_transition', resources: { ...versioned, 'aws_s3_bucket.b': { bucket: 'phi', lifecycle_rule: [{ id: 'nc', enabled: true, noncurrent_version_transition: [{ days: 30, storage_class: 'GLACIER' }] }] } }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when a versioned bucket has no lifecycle configuration', resources: versioned, target: 'aws_s3_bucket.b' },
      { description: 'fails when the only inline lifecycle_rule with noncurrent_version_expiration is disabled', resources: { 'aws_s3_bucket.b': { bucket: 'phi', versioning: [{ enabled: true }], lifecycle_rule: [{ id: 'nc', enabled: false, noncurrent_version_expiration: [{ days: 90 }] }] } } },
      { description: 'fails when the only lifecycle rule expires current objects', resources: { ...versioned, 'aws_s3_bucket_lifecycle_configuration.l': { bucket: '${aws_s3_bucket.b.id}', rule: [{ id: 'x', status: 'Enabled', expiration: [{ days: 365 }] }] } }, target: 'aws_s3_bucket.b' },
    ],
    unknown: [{ description: 'is unknown when the rule status is known only after apply', resources: { ...versioned, 'aws_s3_bucket_lifecycle_configuration.l': { bucket: 'phi', rule: [{ id: 'nc', status: 'Enabled', noncurrent_version_expiration: [{ noncurrent_days: 90 }] }] } }, unknown: { 'aws_s3_bucket_lifecycle_configuration.l': ['rule.status'] }, target: 'aws_s3_bucket.b' }],
  },
};
