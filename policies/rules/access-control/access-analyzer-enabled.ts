import { attr, str } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

export const accessAnalyzerEnabled: GraphRule = {
  id: 'ACC-11',
  control: 'ACC-11',
  title: 'IAM Access Analyzer is enabled for the account or organization',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(C)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_accessanalyzer_analyzer'],
  scope: 'account',
  rationale: 'Access Analyzer continuously reports resources (buckets, keys, roles, queues) shared outside the account or organization, which is how unintended PHI exposure is found between plan reviews (information system activity review, access modification).',
  remediation: 'Declare aws_accessanalyzer_analyzer with type ACCOUNT or ORGANIZATION (the phikit AccountBaseline construct does), or include the baseline stack that owns it.',
  construct: 'AccountBaseline',
  check(ctx) {
    const analyzers = ctx.graph.ofType('aws_accessanalyzer_analyzer');
    if (!analyzers.length) return [fail('no aws_accessanalyzer_analyzer is declared')];
    const verdicts = analyzers.map((a): Verdict => {
      const t = attr(a, 'type');
      if (t.state === 'unknown') return unknown(unknownMessage('type'), ev('type', t), a);
      const type = str(t) ?? 'ACCOUNT';
      return type === 'ACCOUNT' || type === 'ORGANIZATION' ? pass(`external-access analyzer of type ${type}`, ev('type', t), a) : fail(`type is ${type}, which does not analyze external access`, ev('type', t), a);
    });
    if (verdicts.some((v) => v.status === 'pass')) return verdicts.map((v) => (v.status === 'fail' ? { ...v, status: 'pass' as const, message: `${v.message}; another analyzer covers external access` } : v));
    return verdicts;
  },
  examples: {
    pass: [
      { description: 'passes with an ACCOUNT analyzer (type default)', resources: { 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'account' } } },
      { description: 'passes with an ORGANIZATION analyzer', resources: { 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'org', type: 'ORGANIZATION' } } },
    ],
    fail: [
      { description: 'fails when no analyzer is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      { description: 'fails when the only analyzer is for unused access', resources: { 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'u', type: 'ACCOUNT_UNUSED_ACCESS' } } },
    ],
    unknown: [{ description: 'is unknown when the analyzer type is known only after apply', resources: { 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'a', type: 'ACCOUNT' } }, unknown: { 'aws_accessanalyzer_analyzer.a': ['type'] } }],
  },
};
