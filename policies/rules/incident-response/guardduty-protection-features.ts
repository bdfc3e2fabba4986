import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown, unknownMessage } from '../helpers';

/** Protection features that watch where PHI lives (names as the GuardDuty API spells them). */
export const REQUIRED_FEATURES = ['S3_DATA_EVENTS', 'RDS_LOGIN_EVENTS', 'EBS_MALWARE_PROTECTION'] as const;

export const guarddutyProtectionFeatures: ResourceRule = {
  id: 'IR-01b',
  control: 'IR-01',
  title: 'GuardDuty protection features cover S3 data events, RDS logins and EBS malware',
  strategy: 8,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(6)(ii)', '164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_guardduty_detector'],
  scope: 'resource',
  rationale:
    'A detector with only foundational sources does not see reads of PHI objects in S3, brute-force logins to databases or malware on instance volumes. Protection from malicious software (164.308(a)(5)(ii)(B)) and incident detection need those features on.',
  remediation:
    'Add aws_guardduty_detector_feature resources (S3_DATA_EVENTS, RDS_LOGIN_EVENTS, EBS_MALWARE_PROTECTION, status ENABLED) for the detector, or use the phikit AuditTrail construct.',
  construct: 'AuditTrail',
  anchors: { checkov: ['CKV_AWS_238'] },
  check(detector, ctx) {
    const features = ctx.graph.related(detector, 'aws_guardduty_detector_feature', 'detector_id');
    const enabled = new Set<string>();
    // Features whose name or status is known only after apply: each may enable the feature it names (any, when the name is unknown).
    const open: Array<{ address: string; name?: string }> = [];
    for (const f of features) {
      const name = attr(f, 'name');
      const status = attr(f, 'status');
      if (name.state === 'unknown' || status.state === 'unknown') {
        open.push({ address: `${f.address}.${name.state === 'unknown' ? 'name' : 'status'}`, name: str(name) });
        continue;
      }
      if (str(status) === 'ENABLED' && str(name)) enabled.add(str(name) as string);
    }
    // Legacy inline datasources block (provider < 5): s3_logs / malware_protection.
    const s3Legacy = attr(detector, 'datasources.s3_logs.enable');
    if (s3Legacy.state === 'known' && s3Legacy.value === true) enabled.add('S3_DATA_EVENTS');
    const ebsLegacy = attr(detector, 'datasources.malware_protection.scan_ec2_instance_with_findings.ebs_volumes.enable');
    if (ebsLegacy.state === 'known' && ebsLegacy.value === true) enabled.add('EBS_MALWARE_PROTECTION');
    const maybe = (f: string) => open.some((o) => o.name === undefined || o.name === f);
    const missing = REQUIRED_FEATURES.filter((f) => !enabled.has(f) && !maybe(f));
    const undecided = REQUIRED_FEATURES.filter((f) => !enabled.has(f) && maybe(f));
    const also = undecided.length ? `; known only after apply: ${undecided.join(', ')} (${open.map((o) => o.address).join(', ')})` : '';
    if (missing.length) {
      return fail(`protection features not enabled: ${missing.join(', ')}${also}`, { attribute: 'aws_guardduty_detector_feature.name', value: [...enabled].join(', ') || '(none)' });
    }
    if (undecided.length) return unknown(`whether ${undecided.join(', ')} are enabled is known only after apply (${open.map((o) => o.address).join(', ')})`);
    return pass(`features enabled: ${[...enabled].sort().join(', ')}`);
  },
  examples: {
    pass: [
      {
        description: 'passes with S3, RDS login and EBS malware features enabled',
        resources: {
          'aws_guardduty_detector.d': { enable: true },
          'aws_guardduty_detector_feature.s3': { detector_id: '${aws_guardduty_detector.d.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' },
          'aws_guardduty_detector_feature.rds': { detector_id: '${aws_guardduty_detector.d.id}', name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
          'aws_guardduty_detector_feature.ebs': { detector_id: '${aws_guardduty_detector.d.id}', name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
        },
      },
    ],
    fail: [
      { description: 'fails when the detector has no protection features', resources: { 'aws_guardduty_detector.d': { enable: true } } },
      {
        description: 'fails when the RDS login feature is disabled',
        resources: {
          'aws_guardduty_detector.d': { enable: true },
          'aws_guardduty_detector_feature.s3': { detector_id: '${aws_guardduty_detector.d.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' },
          'aws_guardduty_detector_feature.rds': { detector_id: '${aws_guardduty_detector.d.id}', name: 'RDS_LOGIN_EVENTS', status: 'DISABLED' },
          'aws_guardduty_detector_feature.ebs': { detector_id: '${aws_guardduty_detector.d.id}', name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
        },
      },
      {
        description: 'fails on the features known not to be enabled even when another feature status is known only after apply',
        resources: {
          'aws_guardduty_detector.d': { enable: true },
          'aws_guardduty_detector_feature.s3': { detector_id: '${aws_guardduty_detector.d.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' },
        },
        unknown: { 'aws_guardduty_detector_feature.s3': ['status'] },
      },
    ],
    unknown: [
      {
        description: 'is unknown when a feature status is known only after apply and the other features are enabled',
        resources: {
          'aws_guardduty_detector.d': { enable: true },
          'aws_guardduty_detector_feature.s3': { detector_id: '${aws_guardduty_detector.d.id}', name: 'S3_DATA_EVENTS', status: 'ENABLED' },
          'aws_guardduty_detector_feature.rds': { detector_id: '${aws_guardduty_detector.d.id}', name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
          'aws_guardduty_detector_feature.ebs': { detector_id: '${aws_guardduty_detector.d.id}', name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
        },
        target: 'aws_guardduty_detector.d',
        unknown: { 'aws_guardduty_detector_feature.s3': ['status'] },
      },
    ],
  },
};
