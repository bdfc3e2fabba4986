import type { GraphRule, Verdict } from '../../engine/types';
import { combine, expectBool, fail } from '../helpers';

export const cloudtrailMultiRegion: GraphRule = {
  id: 'AUD-01',
  control: 'AUD-01',
  title: 'A multi-region CloudTrail trail records management events, including global services',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.308(a)(5)(ii)(C)', '164.312(b)'],
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_cloudtrail'],
  scope: 'account',
  rationale:
    'Audit controls (164.312(b)) need a record of every API call in every region, including IAM and STS (global services). Without a multi-region trail, activity in an unused region — a common hiding place — leaves no record.',
  remediation:
    'Declare an aws_cloudtrail with is_multi_region_trail = true, include_global_service_events = true and enable_logging = true (the phikit AuditTrail construct does), or include the plan of the baseline stack that owns the organization trail and waive this rule for application stacks with a reason.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['cloudtrail-enabled', 'multi-region-cloudtrail-enabled'], checkov: ['CKV_AWS_67'] },
  check(ctx) {
    const trails = ctx.graph.ofType('aws_cloudtrail');
    if (!trails.length) return [fail('no aws_cloudtrail in the inputs; no multi-region audit trail is declared')];
    const per: Verdict[] = trails.map((t) => {
      const v = combine(
        [
          expectBool(t, 'is_multi_region_trail', true, false, 'the trail records only its home region'),
          expectBool(t, 'include_global_service_events', true, true, 'IAM/STS events are not recorded'),
          expectBool(t, 'enable_logging', true, true, 'the trail is stopped'),
        ],
        'multi-region, global events, logging on',
      );
      return { ...v, resource: t };
    });
    // One compliant trail is enough; report every trail so reviewers see which one it is.
    if (per.some((v) => v.status === 'pass')) {
      return per.map((v) => (v.status === 'pass' ? v : { ...v, status: 'pass' as const, message: `${v.message}; another trail covers all regions` }));
    }
    return per;
  },
  examples: {
    pass: [
      {
        description: 'passes with one multi-region trail with global events',
        resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', is_multi_region_trail: true, include_global_service_events: true } },
      },
    ],
    fail: [
      { description: 'fails when no trail is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      { description: 'fails when the only trail is single-region', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs' } }, target: 'aws_cloudtrail.t' },
    ],
    unknown: [
      {
        description: 'is unknown when is_multi_region_trail is known only after apply',
        resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', is_multi_region_trail: true } },
        unknown: { 'aws_cloudtrail.t': ['is_multi_region_trail'] },
      },
    ],
  },
};
