import { evidenceFile, isVerdict } from '../../evidence';
import { firstFailure } from '../../evidence/controls';
import type { GraphRule, Verdict } from '../../engine/types';
import { HIPAA_SPECS } from '../../hipaa/specs';
import { fail, pass } from '../helpers';

interface Decision {
  citation: string;
  decision: 'implemented' | 'alternative' | 'not-reasonable';
  controls?: string[];
  rationale: string;
}

/** Addressable specifications a covered entity must decide on (those in infrastructure scope or organizational). */
export const ADDRESSABLE = HIPAA_SPECS.filter((s) => s.status === 'A' && !s.outOfScope).map((s) => s.citation);

export const addressableDecisions: GraphRule = {
  id: 'TRN-05',
  control: 'TRN-05',
  title: 'Every Addressable specification has a documented decision',
  strategy: 4,
  citations: ['164.316(b)(1)', '164.308(a)(5)(ii)(B)', '164.308(a)(5)(ii)(C)', '164.308(a)(5)(ii)(D)'],
  severity: 'medium',
  level: 'required',
  levelBasis: { securityRule: '164.306(d)(3)(ii)(B)(1) and 164.316(b)(1): document why an addressable specification is not implemented and what is done instead' },
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale:
    '"Addressable" does not mean optional: for each one the entity must implement it, or document why it is not reasonable and what equivalent measure it takes (164.306(d)(3)), and keep that documentation (164.316(b)(1)).',
  remediation:
    'List every Addressable specification in addressable-decisions.json with decision implemented (naming the phikit controls, e.g. ENC-01) or alternative/not-reasonable with a rationale, date and decider.',
  check(ctx) {
    const file = evidenceFile<{ decisions: Decision[] }>(ctx, 'addressable-decisions.json');
    if (isVerdict(file)) return [file];
    const known = new Set(ctx.rulesCatalogue?.map((r) => r.control) ?? []);
    const out: Verdict[] = [];
    const missing = ADDRESSABLE.filter((c) => !file.data.decisions.some((d) => d.citation === c));
    if (missing.length) out.push({ ...fail(`no decision recorded for ${missing.length} Addressable specification(s): ${missing.join(', ')}`, { attribute: 'decisions[].citation', value: `${file.data.decisions.length} recorded` }), evidenceFile: file.path });
    const empty = file.data.decisions.filter((d) => d.decision === 'implemented' && !(d.controls ?? []).length);
    if (empty.length) out.push({ ...fail(`${empty[0].citation} is marked implemented but names no phikit control`, { attribute: 'decisions[].controls', value: '[]' }), evidenceFile: file.path });
    const unknownIds = file.data.decisions.flatMap((d) => (d.controls ?? []).filter((c) => known.size > 0 && !known.has(c) && !known.has(c.replace(/[a-z]$/, ''))));
    if (unknownIds.length) out.push({ ...fail(`decisions name controls phikit does not have: ${[...new Set(unknownIds)].join(', ')}`, { attribute: 'decisions[].controls', value: unknownIds[0] }), evidenceFile: file.path });
    for (const d of file.data.decisions.filter((x) => x.decision === 'implemented')) {
      const broken = (d.controls ?? []).map((c) => firstFailure(ctx, c)).find((x) => x);
      if (broken) out.push({ ...fail(`${d.citation} is recorded as implemented by ${d.controls!.join(', ')}, but ${broken.ruleId} fails on ${broken.address}: ${broken.message}`, { attribute: 'decisions[].controls', value: broken.ruleId }), evidenceFile: file.path });
    }
    return out.length ? out : [{ ...pass(`all ${ADDRESSABLE.length} Addressable specifications have a decision`), evidenceFile: file.path }];
  },
  examples: {
    pass: [
      {
        description: 'passes when every Addressable specification has a decision',
        resources: {},
        evidence: {
          'addressable-decisions.json': {
            decisions: ADDRESSABLE.map((citation) => ({ citation, decision: 'implemented', controls: ['ENC-01'], rationale: 'Implemented by the phikit controls listed here.', decided_at: '2026-06-01', decided_by: 'Security Officer' })),
          },
        },
      },
    ],
    fail: [
      { description: 'fails when addressable-decisions.json is missing', resources: {} },
      {
        description: 'fails when a decision says implemented by ENC-01 but ENC-01 fails on a bucket in the inputs',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' } },
        evidence: { 'addressable-decisions.json': { decisions: ADDRESSABLE.map((citation) => ({ citation, decision: 'implemented', controls: ['ENC-01'], rationale: 'Implemented by the phikit controls listed here.', decided_at: '2026-06-01', decided_by: 'Security Officer' })) } },
      },
      {
        description: 'fails when automatic logoff has no decision',
        resources: {},
        evidence: {
          'addressable-decisions.json': {
            decisions: ADDRESSABLE.filter((c) => c !== '164.312(a)(2)(iii)').map((citation) => ({ citation, decision: 'implemented', controls: ['ENC-01'], rationale: 'Implemented by the phikit controls listed here.', decided_at: '2026-06-01', decided_by: 'Security Officer' })),
          },
        },
      },
    ],
  },
};
