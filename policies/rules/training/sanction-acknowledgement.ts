import { ageInDays, evidenceFile, isVerdict } from '../../evidence';
import type { GraphRule } from '../../engine/types';
import { fail, pass } from '../helpers';
import type { TrainingFile } from './training-current';

export const sanctionAcknowledgement: GraphRule = {
  id: 'TRN-04',
  control: 'TRN-04',
  title: 'Every workforce member acknowledged the sanction policy within the last year',
  strategy: 4,
  citations: ['164.308(a)(1)(ii)(C)'],
  severity: 'medium',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(1)(ii)(C) sanction policy against workforce members who fail to comply' },
  resourceTypes: [],
  scope: 'evidence',
  kind: 'evidence',
  rationale: 'The sanction policy (164.308(a)(1)(ii)(C), Required) only deters when people know it; a yearly acknowledgement with the training record shows they do.',
  remediation: 'Record sanction_ack_at (YYYY-MM-DD) on each training.json record when the person acknowledges the sanction policy, yearly.',
  check(ctx) {
    const file = evidenceFile<TrainingFile>(ctx, 'training.json');
    if (isVerdict(file)) return [file];
    const missing = file.data.records.filter((r) => !r.sanction_ack_at || (ageInDays(r.sanction_ack_at, ctx.now) ?? Infinity) > 365);
    if (!file.data.records.length) return [{ ...fail(`${file.path} has no records`, { attribute: 'records', value: '[]' }), evidenceFile: file.path }];
    if (missing.length) {
      return [{ ...fail(`${missing.length} of ${file.data.records.length} people have no sanction-policy acknowledgement within 365 days (e.g. ${missing[0].principal})`, { attribute: 'records[].sanction_ack_at', value: missing[0].sanction_ack_at ?? '(not set)' }), evidenceFile: file.path }];
    }
    return [{ ...pass(`all ${file.data.records.length} people acknowledged the sanction policy within 365 days`), evidenceFile: file.path }];
  },
  examples: {
    pass: [
      {
        description: 'passes when every record has a recent acknowledgement',
        resources: {},
        evidence: { 'training.json': { records: [{ principal: 'alice', course: 'HIPAA 2026', completed_at: '2026-05-01', attested_by: 'lms', sanction_ack_at: '2026-05-01' }] } },
        now: '2026-11-28T00:00:00Z',
      },
    ],
    fail: [
      {
        description: 'fails when a record has no sanction acknowledgement',
        resources: {},
        evidence: { 'training.json': { records: [{ principal: 'alice', course: 'HIPAA 2026', completed_at: '2026-05-01', attested_by: 'lms' }] } },
        now: '2026-11-28T00:00:00Z',
      },
      { description: 'fails when training.json is missing', resources: {} },
    ],
  },
};
