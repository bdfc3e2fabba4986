import type { ResourceRule } from '../../engine/types';
import { isOpaque, ownAccountIds, ownAccountUnresolved, trustPrincipals, unconditionedForeignRoots } from '../../model/iam';
import { evv, fail, pass, unknown } from '../helpers';
import { SERVICE_TRUST, isVerdict, policyJson, statementSummary, trustOf } from './_shared';

export const roleTrustNoOpenAccountRoot: ResourceRule = {
  id: 'ACC-10c',
  control: 'ACC-10',
  title: 'No role trusts another account\'s root without conditions',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.308(b)(1)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'Trusting arn:aws:iam::<other>:root delegates the decision of who gets this role\'s PHI access to every administrator of the other account; without a condition (MFA, ExternalId, PrincipalArn, PrincipalOrgID) there is no control on this side.',
  remediation: 'Trust the specific role ARN in the other account, and add conditions (sts:ExternalId, aws:PrincipalArn, aws:MultiFactorAuthPresent).',
  anchors: { checkov: ['CKV_AWS_61'] },
  check(role, ctx) {
    const doc = trustOf(ctx.graph, role);
    if (isVerdict(doc)) return doc;
    const own = ownAccountIds(ctx.graph);
    const [p] = unconditionedForeignRoots(doc, own);
    if (p) {
      const ev = evv('assume_role_policy', statementSummary(p.statement));
      if (ownAccountUnresolved(ctx.graph)) return unknown(`trusts the whole of account ${p.account} (${p.value}) with no condition; whether it is this account is known only from data.aws_caller_identity, which these inputs do not resolve`, ev);
      return fail(`trusts the whole of account ${p.account} (${p.value}) with no condition`, ev);
    }
    const open = trustPrincipals(doc).find((x) => x.kind === 'account' && !x.account && !x.self && isOpaque(x.value) && !x.statement.conditions.length);
    if (open) return unknown(`trusts account ${open.value}, known only after apply, with no condition; it may be another account`, evv('assume_role_policy', statementSummary(open.statement)));
    return pass('no unconditioned trust of another account');
  },
  examples: {
    pass: [
      { description: 'passes for a service role', resources: { 'aws_iam_role.r': { name: 'fn', assume_role_policy: SERVICE_TRUST } } },
      {
        description: 'passes when the other account root is trusted with an ExternalId condition',
        resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }) } },
      },
    ],
    fail: [
      { description: 'fails when another account root is trusted without conditions', resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }) } } },
      { description: 'fails when a bare account id is trusted without conditions', resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: ['999988887777'] }, Action: 'sts:AssumeRole' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the trust policy is known only after apply', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: SERVICE_TRUST } }, unknown: { 'aws_iam_role.r': ['assume_role_policy'] } },
      {
        description: 'is unknown when the trusted root may be the inputs\' own account, whose id they read only at apply (data.aws_caller_identity)',
        resources: {
          'data.aws_caller_identity.current': {},
          'aws_iam_role.r': { name: 'r', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }) },
        },
        unknown: { 'data.aws_caller_identity.current': ['account_id'] },
        target: 'aws_iam_role.r',
      },
    ],
  },
};
