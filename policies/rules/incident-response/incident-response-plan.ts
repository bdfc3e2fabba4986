import { evidenceFile, isVerdict, recency } from '../../evidence';
import type { GraphRule } from '../../engine/types';

const PLAN = (last: string) => ({
  owner: 'Security Officer',
  contacts: [{ name: 'Dana Reyes', role: 'Incident commander', email: 'security@example.org' }],
  escalation: ['on-call engineer', 'incident commander', 'privacy officer', 'legal counsel'],
  breach_notification_runbook: 'https://wiki.example.org/security/breach-notification',
  last_tabletop_at: last,
});

export const incidentResponsePlan: GraphRule = {
  id: 'IR-07',
  control: 'IR-07',
  title: 'An incident-response plan is on record and was exercised within 12 months',
  strategy: 8,
  citations: ['164.308(a)(6)(i)', '164.308(a)(6)(ii)', '164.308(a)(7)(ii)(C)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(6)(i)-(ii) security incident procedures: identify, respond to, mitigate and document incidents' },
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale:
    'Security incident procedures (164.308(a)(6)) and the emergency mode operation plan need owners, contacts, an escalation path and a breach-notification runbook — and a tabletop exercise to prove the plan works before a real breach does.',
  remediation: 'Add incident-response.json (owner, contacts, escalation, breach_notification_runbook, last_tabletop_at) to the evidence directory and run a tabletop at least yearly; the IncidentResponse construct provides the technical side.',
  construct: 'IncidentResponse',
  check(ctx) {
    const file = evidenceFile<{ last_tabletop_at: string }>(ctx, 'incident-response.json');
    if (isVerdict(file)) return [file];
    return [recency(file.data.last_tabletop_at, 365, 'incident-response tabletop exercise', file.path, ctx.now, 'last_tabletop_at')];
  },
  examples: {
    pass: [{ description: 'passes with a tabletop 3 months ago', resources: {}, evidence: { 'incident-response.json': PLAN('2026-08-20') }, now: '2026-11-28T00:00:00Z' }],
    fail: [
      { description: 'fails when incident-response.json is missing', resources: {} },
      { description: 'fails with the expiry date when the last tabletop is 14 months old', resources: {}, evidence: { 'incident-response.json': PLAN('2025-09-20') }, now: '2026-11-28T00:00:00Z' },
      { description: 'fails when the plan has no contacts', resources: {}, evidence: { 'incident-response.json': { ...PLAN('2026-08-20'), contacts: [] } } },
    ],
  },
};
