import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, unknown } from '../helpers';
import { expectSetC } from './_shared';

export const ec2InstanceProfile: ResourceRule = {
  id: 'ACC-17b',
  control: 'ACC-17',
  title: 'EC2 instances run with an IAM instance profile',
  strategy: 2,
  citations: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'Without an instance profile, software on the instance needs stored access keys to call AWS; a role gives it short-lived, auditable credentials scoped to its job.',
  remediation: 'Create an aws_iam_instance_profile for a least-privilege role and set iam_instance_profile on the instance.',
  anchors: { cdkNag: ['HIPAA.Security-EC2InstanceProfileAttached'], awsConfig: ['ec2-instance-profile-attached'], checkov: ['CKV2_AWS_41'] },
  check(i, ctx) {
    const v = expectSetC(i, 'iam_instance_profile', 'software on the instance has no role credentials');
    const a = attr(i, 'iam_instance_profile');
    // A value known only after apply is set when it names a profile of these inputs; through a
    // variable, local or conditional that names none (terraform-aws-modules/ec2-instance:
    // create_iam_instance_profile ? aws_iam_instance_profile.this[0].name : var.iam_instance_profile,
    // with no profile created) it may be null.
    if (v.status === 'pass' && a.state === 'unknown' && !ctx.graph.deref(i, 'iam_instance_profile').resources.length) {
      return unknown('iam_instance_profile is known only after apply and names no instance profile of these inputs (a variable or conditional may leave it null)', ev('iam_instance_profile', a));
    }
    return v;
  },
  examples: {
    pass: [{ description: 'passes when iam_instance_profile refers to a profile', resources: { 'aws_iam_instance_profile.p': { name: 'p', role: 'r' }, 'aws_instance.i': { ami: 'ami-1', iam_instance_profile: '${aws_iam_instance_profile.p.name}' } }, target: 'aws_instance.i' }],
    fail: [{ description: 'fails when iam_instance_profile is not set', resources: { 'aws_instance.i': { ami: 'ami-1' } } }],
    unknown: [{ description: 'is unknown when iam_instance_profile comes from a local that names no profile of these inputs (it may be null)', resources: { 'aws_instance.i': { ami: 'ami-1', iam_instance_profile: '${local.profile}' } } }],
  },
};
