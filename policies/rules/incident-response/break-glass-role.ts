import { attr, num, str, tagValue } from '../../model/attrs';
import { conditionOn, readPolicy } from '../../model/iam';
import type { Resource } from '../../model/types';
import type { ResourceRule } from '../../engine/types';
import { combine, ev, fail, notApplicable, pass, unknown } from '../helpers';

/** Roles declared as emergency access: tag Purpose=break-glass (or a name saying so). */
export function isBreakGlass(role: Resource): boolean {
  const purpose = tagValue(role, 'Purpose');
  if (purpose && /^break[-_ ]?glass$/i.test(purpose)) return true;
  const name = str(attr(role, 'name'));
  return !!name && /break[-_]?glass/i.test(name);
}

export const breakGlassRole: ResourceRule = {
  id: 'IR-06',
  control: 'IR-06',
  title: 'Break-glass (emergency access) roles require MFA and short sessions',
  strategy: 8,
  citations: ['164.312(a)(2)(ii)', '164.308(a)(6)(ii)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: '164.312(a)(2)(ii) asks for an emergency access procedure; MFA and short sessions on the break-glass role are phikit hardening.' },
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'The emergency access procedure (164.312(a)(2)(ii), Required) grants wide access when normal paths fail; it must still prove who is using it (MFA) and limit how long a session lasts.',
  remediation:
    'In the role trust policy require Bool aws:MultiFactorAuthPresent = true (or NumericLessThan aws:MultiFactorAuthAge), and set max_session_duration ≤ 3600; the phikit IncidentResponse construct creates such a role.',
  construct: 'IncidentResponse',
  check(role, ctx) {
    if (!isBreakGlass(role)) return notApplicable('not a break-glass role (tag Purpose=break-glass)');
    const trust = readPolicy(ctx.graph, role, 'assume_role_policy');
    let mfa;
    if (trust.state === 'unknown') mfa = unknown(`assume_role_policy: ${trust.reason}`);
    else if (trust.state !== 'known') mfa = fail('assume_role_policy is missing or not a policy document', ev('assume_role_policy', attr(role, 'assume_role_policy')));
    else {
      const allows = trust.doc.statements.filter((s) => s.effect === 'Allow');
      const gated = allows.length > 0 && allows.every((s) => {
        const present = conditionOn(s, 'aws:MultiFactorAuthPresent', /^Bool(IfExists)?$/i);
        const age = conditionOn(s, 'aws:MultiFactorAuthAge', /^Numeric(LessThan|LessThanEquals)$/i);
        return (!!present && present.values.some((v) => v.toLowerCase() === 'true') && !/IfExists/i.test(present.operator)) || !!age;
      });
      mfa = gated ? pass('trust policy requires MFA') : fail('trust policy does not require aws:MultiFactorAuthPresent = true on every Allow', { attribute: 'assume_role_policy.Condition', value: '(no MFA condition)' });
    }
    const dur = attr(role, 'max_session_duration');
    const seconds = dur.state === 'absent' ? 3600 : num(dur);
    const session =
      dur.state === 'unknown'
        ? unknown('max_session_duration is known only after apply', ev('max_session_duration', dur))
        : seconds !== undefined && seconds <= 3600
          ? pass(`sessions last at most ${seconds} s`)
          : fail(`max_session_duration is ${seconds ?? 'not a number'}, more than 3600 s`, ev('max_session_duration', dur));
    return combine([mfa, session], 'MFA-gated, sessions ≤ 1 h');
  },
  examples: {
    pass: [
      {
        description: 'passes with an MFA condition and a 1 h session',
        resources: {
          'aws_iam_role.bg': {
            name: 'break-glass',
            max_session_duration: 3600,
            tags: { Purpose: 'break-glass' },
            assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
          },
        },
      },
    ],
    fail: [
      {
        description: 'fails when the trust policy has no MFA condition',
        resources: {
          'aws_iam_role.bg': { name: 'emergency', tags: { Purpose: 'break-glass' }, assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] }) },
        },
      },
      {
        description: 'fails when sessions may last 12 hours',
        resources: {
          'aws_iam_role.bg': {
            name: 'break-glass',
            max_session_duration: 43200,
            assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
          },
        },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the trust policy is known only after apply',
        resources: { 'aws_iam_role.bg': { name: 'break-glass', assume_role_policy: '{}' } },
        unknown: { 'aws_iam_role.bg': ['assume_role_policy'] },
      },
    ],
  },
};
