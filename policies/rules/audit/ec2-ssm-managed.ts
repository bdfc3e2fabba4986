import { attr } from '../../model/attrs';
import { policiesAttachedTo } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

const SSM_CORE = 'AmazonSSMManagedInstanceCore';

export const ec2SsmManaged: ResourceRule = {
  id: 'AUD-19',
  control: 'AUD-19',
  title: 'EC2 instances are SSM-managed: their instance role has AmazonSSMManagedInstanceCore',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'Patch Manager, inventory and Session Manager (audited shell access instead of SSH keys) work only on instances whose role lets the SSM agent register. Without it, hosts that process PHI fall out of patch compliance unnoticed.',
  remediation: 'Give the instance an aws_iam_instance_profile whose role has the AWS managed policy AmazonSSMManagedInstanceCore attached, and define a patch baseline and association or maintenance window.',
  anchors: { awsConfig: ['ec2-instance-managed-by-systems-manager'] },
  check(i, ctx) {
    const p = attr(i, 'iam_instance_profile');
    if (p.state === 'absent' || (p.state === 'known' && !p.value)) return fail('iam_instance_profile is not set; the SSM agent cannot register', ev('iam_instance_profile', p));
    const profiles = ctx.graph.deref(i, 'iam_instance_profile').resources.filter((r) => r.type === 'aws_iam_instance_profile');
    if (!profiles.length) return unknown(`${unknownMessage('iam_instance_profile')} or names a profile outside these inputs`, ev('iam_instance_profile', p));
    const roles = ctx.graph.deref(profiles[0], 'role').resources.filter((r) => r.type === 'aws_iam_role');
    if (!roles.length) return unknown(`the role of ${profiles[0].address} is not declared in these inputs`, ev('iam_instance_profile', p));
    const attached = policiesAttachedTo(ctx.graph, roles[0]);
    if (attached.some((a) => a.name === SSM_CORE || a.name.endsWith(`/${SSM_CORE}`))) return pass(`${roles[0].address} has ${SSM_CORE}`, ev('iam_instance_profile', p));
    if (attached.some((a) => a.kind === 'external')) return unknown(`${roles[0].address} has a policy attachment that cannot be resolved before apply`, ev('iam_instance_profile', p));
    return fail(`${roles[0].address} does not have ${SSM_CORE} attached`, ev('iam_instance_profile', p));
  },
  examples: {
    pass: [
      {
        description: 'passes when the profile role (by reference) has AmazonSSMManagedInstanceCore',
        resources: {
          'aws_iam_role.r': { name: 'ec2', assume_role_policy: '{}' },
          'aws_iam_role_policy_attachment.a': { role: '${aws_iam_role.r.name}', policy_arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' },
          'aws_iam_instance_profile.p': { name: 'ec2', role: '${aws_iam_role.r.name}' },
          'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', iam_instance_profile: '${aws_iam_instance_profile.p.name}' },
        },
        target: 'aws_instance.i',
      },
    ],
    fail: [
      { description: 'fails when the instance has no instance profile', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' } } },
      {
        description: 'fails when the profile (by literal name) role lacks the SSM policy',
        resources: {
          'aws_iam_role.r': { name: 'ec2', assume_role_policy: '{}' },
          'aws_iam_instance_profile.p': { name: 'ec2-profile', role: 'ec2' },
          'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', iam_instance_profile: 'ec2-profile' },
        },
        target: 'aws_instance.i',
      },
    ],
    unknown: [
      { description: 'is unknown when iam_instance_profile is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', iam_instance_profile: 'x' } }, unknown: { 'aws_instance.i': ['iam_instance_profile'] } },
    ],
  },
};
