import type { ResourceRule } from '../../engine/types';
import { membershipsOfGroup } from '../../model/iam';
import { evv, fail, pass } from '../helpers';
import { IAM } from './_shared';

export const iamGroupHasUsers: ResourceRule = {
  id: 'ACC-05d',
  control: 'ACC-05',
  title: 'Every IAM group has at least one user',
  strategy: 2,
  citations: IAM,
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_iam_group'],
  scope: 'resource',
  rationale: 'Empty groups carry permissions nobody is reviewed for; adding a user later silently grants them. Access establishment should be deliberate (164.308(a)(4)(ii)(C)).',
  remediation: 'Remove unused groups, or declare their membership (aws_iam_group_membership / aws_iam_user_group_membership) in the same configuration.',
  anchors: { cdkNag: ['HIPAA.Security-IAMGroupHasUsers'], awsConfig: ['iam-group-has-users-check'], checkov: ['CKV2_AWS_14'] },
  check(group, ctx) {
    const m = membershipsOfGroup(ctx.graph, group);
    return m.length ? pass(`users added by ${m.map((x) => x.address).join(', ')}`) : fail('no aws_iam_group_membership or aws_iam_user_group_membership adds users to this group', evv('members', []));
  },
  examples: {
    pass: [
      { description: 'passes when aws_iam_group_membership refers to the group', resources: { 'aws_iam_group.g': { name: 'devs' }, 'aws_iam_group_membership.m': { name: 'm', group: '${aws_iam_group.g.name}', users: ['alice'] } }, target: 'aws_iam_group.g' },
      { description: 'passes when aws_iam_user_group_membership names the group literally', resources: { 'aws_iam_group.g': { name: 'devs' }, 'aws_iam_user_group_membership.m': { user: 'alice', groups: ['devs'] } }, target: 'aws_iam_group.g' },
    ],
    fail: [{ description: 'fails for a group no membership refers to', resources: { 'aws_iam_group.g': { name: 'devs' } } }],
  },
};
