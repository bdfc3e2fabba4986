import type { ResourceRule } from '../../engine/types';
import { deniesUnlessMfa, membershipsOfGroup, policiesAttachedTo } from '../../model/iam';
import { evv, fail, notApplicable, pass, unknown } from '../helpers';
import { policyJson } from './_shared';

const DENY_WITHOUT_MFA = policyJson({
  Sid: 'DenyAllWithoutMFA',
  Effect: 'Deny',
  NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'],
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
});

export const iamUserGroupsDenyWithoutMfa: ResourceRule = {
  id: 'ACC-09',
  control: 'ACC-09',
  title: 'Every IAM group with users denies all actions unless the caller used MFA',
  strategy: 2,
  citations: ['164.312(d)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_iam_group'],
  scope: 'resource',
  rationale:
    'IAM users authenticate with passwords or access keys; only a Deny conditioned on aws:MultiFactorAuthPresent = false (BoolIfExists, so access-key calls without MFA are denied too) makes MFA mandatory for everything they do (164.312(d)).',
  remediation: 'Attach a policy to the group with Effect Deny, NotAction limited to the MFA self-service actions, Resource "*", Condition BoolIfExists aws:MultiFactorAuthPresent = "false".',
  anchors: { awsConfig: ['iam-user-mfa-enabled'] },
  check(group, ctx) {
    if (!membershipsOfGroup(ctx.graph, group).length) return notApplicable('the group has no users in these inputs (see ACC-05d)');
    const policies = policiesAttachedTo(ctx.graph, group);
    if (policies.some((p) => p.read.state === 'known' && deniesUnlessMfa(p.read.doc))) return pass('a deny-unless-MFA policy is attached');
    const open = policies.filter((p) => p.read.state === 'unknown' && p.kind !== 'aws-managed');
    if (open.length) return unknown(`${open[0].name} is known only after apply; it may be the deny-unless-MFA policy`, evv('policy', open[0].name));
    return fail(`none of the ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} attached to the group denies actions without MFA`, evv('policies', policies.map((p) => p.name)));
  },
  examples: {
    pass: [
      {
        description: 'passes when a deny-unless-MFA policy is attached by reference',
        resources: {
          'aws_iam_group.g': { name: 'devs' },
          'aws_iam_group_membership.m': { name: 'm', group: '${aws_iam_group.g.name}', users: ['alice'] },
          'aws_iam_policy.mfa': { name: 'require-mfa', policy: DENY_WITHOUT_MFA },
          'aws_iam_group_policy_attachment.a': { group: '${aws_iam_group.g.name}', policy_arn: '${aws_iam_policy.mfa.arn}' },
        },
        target: 'aws_iam_group.g',
      },
      {
        description: 'passes when the deny-unless-MFA statement is an inline group policy joined by name',
        resources: {
          'aws_iam_group.g': { name: 'devs' },
          'aws_iam_user_group_membership.m': { user: 'alice', groups: ['devs'] },
          'aws_iam_group_policy.p': { group: 'devs', policy: DENY_WITHOUT_MFA },
        },
        target: 'aws_iam_group.g',
      },
    ],
    fail: [
      {
        description: 'fails when the group with users has only an Allow policy',
        resources: {
          'aws_iam_group.g': { name: 'devs' },
          'aws_iam_group_membership.m': { name: 'm', group: 'devs', users: ['alice'] },
          'aws_iam_group_policy.p': { group: 'devs', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }) },
        },
        target: 'aws_iam_group.g',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the attached policy is known only after apply',
        resources: {
          'aws_iam_group.g': { name: 'devs' },
          'aws_iam_group_membership.m': { name: 'm', group: 'devs', users: ['alice'] },
          'aws_iam_group_policy.p': { group: 'devs', policy: DENY_WITHOUT_MFA },
        },
        unknown: { 'aws_iam_group_policy.p': ['policy'] },
        target: 'aws_iam_group.g',
      },
    ],
  },
};
