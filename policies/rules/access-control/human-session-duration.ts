import { attr, num, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { humanPrincipals, isVerdict, policyJson, trustOf } from './_shared';

const MAX_SECONDS = 3600;

/** Seconds of an ISO-8601 duration such as `PT1H`, `PT30M`, `PT1H30M`. */
function isoSeconds(v: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(v.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export const humanSessionDuration: ResourceRule = {
  id: 'ACC-08b',
  control: 'ACC-08',
  title: 'Human sessions last at most one hour (roles people assume, Identity Center permission sets)',
  strategy: 2,
  citations: ['164.312(a)(2)(iii)', '164.312(d)'],
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: '164.312(a)(2)(iii) automatic logoff asks for sessions to end after inactivity; a one-hour cap is phikit hardening.' },
  resourceTypes: ['aws_iam_role', 'aws_ssoadmin_permission_set'],
  scope: 'resource',
  rationale: 'Automatic logoff (164.312(a)(2)(iii)): a console or CLI session to PHI should end after a short period so an unattended or stolen session expires; one hour is the AWS default the kit keeps for human access.',
  remediation: 'Set max_session_duration ≤ 3600 on roles people assume and session_duration ≤ "PT1H" on aws_ssoadmin_permission_set.',
  construct: 'AuditorAccess',
  check(res, ctx) {
    if (res.type === 'aws_ssoadmin_permission_set') {
      const a = attr(res, 'session_duration');
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('session_duration'), ev('session_duration', a));
      if (a.state === 'absent') return pass('session_duration is not set (default PT1H)', ev('session_duration', a));
      const secs = isoSeconds(str(a) ?? '');
      if (secs === undefined) return fail(`session_duration ${str(a) ?? ''} is not an ISO-8601 duration`, ev('session_duration', a));
      return secs <= MAX_SECONDS ? pass(`session_duration is ${str(a)}`, ev('session_duration', a)) : fail(`session_duration is ${str(a)}, longer than PT1H`, ev('session_duration', a));
    }
    const doc = trustOf(ctx.graph, res);
    if (isVerdict(doc)) return doc.status === 'fail' ? notApplicable('trust policy not readable (reported by ACC-08a)') : doc;
    if (!humanPrincipals(doc).length) return notApplicable('not assumable by people');
    const a = attr(res, 'max_session_duration');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('max_session_duration'), ev('max_session_duration', a));
    const secs = a.state === 'absent' ? 3600 : num(a);
    if (secs === undefined) return fail('max_session_duration is not a number', ev('max_session_duration', a));
    return secs <= MAX_SECONDS
      ? pass(`max_session_duration is ${secs} s${a.state === 'absent' ? ' (provider default)' : ''}`, ev('max_session_duration', a))
      : fail(`max_session_duration is ${secs} s, longer than one hour for a role people assume`, ev('max_session_duration', a));
  },
  examples: {
    pass: [
      { description: 'passes for a permission set with session_duration PT1H', resources: { 'aws_ssoadmin_permission_set.p': { name: 'phi-reader', instance_arn: 'arn:aws:sso:::instance/ssoins-1', session_duration: 'PT1H' } } },
      {
        description: 'passes for a human role with the default max_session_duration',
        resources: { 'aws_iam_role.r': { name: 'ops', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) } },
      },
    ],
    fail: [
      { description: 'fails for a permission set with session_duration PT12H', resources: { 'aws_ssoadmin_permission_set.p': { name: 'admin', instance_arn: 'arn:aws:sso:::instance/ssoins-1', session_duration: 'PT12H' } } },
      {
        description: 'fails for a human role with max_session_duration 43200',
        resources: { 'aws_iam_role.r': { name: 'ops', max_session_duration: 43200, assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }) } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when max_session_duration is known only after apply',
        resources: { 'aws_iam_role.r': { name: 'ops', max_session_duration: 3600, assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }) } },
        unknown: { 'aws_iam_role.r': ['max_session_duration'] },
      },
    ],
  },
};
