import type { ResourceRule } from '../../engine/types';
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
  check(i) {
    return expectSetC(i, 'iam_instance_profile', 'software on the instance has no role credentials');
  },
  examples: {
    pass: [{ description: 'passes when iam_instance_profile refers to a profile', resources: { 'aws_iam_instance_profile.p': { name: 'p', role: 'r' }, 'aws_instance.i': { ami: 'ami-1', iam_instance_profile: '${aws_iam_instance_profile.p.name}' } }, target: 'aws_instance.i' }],
    fail: [{ description: 'fails when iam_instance_profile is not set', resources: { 'aws_instance.i': { ami: 'ami-1' } } }],
  },
};
