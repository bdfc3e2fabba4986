import { attr, bool, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown } from '../helpers';
import { PUB, isPublicSubnet } from './_shared';

export const emrMasterNotPublic: ResourceRule = {
  id: 'ACC-27c',
  control: 'ACC-27',
  title: 'EMR clusters launch into private subnets (no public master IP)',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_emr_cluster'],
  scope: 'resource',
  rationale: 'A cluster in a subnet that auto-assigns public IPs (or in the default VPC when no subnet is given) gets a public master node address.',
  remediation: 'Set ec2_attributes.subnet_id to a private subnet (map_public_ip_on_launch = false).',
  anchors: { awsConfig: ['emr-master-no-public-ip'], checkov: ['CKV2_AWS_7'] },
  check(c, ctx) {
    const sid = attr(c, 'ec2_attributes.subnet_id');
    if (!isSet(sid) && !isSet(attr(c, 'ec2_attributes.subnet_ids'))) return fail('ec2_attributes.subnet_id is not set; the cluster launches into the default VPC with public IPs', ev('ec2_attributes.subnet_id', sid));
    const subnet = ctx.graph.deref(c, 'ec2_attributes.subnet_id').resources.find((r) => r.type === 'aws_subnet');
    if (!subnet) return unknown('the subnet is outside these inputs; whether it assigns public IPs is unknown', ev('ec2_attributes.subnet_id', sid));
    const m = attr(subnet, 'map_public_ip_on_launch');
    if (m.state === 'unknown') return unknown(`${subnet.address}.map_public_ip_on_launch is known only after apply`, ev('map_public_ip_on_launch', m));
    if (bool(m) === true || isPublicSubnet(subnet)) return fail(`${subnet.address} is a public subnet (map_public_ip_on_launch ${bool(m) === true ? 'true' : 'false, tagged public'})`, ev(`${subnet.address}.map_public_ip_on_launch`, m));
    return pass(`launches into private subnet ${subnet.address}`);
  },
  examples: {
    pass: [{ description: 'passes in a private subnet joined by reference', resources: { 'aws_subnet.s': { vpc_id: 'v', cidr_block: '10.0.1.0/24' }, 'aws_emr_cluster.c': { name: 'c', service_role: 'r', ec2_attributes: [{ subnet_id: '${aws_subnet.s.id}', instance_profile: 'p' }] } }, target: 'aws_emr_cluster.c' }],
    fail: [
      { description: 'fails in a subnet with map_public_ip_on_launch true', resources: { 'aws_subnet.s': { vpc_id: 'v', cidr_block: '10.0.1.0/24', map_public_ip_on_launch: true }, 'aws_emr_cluster.c': { name: 'c', service_role: 'r', ec2_attributes: [{ subnet_id: '${aws_subnet.s.id}', instance_profile: 'p' }] } }, target: 'aws_emr_cluster.c' },
      { description: 'fails without a subnet (default VPC)', resources: { 'aws_emr_cluster.c': { name: 'c', service_role: 'r', ec2_attributes: [{ instance_profile: 'p' }] } } },
    ],
    unknown: [{ description: 'is unknown when the subnet is outside the inputs', resources: { 'aws_emr_cluster.c': { name: 'c', service_role: 'r', ec2_attributes: [{ subnet_id: 'subnet-0abc', instance_profile: 'p' }] } } }],
  },
};
