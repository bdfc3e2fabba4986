import { evidenceFile, isVerdict } from '../../evidence';
import type { GraphRule } from '../../engine/types';
import { pass } from '../helpers';

export const securityOfficial: GraphRule = {
  id: 'COL-06b',
  control: 'COL-06',
  title: 'A security official is assigned and on record',
  strategy: 7,
  citations: ['164.308(a)(2)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(2) assigned security responsibility: identify the security official' },
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale: 'Assigned security responsibility (164.308(a)(2), Required): one named person is responsible for developing and implementing the security policies and is the contact for outside experts and AWS.',
  remediation: 'Add security-official.json (name, title, email, appointed_at) to the evidence directory, and the same contact as the account SECURITY alternate contact (COL-06).',
  construct: 'AccountBaseline',
  check(ctx) {
    const file = evidenceFile<{ name: string; title: string; appointed_at: string }>(ctx, 'security-official.json');
    if (isVerdict(file)) return [file];
    return [{ ...pass(`${file.data.name} (${file.data.title}) is the security official since ${file.data.appointed_at}`), evidenceFile: file.path }];
  },
  examples: {
    pass: [{ description: 'passes with a named official', resources: {}, evidence: { 'security-official.json': { name: 'Dana Reyes', title: 'CISO', email: 'security@example.org', appointed_at: '2025-09-01' } } }],
    fail: [
      { description: 'fails when security-official.json is missing', resources: {} },
      { description: 'fails when the email is not an address', resources: {}, evidence: { 'security-official.json': { name: 'Dana Reyes', title: 'CISO', email: 'dana', appointed_at: '2025-09-01' } } },
    ],
  },
};
