import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass } from '../helpers';

export const iamNoConsolePasswords: ResourceRule = {
  id: 'ACC-06b',
  control: 'ACC-06',
  title: 'IAM users have no console passwords (login profiles)',
  strategy: 2,
  citations: ['164.312(a)(2)(i)', '164.308(a)(4)(ii)(B)', '164.312(d)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_iam_user'],
  scope: 'resource',
  rationale: 'A console password on an IAM user is a second, unfederated way into the account whose MFA cannot be enforced from the plan; human console access should come from the identity provider.',
  remediation: 'Remove the aws_iam_user_login_profile and give the person federated console access through IAM Identity Center.',
  anchors: { checkov: ['CKV2_AWS_22'] },
  check(user, ctx) {
    const profiles = ctx.graph.related(user, 'aws_iam_user_login_profile', 'user');
    return profiles.length
      ? fail(`${profiles[0].address} gives this user a console password`, evv('aws_iam_user_login_profile', profiles[0].address))
      : pass('no login profile refers to this user');
  },
  examples: {
    pass: [{ description: 'passes for a user without a login profile', resources: { 'aws_iam_user.u': { name: 'alice' } } }],
    fail: [
      { description: 'fails when a login profile refers to the user by reference', resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_user_login_profile.p': { user: '${aws_iam_user.u.name}', password_reset_required: true } } },
      { description: 'fails when a login profile names the user literally', resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_user_login_profile.p': { user: 'alice' } } },
    ],
  },
};
