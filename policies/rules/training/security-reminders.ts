import { evidenceFile, isVerdict, latest, recency } from '../../evidence';
import type { GraphRule } from '../../engine/types';

export const securityReminders: GraphRule = {
  id: 'TRN-03',
  control: 'TRN-03',
  title: 'Security reminders go to the workforce at least every 90 days',
  strategy: 4,
  citations: ['164.308(a)(5)(ii)(A)'],
  severity: 'medium',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(5)(ii)(A) security reminders (periodic security updates)' },
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale: 'Periodic security updates (164.308(a)(5)(ii)(A)) keep phishing and handling rules in mind between annual courses; a 90-day cadence is phikit\'s default.',
  remediation: 'Record each reminder (sent_at, channel, topic) in security-reminders.json in the evidence directory and send one at least every 90 days.',
  check(ctx) {
    const file = evidenceFile<{ reminders: Array<{ sent_at: string }> }>(ctx, 'security-reminders.json');
    if (isVerdict(file)) return [file];
    return [recency(latest(file.data.reminders.map((r) => r.sent_at)), 90, 'security reminder', file.path, ctx.now, 'reminders[].sent_at')];
  },
  examples: {
    pass: [{ description: 'passes with a reminder 30 days ago', resources: {}, evidence: { 'security-reminders.json': { reminders: [{ sent_at: '2026-10-29', channel: 'email', topic: 'Phishing with fake EHR login pages' }] } }, now: '2026-11-28T00:00:00Z' }],
    fail: [
      { description: 'fails when security-reminders.json is missing', resources: {} },
      { description: 'fails when the last reminder is 120 days old', resources: {}, evidence: { 'security-reminders.json': { reminders: [{ sent_at: '2026-07-31', channel: 'email', topic: 'Clean desk' }] } }, now: '2026-11-28T00:00:00Z' },
    ],
  },
};
