import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { isPublicSubnet, publicSubnetUndecided } from './_shared';

export const igwAuthorizedVpcOnly: ResourceRule = {
  id: 'ACC-20b',
  control: 'ACC-20',
  title: 'Internet gateways are attached only to VPCs that declare a public subnet tier',
  strategy: 2,
  citations: ['164.312(e)(1)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_internet_gateway', 'aws_internet_gateway_attachment'],
  scope: 'resource',
  rationale: 'An internet gateway is the door between a VPC and the internet; a VPC meant to be private (PHI processing only) should not have one. The plan cannot know authorized VPC ids, so a VPC counts as authorized when it declares subnets tagged public.',
  remediation: 'Remove the internet gateway from private VPCs (use NAT in a shared egress VPC or VPC endpoints), or tag the VPC\'s public subnets Tier = "public" to record that it is internet-facing by design.',
  construct: 'HipaaVpc',
  anchors: { awsConfig: ['internet-gateway-authorized-vpc-only'] },
  check(igw, ctx) {
    const a = attr(igw, 'vpc_id');
    if (a.state === 'absent') return notApplicable('the internet gateway is not attached');
    const vpcs = ctx.graph.deref(igw, 'vpc_id').resources.filter((r) => r.type === 'aws_vpc');
    if (!vpcs.length) return a.state === 'unknown' && !a.value.refs.length ? unknown(unknownMessage('vpc_id'), ev('vpc_id', a)) : unknown('the VPC is outside these inputs; whether it is authorized is unknown', ev('vpc_id', a));
    const vpc = vpcs[0];
    const subnets = ctx.graph.related(vpc, 'aws_subnet', 'vpc_id');
    const publicSubnets = subnets.filter(isPublicSubnet);
    if (publicSubnets.length) return pass(`${vpc.address} declares public subnet(s) ${publicSubnets.map((s) => s.address).join(', ')}`);
    const open = subnets.find(publicSubnetUndecided);
    if (open) return unknown(`${vpc.address} has an internet gateway; whether ${open.address} is public is known only after apply (its tags or map_public_ip_on_launch)`, ev('vpc_id', a));
    return fail(`${vpc.address} has an internet gateway but no subnet tagged public; it is not an internet-facing VPC`, ev('vpc_id', a));
  },
  examples: {
    pass: [
      {
        description: 'passes when the VPC has a subnet tagged Tier=public',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_subnet.p': { vpc_id: '${aws_vpc.v.id}', cidr_block: '10.0.0.0/24', tags: { Tier: 'public' } }, 'aws_internet_gateway.g': { vpc_id: '${aws_vpc.v.id}' } },
        target: 'aws_internet_gateway.g',
      },
    ],
    fail: [
      {
        description: 'fails when the VPC declares only private subnets',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_subnet.p': { vpc_id: '${aws_vpc.v.id}', cidr_block: '10.0.0.0/24', tags: { Name: 'phi-a' } }, 'aws_internet_gateway.g': { vpc_id: '${aws_vpc.v.id}' } },
        target: 'aws_internet_gateway.g',
      },
    ],
    unknown: [{ description: 'is unknown when the VPC is outside the inputs', resources: { 'aws_internet_gateway.g': { vpc_id: 'vpc-0123' } } }],
  },
};
