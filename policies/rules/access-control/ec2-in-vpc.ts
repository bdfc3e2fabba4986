import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass } from '../helpers';
import { PUB, computedOnly } from './_shared';

export const ec2InVpc: ResourceRule = {
  id: 'ACC-16b',
  control: 'ACC-16',
  title: 'EC2 instances are launched into a chosen VPC subnet',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'Without subnet_id (or a network interface) an instance lands in the default VPC, whose subnets assign public IPs and whose default security group is open within itself; PHI workloads belong in the designed network.',
  remediation: 'Set subnet_id to a private subnet of the PHI VPC (HipaaVpc), or attach a network_interface.',
  anchors: { cdkNag: ['HIPAA.Security-EC2InstancesInVPC'], awsConfig: ['ec2-instances-in-vpc'] },
  check(i) {
    const subnet = attr(i, 'subnet_id');
    if (isSet(subnet) && !computedOnly(subnet)) return pass('subnet_id is set', ev('subnet_id', subnet));
    const ni = attr(i, 'network_interface.network_interface_id');
    if (isSet(ni) && !computedOnly(ni)) return pass('launched with a network interface', ev('network_interface', ni));
    return fail('subnet_id is not set; the instance lands in the default VPC', ev('subnet_id', subnet));
  },
  examples: {
    pass: [{ description: 'passes when subnet_id refers to a subnet', resources: { 'aws_subnet.s': { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24' }, 'aws_instance.i': { ami: 'ami-1', subnet_id: '${aws_subnet.s.id}' } }, target: 'aws_instance.i' }],
    fail: [{ description: 'fails when subnet_id is not set', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' } } }],
  },
};
