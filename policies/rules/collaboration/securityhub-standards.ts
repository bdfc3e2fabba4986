import { attr, str } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

/** Externally curated benchmarks, recognised by the standards ARN. */
export const STANDARDS = [
  { key: 'aws-foundational-security-best-practices', label: 'AWS Foundational Security Best Practices' },
  { key: 'cis-aws-foundations-benchmark', label: 'CIS AWS Foundations Benchmark' },
  { key: 'nist-800-53', label: 'NIST SP 800-53 Rev. 5' },
] as const;

const sub = (key: string, arn: string) => ({ [`aws_securityhub_standards_subscription.${key}`]: { standards_arn: arn, depends_on_account: true } });

export const securityhubStandards: GraphRule = {
  id: 'COL-03',
  control: 'COL-03',
  title: 'Security Hub subscribes to externally curated security standards',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.308(a)(1)(ii)(B)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_securityhub_account', 'aws_securityhub_standards_subscription'],
  scope: 'account',
  rationale:
    'Periodic technical evaluation (164.308(a)(8)) is stronger when measured against benchmarks maintained by outside experts (AWS FSBP, CIS, NIST 800-53) rather than only in-house checks; Security Hub runs them continuously.',
  remediation:
    'Declare aws_securityhub_account and aws_securityhub_standards_subscription for aws-foundational-security-best-practices, cis-aws-foundations-benchmark and nist-800-53; the phikit AuditTrail construct subscribes all three.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['securityhub-enabled'] },
  check(ctx) {
    const hub = ctx.graph.ofType('aws_securityhub_account')[0];
    if (!hub) return [fail('Security Hub is not enabled (no aws_securityhub_account), so no external standard is evaluated')];
    const arns: string[] = [];
    let sawUnknown = false;
    for (const s of ctx.graph.ofType('aws_securityhub_standards_subscription')) {
      const a = attr(s, 'standards_arn');
      if (a.state === 'unknown') {
        // A template such as arn:aws:securityhub:${region}::standards/... still names the standard.
        const t = a.value.template;
        if (t && STANDARDS.some((st) => t.includes(st.key))) arns.push(t);
        else sawUnknown = true;
      } else if (str(a)) arns.push(str(a) as string);
    }
    const missing = STANDARDS.filter((st) => !arns.some((a) => a.includes(st.key)));
    if (!missing.length) return [pass(`subscribed: ${STANDARDS.map((s) => s.label).join(', ')}`, undefined, hub)];
    const evidence = { attribute: 'aws_securityhub_standards_subscription.standards_arn', value: arns.join(', ') || '(none)' };
    if (sawUnknown) return [unknown(`cannot tell whether ${missing.map((m) => m.label).join(', ')} are subscribed: a standards_arn is known only after apply`, evidence, hub)];
    return [fail(`not subscribed: ${missing.map((m) => m.label).join(', ')}`, evidence, hub)];
  },
  examples: {
    pass: [
      {
        description: 'passes with FSBP, CIS and NIST subscriptions',
        resources: {
          'aws_securityhub_account.h': {},
          ...sub('fsbp', 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0'),
          ...sub('cis', 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0'),
          ...sub('nist', 'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0'),
        },
      },
    ],
    fail: [
      { description: 'fails when Security Hub is not enabled', resources: { 'aws_guardduty_detector.d': { enable: true } } },
      {
        description: 'fails when only FSBP is subscribed',
        resources: { 'aws_securityhub_account.h': {}, ...sub('fsbp', 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0') },
      },
    ],
    unknown: [
      {
        description: 'is unknown when a standards ARN is known only after apply',
        resources: { 'aws_securityhub_account.h': {}, ...sub('x', 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0') },
        unknown: { 'aws_securityhub_standards_subscription.x': ['standards_arn'] },
      },
    ],
  },
};
