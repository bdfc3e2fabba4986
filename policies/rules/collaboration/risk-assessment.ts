import { evidenceFile, isVerdict, latest, recency } from '../../evidence';
import type { GraphRule, Verdict } from '../../engine/types';
import { fail } from '../helpers';

interface Assessment {
  type: 'risk-assessment' | 'penetration-test';
  assessor: string;
  completed_at: string;
  open_high_findings?: Array<{ id: string; owner: string; due?: string }>;
}

const A = (type: string, completed_at: string) => ({ type, assessor: 'Example Security Partners', independent: true, completed_at, scope: 'PHI platform AWS accounts', report_sha256: 'a'.repeat(64) });

export const riskAssessment: GraphRule = {
  id: 'COL-05',
  control: 'COL-05',
  title: 'An independent risk assessment and a penetration test were completed within 365 days',
  strategy: 7,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)', '164.308(a)(8)'],
  severity: 'high',
  level: 'required',
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale:
    'Risk analysis (164.308(a)(1)(ii)(A), Required) and periodic technical and nontechnical evaluation (164.308(a)(8)) need outside eyes; a yearly assessment and penetration test by security experts, with owners for open high findings, is the evidence auditors ask for.',
  remediation: 'Record each assessment in risk-assessment.json (type, assessor, completed_at, scope, report_sha256, open_high_findings with owners); repeat both yearly.',
  anchors: { awsConfig: ['annual-risk-assessment-performed'] },
  check(ctx) {
    const file = evidenceFile<{ assessments: Assessment[] }>(ctx, 'risk-assessment.json');
    if (isVerdict(file)) return [file];
    const of = (t: Assessment['type']) => latest(file.data.assessments.filter((a) => a.type === t).map((a) => a.completed_at));
    const out: Verdict[] = [
      recency(of('risk-assessment'), 365, 'risk assessment', file.path, ctx.now, 'assessments[type=risk-assessment].completed_at'),
      recency(of('penetration-test'), 365, 'penetration test', file.path, ctx.now, 'assessments[type=penetration-test].completed_at'),
    ];
    const unowned = file.data.assessments.flatMap((a) => (a.open_high_findings ?? []).filter((f) => !f.owner.trim()));
    if (unowned.length) out.push({ ...fail(`open high finding ${unowned[0].id} has no owner`, { attribute: 'open_high_findings[].owner', value: '(empty)' }), evidenceFile: file.path });
    return out;
  },
  examples: {
    pass: [{ description: 'passes with both done this year', resources: {}, evidence: { 'risk-assessment.json': { assessments: [A('risk-assessment', '2026-03-01'), A('penetration-test', '2026-04-15')] } }, now: '2026-11-28T00:00:00Z' }],
    fail: [
      { description: 'fails when risk-assessment.json is missing', resources: {} },
      { description: 'fails with the expiry date when the penetration test is older than 365 days', resources: {}, evidence: { 'risk-assessment.json': { assessments: [A('risk-assessment', '2026-03-01'), A('penetration-test', '2025-06-01')] } }, now: '2026-11-28T00:00:00Z' },
    ],
  },
};
