import type { GraphRule, Verdict } from '../../engine/types';
import { expectBool, fail } from '../helpers';

export const guarddutyEnabled: GraphRule = {
  id: 'IR-01',
  control: 'IR-01',
  title: 'GuardDuty threat detection is enabled',
  strategy: 8,
  citations: ['164.308(a)(5)(ii)(C)', '164.308(a)(6)(ii)', '164.312(b)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_guardduty_detector'],
  scope: 'account',
  rationale:
    'Security incident procedures (164.308(a)(6)) start with detecting incidents. GuardDuty analyses CloudTrail, VPC flow and DNS logs for compromised credentials, crypto-mining and data exfiltration, which a team cannot watch by hand.',
  remediation:
    'Declare an aws_guardduty_detector with enable = true in every region the stack uses (the phikit AuditTrail construct does), or check the baseline stack that owns the organization detector together with this one.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['guardduty-enabled-centralized'], checkov: ['CKV2_AWS_3'] },
  check(ctx) {
    const detectors = ctx.graph.ofType('aws_guardduty_detector');
    if (!detectors.length) return [fail('no aws_guardduty_detector in the inputs; threats to PHI go undetected')];
    return detectors.map((d): Verdict => ({ ...expectBool(d, 'enable', true, true, 'the detector is suspended'), resource: d }));
  },
  examples: {
    pass: [{ description: 'passes with an enabled detector', resources: { 'aws_guardduty_detector.d': { enable: true } } }],
    fail: [
      { description: 'fails when no detector is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      { description: 'fails when the detector is disabled', resources: { 'aws_guardduty_detector.d': { enable: false } }, target: 'aws_guardduty_detector.d' },
    ],
    unknown: [
      {
        description: 'is unknown when enable is known only after apply',
        resources: { 'aws_guardduty_detector.d': { enable: true } },
        unknown: { 'aws_guardduty_detector.d': ['enable'] },
      },
    ],
  },
};
