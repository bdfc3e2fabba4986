import { attr, bool } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB, computedOnly, expectBoolC } from './_shared';

export const ec2NoPublicIp: ResourceRule = {
  id: 'ACC-16a',
  control: 'ACC-16',
  title: 'EC2 instances and launch templates do not assign public IP addresses',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_instance', 'aws_launch_template'],
  scope: 'resource',
  rationale: 'An instance with a public IP is directly addressable from the internet; PHI workloads belong in private subnets behind load balancers or endpoints.',
  remediation: 'Set associate_public_ip_address = false (instances and launch template network_interfaces) and launch into private subnets (HipaaVpc provides them).',
  anchors: { cdkNag: ['HIPAA.Security-EC2InstanceNoPublicIp'], awsConfig: ['ec2-instance-no-public-ip'], checkov: ['CKV_AWS_88'] },
  check(res) {
    if (res.type === 'aws_instance') {
      const a = attr(res, 'associate_public_ip_address');
      // Unset: the subnet's map_public_ip_on_launch decides (ACC-16d checks subnets).
      if (a.state === 'absent' || computedOnly(a)) return pass('associate_public_ip_address is not set; the subnet setting applies (see ACC-16d)', ev('associate_public_ip_address', a));
      return expectBoolC(res, 'associate_public_ip_address', false, false, 'the instance gets a public IP');
    }
    const nis = attr(res, 'network_interfaces.associate_public_ip_address');
    if (nis.state === 'unknown' || nis.state === 'sensitive') return unknown(unknownMessage('network_interfaces.associate_public_ip_address'), ev('network_interfaces.associate_public_ip_address', nis));
    return bool(nis) === true ? fail('network_interfaces.associate_public_ip_address is true', ev('network_interfaces.associate_public_ip_address', nis)) : pass('launch template assigns no public IP', ev('network_interfaces.associate_public_ip_address', nis));
  },
  examples: {
    pass: [
      { description: 'passes when associate_public_ip_address is false', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', subnet_id: 'subnet-1', associate_public_ip_address: false } } },
      { description: 'passes for a launch template without public IP', resources: { 'aws_launch_template.t': { name: 't', network_interfaces: [{ associate_public_ip_address: 'false' }] } } },
    ],
    fail: [
      { description: 'fails when an instance sets associate_public_ip_address true', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: true } } },
      { description: 'fails when a launch template network interface assigns a public IP', resources: { 'aws_launch_template.t': { name: 't', network_interfaces: [{ associate_public_ip_address: 'true' }] } } },
    ],
    unknown: [{ description: 'is unknown when associate_public_ip_address is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', associate_public_ip_address: false } }, unknown: { 'aws_instance.i': ['associate_public_ip_address'] } }],
  },
};
