import { attr, blocks, str } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import type { Resource } from '../../model/types';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { WORLD, computedOnly, isPublicSubnet, publicSubnetUndecided } from './_shared';

/** Does a gateway attribute point at an internet gateway (reference or literal igw- id)? */
function toIgw(graph: Graph, res: Resource, path: string, v: unknown): boolean | 'unknown' {
  if (typeof v === 'string') return v.startsWith('igw-');
  if (v instanceof Unknown) {
    if (v.refs.some((r) => /(^|\.)aws_internet_gateway\./.test(r))) return true;
    const targets = v.refs.length ? graph.deref(res, path).resources : [];
    if (!targets.length) return 'unknown';
    return targets.some((r) => r.type === 'aws_internet_gateway');
  }
  return false;
}

/** Subnets using a route table, and whether it is unassociated (main table / unused). */
function verdictForTable(graph: Graph, table: Resource | undefined, where: string, cidr: string): Verdict {
  const assocs = table ? graph.related(table, 'aws_route_table_association', 'route_table_id') : [];
  // Each association names one subnet; a counted association (`element(aws_subnet.public[*].id,
  // count.index)`) joins to every subnet of that list, all of which it may name.
  const perAssoc = assocs.map((a) => graph.deref(a, 'subnet_id').resources.filter((s) => s.type === 'aws_subnet'));
  const subnets = [...new Set(perAssoc.flat())];
  if (subnets.length && subnets.every(isPublicSubnet) && perAssoc.every((l) => l.length > 0)) return pass(`${where} routes ${cidr} to an internet gateway only for subnets tagged public (${subnets.map((s) => s.address).join(', ')})`);
  const priv = subnets.find((s) => !isPublicSubnet(s) && !publicSubnetUndecided(s));
  const open = subnets.find(publicSubnetUndecided);
  if (!priv && open) return unknown(`${where} routes ${cidr} to an internet gateway; whether ${open.address} is public is known only after apply (its tags or map_public_ip_on_launch)`, evv(where, cidr));
  return fail(
    `${where} routes ${cidr} to an internet gateway ${priv ? `and is associated with ${priv.address}, which is not tagged public` : 'and is not associated only with subnets tagged public'}`,
    evv(where, cidr),
  );
}

export const noPublicRouteToIgw: ResourceRule = {
  id: 'ACC-20a',
  control: 'ACC-20',
  title: 'Only public subnets (tagged public or auto-assigning public IPs) route 0.0.0.0/0 or ::/0 to an internet gateway',
  strategy: 2,
  citations: ['164.312(e)(1)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_route', 'aws_route_table'],
  scope: 'resource',
  rationale: 'A default route to an internet gateway makes a subnet public: anything in it with a public IP is reachable, and PHI can leave without passing a NAT, proxy or endpoint. PHI subnets should route through NAT or VPC endpoints only.',
  remediation: 'Route private subnets through a NAT gateway or VPC endpoints; keep internet-gateway routes in route tables used only by subnets tagged Tier = "public" (HipaaVpc tags them).',
  construct: 'HipaaVpc',
  anchors: { cdkNag: ['HIPAA.Security-VPCNoUnrestrictedRouteToIGW'], awsConfig: ['no-unrestricted-route-to-igw'] },
  check(res, ctx) {
    if (res.type === 'aws_route') {
      const cidrs = ['destination_cidr_block', 'destination_ipv6_cidr_block'].map((p) => [p, attr(res, p)] as const);
      const u = cidrs.find(([, a]) => a.state === 'unknown');
      const world = cidrs.map(([, a]) => str(a)).find((c) => c && WORLD.includes(c));
      if (!world) return u ? unknown(unknownMessage(u[0]), ev(u[0], u[1])) : notApplicable('not a default route');
      const igw = computedOnly(attr(res, 'gateway_id')) ? false : toIgw(ctx.graph, res, 'gateway_id', res.values.gateway_id);
      if (igw === 'unknown') return unknown(unknownMessage('gateway_id'), ev('gateway_id', attr(res, 'gateway_id')));
      if (!igw) return pass(`${world} goes to a NAT gateway, endpoint or other target, not an internet gateway`);
      const table = ctx.graph.deref(res, 'route_table_id').resources.find((r) => r.type === 'aws_route_table');
      return verdictForTable(ctx.graph, table, res.address, world);
    }
    const routes = attr(res, 'route');
    if (routes.state === 'unknown' && !computedOnly(routes)) return unknown(unknownMessage('route'), ev('route', routes));
    for (const r of blocks(res, 'route')) {
      if (r instanceof Unknown) continue;
      const world = [r.cidr_block, r.ipv6_cidr_block].find((c) => typeof c === 'string' && WORLD.includes(c)) as string | undefined;
      if (!world) continue;
      const igw = toIgw(ctx.graph, res, 'route.gateway_id', r.gateway_id);
      if (igw === 'unknown') return unknown(unknownMessage('route.gateway_id'), evv('route.gateway_id', '(known after apply)'));
      if (igw) return verdictForTable(ctx.graph, res, `${res.address} route`, world);
    }
    return pass('no inline default route to an internet gateway');
  },
  examples: {
    pass: [
      {
        description: 'passes when the IGW route table serves only a subnet tagged Tier=public',
        resources: {
          'aws_internet_gateway.g': { vpc_id: 'vpc-1' },
          'aws_subnet.pub': { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', tags: { Tier: 'public' } },
          'aws_route_table.rt': { vpc_id: 'vpc-1' },
          'aws_route.r': { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.g.id}' },
          'aws_route_table_association.a': { subnet_id: '${aws_subnet.pub.id}', route_table_id: '${aws_route_table.rt.id}' },
        },
        target: 'aws_route.r',
      },
      { description: 'passes when the default route goes to a NAT gateway', resources: { 'aws_route.r': { route_table_id: 'rtb-1', destination_cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' } } },
      {
        description: 'passes when two associations each pick one of two public subnets from a list (element(list, count.index) joins each to both)',
        resources: {
          'aws_internet_gateway.g': { vpc_id: 'vpc-1' },
          'aws_subnet.a': { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', tags: { Name: 'app-public-a' } },
          'aws_subnet.b': { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', tags: { Name: 'app-public-b' } },
          'aws_route_table.rt': { vpc_id: 'vpc-1' },
          'aws_route.r': { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.g.id}' },
          'aws_route_table_association.a0': { subnet_id: '${element([aws_subnet.a.id, aws_subnet.b.id], 0)}', route_table_id: '${aws_route_table.rt.id}' },
          'aws_route_table_association.a1': { subnet_id: '${element([aws_subnet.a.id, aws_subnet.b.id], 1)}', route_table_id: '${aws_route_table.rt.id}' },
        },
        target: 'aws_route.r',
      },
    ],
    fail: [
      {
        description: 'fails when a private subnet\'s route table has an inline 0.0.0.0/0 route to the IGW',
        resources: {
          'aws_internet_gateway.g': { vpc_id: 'vpc-1' },
          'aws_subnet.phi': { vpc_id: 'vpc-1', cidr_block: '10.0.1.0/24', tags: { Tier: 'private' } },
          'aws_route_table.rt': { vpc_id: 'vpc-1', route: [{ cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.g.id}' }] },
          'aws_route_table_association.a': { subnet_id: '${aws_subnet.phi.id}', route_table_id: '${aws_route_table.rt.id}' },
        },
        target: 'aws_route_table.rt',
      },
      { description: 'fails for an ::/0 route to a literal igw- id in an unassociated table', resources: { 'aws_route.r': { route_table_id: 'rtb-1', destination_ipv6_cidr_block: '::/0', gateway_id: 'igw-0abc' } } },
    ],
    unknown: [{ description: 'is unknown when the gateway is known only after apply', resources: { 'aws_route.r': { route_table_id: 'rtb-1', destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' } }, unknown: { 'aws_route.r': ['gateway_id'] } }],
  },
};
