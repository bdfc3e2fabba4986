import { attr, list } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { IAM, policyJson } from './_shared';

export const iamUserNoPolicies: ResourceRule = {
  id: 'ACC-05b',
  control: 'ACC-05',
  title: 'No IAM policy is attached directly to an IAM user',
  strategy: 2,
  citations: IAM,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
  scope: 'resource',
  rationale:
    'Permissions granted to groups (or roles) follow the job function; permissions attached to individual users accumulate and survive role changes, which defeats access modification and termination procedures (164.308(a)(3)(ii)(C), (a)(4)(ii)(C)).',
  remediation: 'Attach the policy to an IAM group and add the user to the group (or use federated roles).',
  anchors: { cdkNag: ['HIPAA.Security-IAMUserNoPolicies'], awsConfig: ['iam-user-no-policies-check'], checkov: ['CKV_AWS_40'] },
  check(res) {
    if (res.type !== 'aws_iam_policy_attachment') return fail(`${res.type} attaches a policy directly to user ${JSON.stringify(res.values.user ?? '?')}`, ev('user', attr(res, 'user')));
    const users = attr(res, 'users');
    if (users.state === 'unknown') return unknown(unknownMessage('users'), ev('users', users));
    const l = list(users) ?? [];
    return l.length ? fail(`users lists ${l.length} user(s); the policy is attached directly to users`, evv('users', l)) : pass('attaches to roles or groups only, no users');
  },
  examples: {
    pass: [
      { description: 'passes when an aws_iam_policy_attachment names only groups', resources: { 'aws_iam_policy_attachment.a': { name: 'a', groups: ['devs'], policy_arn: 'arn:aws:iam::111122223333:policy/p' }}, target: 'aws_iam_policy_attachment.a' },
    ],
    fail: [
      { description: 'fails for an aws_iam_user_policy_attachment', resources: { 'aws_iam_user_policy_attachment.a': { user: 'alice', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } },
      { description: 'fails when aws_iam_policy_attachment lists users', resources: { 'aws_iam_policy_attachment.a': { name: 'a', users: ['alice'], policy_arn: 'arn:aws:iam::111122223333:policy/p' } } },
      { description: 'fails for an aws_iam_user_policy (checkov fixture shape)', resources: { 'aws_iam_user_policy.p': { user: 'example', name: 'example', policy: policyJson({ Sid: '', Effect: 'Allow', Action: 'iam:*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the users list is known only after apply', resources: { 'aws_iam_policy_attachment.a': { name: 'a', users: ['alice'], policy_arn: 'arn:aws:iam::111122223333:policy/p' } }, unknown: { 'aws_iam_policy_attachment.a': ['users'] } }],
  },
};
