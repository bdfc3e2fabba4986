import { attr, str, tagValue } from '../../model/attrs';
import { conditionOn, isHumanAssumable, readPolicy } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';

export const TRAINING_TAG = 'aws:principaltag/hipaa-training-current';
const EXEMPT = /^(break[-_ ]?glass|(external[-_ ]?)?auditor|security[-_ ]?audit)$/i;

export const trainingGate: ResourceRule = {
  id: 'TRN-02',
  control: 'TRN-02',
  title: 'Roles people assume require a current-training principal tag',
  strategy: 4,
  citations: ['164.308(a)(5)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(4)(ii)(B)'],
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'Training that is only recorded can lapse silently. An ABAC condition on the session tag hipaa-training-current (set by the identity provider from the training system) makes access to PHI roles depend on current training — authorization and supervision enforced by the platform.',
  remediation:
    'Add Condition StringEquals aws:PrincipalTag/hipaa-training-current = "true" to the Allow statements of the role trust policy, and have the identity provider pass that session tag from the training system. Emergency (Purpose=break-glass) and auditor roles are exempt.',
  check(role, ctx) {
    const purpose = tagValue(role, 'Purpose');
    if (purpose && EXEMPT.test(purpose)) return notApplicable(`exempt role (Purpose=${purpose})`);
    const trust = readPolicy(ctx.graph, role, 'assume_role_policy');
    if (trust.state === 'unknown') return unknown(`assume_role_policy: ${trust.reason}`);
    if (trust.state !== 'known' || !isHumanAssumable(trust.doc)) return notApplicable('not assumed by people');
    const allows = trust.doc.statements.filter((s) => s.effect === 'Allow');
    const gated = allows.every((s) => {
      const c = conditionOn(s, TRAINING_TAG, /^String(Equals|Like)(IgnoreCase)?$/i);
      return !!c && c.values.some((v) => v.toLowerCase() === 'true');
    });
    return gated
      ? pass('trust requires aws:PrincipalTag/hipaa-training-current = true')
      : fail(`trust policy of ${str(attr(role, 'name')) ?? role.address} lets people in without a current-training tag`, { attribute: 'assume_role_policy.Condition', value: '(no aws:PrincipalTag/hipaa-training-current)' });
  },
  examples: {
    pass: [
      {
        description: 'passes when the trust policy requires the training tag',
        resources: {
          'aws_iam_role.r': {
            name: 'phi-analyst',
            assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalTag/hipaa-training-current': 'true' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
          },
        },
      },
    ],
    fail: [
      {
        description: 'fails when a human-assumable role has no training condition',
        resources: { 'aws_iam_role.r': { name: 'phi-analyst', assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] }) } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the trust policy is known only after apply',
        resources: { 'aws_iam_role.r': { name: 'phi-analyst', assume_role_policy: '{}' } },
        unknown: { 'aws_iam_role.r': ['assume_role_policy'] },
      },
    ],
  },
};
