import type { ResourceRule } from '../../engine/types';
import { IDENTITY_POLICY_TYPES, escalationActions, isFullIamAccess } from '../../model/iam';
import { notApplicable } from '../helpers';
import { IAM, isOnlyPermissionsBoundary, judgeIdentityPolicies, policyJson } from './_shared';

export const iamNoPrivilegeEscalation: ResourceRule = {
  id: 'ACC-04c',
  control: 'ACC-04',
  title: 'IAM policies allow no unconstrained IAM write or privilege-escalation actions',
  strategy: 2,
  citations: IAM,
  severity: 'critical',
  level: 'recommended',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    'iam:PassRole on "*", iam:CreatePolicyVersion, iam:Attach*/Put*Policy, iam:CreateAccessKey or iam:UpdateAssumeRolePolicy on any resource let a principal grant itself administrator access, so the access it was authorized for (164.308(a)(4)(ii)(B)) is not the access it has.',
  remediation: 'Scope iam:PassRole and IAM write actions to specific role/policy ARNs (and iam:PassedToService), or move them to a break-glass administrator role.',
  anchors: { checkov: ['CKV_AWS_286', 'CKV_AWS_289', 'CKV2_AWS_40'] },
  check(res, ctx) {
    if (isOnlyPermissionsBoundary(ctx.graph, res)) return notApplicable('used only as a permissions boundary');
    return judgeIdentityPolicies(
      ctx,
      res,
      (s) => {
        if (isFullIamAccess(s)) return 'allows every IAM action on every resource';
        const esc = escalationActions(s);
        return esc.length ? `allows privilege-escalation action(s) ${esc.slice(0, 5).join(', ')}${esc.length > 5 ? ', …' : ''} on Resource "*"` : undefined;
      },
      'no statement allows privilege escalation',
    );
  },
  examples: {
    pass: [
      {
        description: 'passes when iam:PassRole is scoped to one role ARN',
        resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }) } },
      },
    ],
    fail: [
      { description: 'fails when iam:PassRole is allowed on Resource "*"', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }) } } },
      { description: 'fails when iam:Attach* is allowed on "*" (covers iam:AttachRolePolicy)', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 'iam:Attach*', Resource: '*' }) } } },
      { description: 'fails when a user policy allows iam:* on "*"', resources: { 'aws_iam_user_policy.p': { user: 'u', policy: policyJson({ Sid: '', Effect: 'Allow', Action: 'iam:*', Resource: '*' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_policy.p': { name: 'p', policy: '{}' } }, unknown: { 'aws_iam_policy.p': ['policy'] } },
      { description: 'is unknown when the actions come from a variable (they could be iam:*)', resources: { 'aws_iam_policy.p': { name: 'p', policy: '{"Statement":[{"Effect":"Allow","Action":"${var.actions}","Resource":"*"}]}' } } },
    ],
  },
};
