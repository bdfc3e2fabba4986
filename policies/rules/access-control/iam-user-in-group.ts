import type { ResourceRule } from '../../engine/types';
import { groupsOfUser, membershipsOfUser } from '../../model/iam';
import { evv, fail, pass } from '../helpers';
import { IAM } from './_shared';

export const iamUserInGroup: ResourceRule = {
  id: 'ACC-05c',
  control: 'ACC-05',
  title: 'Every IAM user is a member of at least one IAM group',
  strategy: 2,
  citations: IAM,
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_iam_user'],
  scope: 'resource',
  rationale: 'Group membership is how a user receives job-function permissions; a user in no group either has no purpose or gets permissions some other, unreviewed way.',
  remediation: 'Add the user to a group with aws_iam_user_group_membership or aws_iam_group_membership (or remove the user and use federated access).',
  anchors: { cdkNag: ['HIPAA.Security-IAMUserGroupMembership'], awsConfig: ['iam-user-group-membership-check'], checkov: ['CKV2_AWS_21'] },
  check(user, ctx) {
    const groups = groupsOfUser(ctx.graph, user);
    if (groups.length) return pass(`member of ${groups.map((g) => g.address).join(', ')}`);
    const m = membershipsOfUser(ctx.graph, user);
    return m.length ? pass(`${m[0].address} adds the user to a group outside these inputs`) : fail('no aws_iam_user_group_membership or aws_iam_group_membership puts this user into a group', evv('groups', []));
  },
  examples: {
    pass: [
      {
        description: 'passes when aws_iam_user_group_membership joins the user by reference',
        resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_group.g': { name: 'devs' }, 'aws_iam_user_group_membership.m': { user: '${aws_iam_user.u.name}', groups: ['${aws_iam_group.g.name}'] } },
        target: 'aws_iam_user.u',
      },
      {
        description: 'passes when aws_iam_group_membership lists the user by literal name',
        resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_group.g': { name: 'devs' }, 'aws_iam_group_membership.m': { name: 'm', group: 'devs', users: ['alice'] } },
        target: 'aws_iam_user.u',
      },
      { description: 'passes when the membership names a group managed elsewhere', resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_user_group_membership.m': { user: 'alice', groups: ['org-readers'] } }, target: 'aws_iam_user.u' },
    ],
    fail: [{ description: 'fails when the user is in no group', resources: { 'aws_iam_user.u': { name: 'alice' }, 'aws_iam_group.g': { name: 'devs' } }, target: 'aws_iam_user.u' }],
  },
};
