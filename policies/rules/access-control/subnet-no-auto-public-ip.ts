import type { ResourceRule } from '../../engine/types';
import { PUB, boolCases, expectBoolC } from './_shared';

export const subnetNoAutoPublicIp: ResourceRule = {
  id: 'ACC-16d',
  control: 'ACC-16',
  title: 'Subnets do not auto-assign public IP addresses',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_subnet'],
  scope: 'resource',
  rationale: 'With map_public_ip_on_launch every instance, task or node launched into the subnet becomes internet-addressable unless each one opts out.',
  remediation: 'Set map_public_ip_on_launch = false (the provider default); give internet-facing load balancers their own subnets without auto-assign (HipaaVpc does).',
  construct: 'HipaaVpc',
  anchors: { cdkNag: ['HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled'], awsConfig: ['subnet-auto-assign-public-ip-disabled'], checkov: ['CKV_AWS_130'] },
  check(s) {
    return expectBoolC(s, 'map_public_ip_on_launch', false, false, 'instances launched here get public IPs');
  },
  examples: boolCases('aws_subnet.s', 'map_public_ip_on_launch', { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24' }, false, ''),
};
