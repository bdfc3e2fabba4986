import { attr, num } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { isAuditorRole } from './_shared';
import { AUDITOR_TRUST_EXAMPLE } from './auditor-role-trust';

export const auditorRoleSession: ResourceRule = {
  id: 'COL-01b',
  control: 'COL-01',
  title: 'External-auditor role sessions last at most one hour',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.312(a)(2)(iii)'],
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: '164.312(a)(2)(iii) automatic logoff asks for sessions to end after inactivity; a one-hour cap is phikit hardening.' },
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale: 'A short session limits what a stolen auditor credential can do and acts as the automatic logoff (164.312(a)(2)(iii)) of outside reviewers.',
  remediation: 'Set max_session_duration = 3600 (the default) or less on the auditor role; the phikit AuditorAccess construct does.',
  construct: 'AuditorAccess',
  check(role, ctx) {
    if (!isAuditorRole(ctx.graph, role)) return notApplicable('not an external-auditor role');
    const a = attr(role, 'max_session_duration');
    if (a.state === 'unknown') return unknown(unknownMessage('max_session_duration'), ev('max_session_duration', a));
    const s = a.state === 'absent' ? 3600 : num(a);
    if (s === undefined || s > 3600) return fail(`max_session_duration is ${s ?? 'not a number'}, more than 3600 s`, ev('max_session_duration', a));
    return pass(`sessions last at most ${s} s${a.state === 'absent' ? ' (default)' : ''}`, ev('max_session_duration', a));
  },
  examples: {
    pass: [{ description: 'passes with the default one-hour session', resources: { 'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE } } }],
    fail: [{ description: 'fails when sessions may last 12 hours', resources: { 'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, max_session_duration: 43200, assume_role_policy: AUDITOR_TRUST_EXAMPLE } } }],
    unknown: [
      {
        description: 'is unknown when max_session_duration is known only after apply',
        resources: { 'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, max_session_duration: 3600, assume_role_policy: AUDITOR_TRUST_EXAMPLE } },
        unknown: { 'aws_iam_role.auditor': ['max_session_duration'] },
      },
    ],
  },
};
