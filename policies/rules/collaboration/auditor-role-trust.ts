import { attr } from '../../model/attrs';
import { conditionOn, readPolicy } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown } from '../helpers';
import { isAuditorRole } from './_shared';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'phikit-audit-2026' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
});

export const auditorRoleTrust: ResourceRule = {
  id: 'COL-01',
  control: 'COL-01',
  title: 'External-auditor roles trust a named account with ExternalId and MFA',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.312(d)', '164.308(a)(4)(ii)(B)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'Evaluations by outside security experts (164.308(a)(8)) need access, but a cross-account role is a door into the PHI account: it must name the expert firm\'s account, demand the agreed ExternalId (confused-deputy protection) and MFA (person or entity authentication, 164.312(d)).',
  remediation: 'Trust only the auditor account ARN, with StringEquals sts:ExternalId and Bool aws:MultiFactorAuthPresent = true; the phikit AuditorAccess construct builds this role.',
  construct: 'AuditorAccess',
  check(role, ctx) {
    if (!isAuditorRole(ctx.graph, role)) return notApplicable('not an external-auditor role');
    const trust = readPolicy(ctx.graph, role, 'assume_role_policy');
    if (trust.state === 'unknown') return unknown(`assume_role_policy: ${trust.reason}`, ev('assume_role_policy', attr(role, 'assume_role_policy')));
    if (trust.state !== 'known') return fail('assume_role_policy is missing or not a policy document', ev('assume_role_policy', attr(role, 'assume_role_policy')));
    const allows = trust.doc.statements.filter((s) => s.effect === 'Allow');
    if (!allows.length) return fail('trust policy has no Allow statement');
    for (const s of allows) {
      if (s.principals?.anyone) return fail('trust policy allows Principal "*"', { attribute: 'assume_role_policy.Principal', value: '"*"' });
      if (!conditionOn(s, 'sts:ExternalId', /^String(Equals|Like)$/i)) return fail('trust policy has no sts:ExternalId condition', { attribute: 'assume_role_policy.Condition', value: '(no sts:ExternalId)' });
      const mfa = conditionOn(s, 'aws:MultiFactorAuthPresent', /^Bool$/i);
      if (!mfa || !mfa.values.some((v) => v.toLowerCase() === 'true')) return fail('trust policy does not require aws:MultiFactorAuthPresent = true', { attribute: 'assume_role_policy.Condition', value: '(no MFA condition)' });
    }
    return pass('trust names an account and requires ExternalId and MFA');
  },
  examples: {
    pass: [{ description: 'passes with ExternalId and MFA conditions', resources: { 'aws_iam_role.auditor': { name: 'external-auditor', tags: { Purpose: 'auditor' }, max_session_duration: 3600, assume_role_policy: TRUST } } }],
    fail: [
      {
        description: 'fails when the trust policy has no ExternalId condition',
        resources: {
          'aws_iam_role.auditor': {
            name: 'external-auditor',
            tags: { Purpose: 'auditor' },
            assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
          },
        },
      },
      {
        description: 'fails when a SecurityAudit role trusts another account without MFA',
        resources: {
          'aws_iam_role.auditor': {
            name: 'audit',
            assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } }] }),
          },
          'aws_iam_role_policy_attachment.audit': { role: '${aws_iam_role.auditor.name}', policy_arn: 'arn:aws:iam::aws:policy/SecurityAudit' },
        },
        target: 'aws_iam_role.auditor',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the trust policy is known only after apply',
        resources: { 'aws_iam_role.auditor': { name: 'external-auditor', tags: { Purpose: 'auditor' }, assume_role_policy: TRUST } },
        unknown: { 'aws_iam_role.auditor': ['assume_role_policy'] },
      },
    ],
  },
};

export const AUDITOR_TRUST_EXAMPLE = TRUST;
