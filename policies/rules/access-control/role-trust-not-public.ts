import type { ResourceRule } from '../../engine/types';
import { isRestrictingCondition, trustPrincipals } from '../../model/iam';
import { evv, fail, pass } from '../helpers';
import { SERVICE_TRUST, isVerdict, policyJson, statementSummary, trustOf } from './_shared';

export const roleTrustNotPublic: ResourceRule = {
  id: 'ACC-10a',
  control: 'ACC-10',
  title: 'No role trusts Principal "*" without a condition naming who may assume it',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.308(b)(1)'],
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a role anyone can assume grants access to people never given access rights' },
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'A trust policy with Principal "*" lets any AWS account assume the role and use its PHI permissions; only a condition such as aws:PrincipalOrgID or aws:PrincipalArn narrows it (an sts:ExternalId alone is a shared secret, not an identity).',
  remediation: 'Name the trusted account, role or service in Principal, or add aws:PrincipalOrgID / aws:PrincipalArn conditions.',
  anchors: { checkov: ['CKV_AWS_60'] },
  check(role, ctx) {
    const doc = trustOf(ctx.graph, role);
    if (isVerdict(doc)) return doc;
    for (const p of trustPrincipals(doc)) {
      if (p.kind !== 'anyone') continue;
      if (p.statement.conditions.some((c) => c.key !== 'sts:externalid' && isRestrictingCondition(c))) continue;
      return fail('trusts Principal "*" with no condition restricting who may assume the role', evv('assume_role_policy', statementSummary(p.statement)));
    }
    return pass('no unrestricted "*" principal in the trust policy');
  },
  examples: {
    pass: [
      { description: 'passes for a service role', resources: { 'aws_iam_role.r': { name: 'fn', assume_role_policy: SERVICE_TRUST } } },
      {
        description: 'passes when "*" is restricted by aws:PrincipalOrgID',
        resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } },
      },
    ],
    fail: [
      { description: 'fails when Principal is "*" with no condition', resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }) } } },
      {
        description: 'fails when "*" is narrowed only by sts:ExternalId',
        resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }) } },
      },
    ],
    unknown: [{ description: 'is unknown when the trust policy is known only after apply', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: SERVICE_TRUST } }, unknown: { 'aws_iam_role.r': ['assume_role_policy'] } }],
  },
};
