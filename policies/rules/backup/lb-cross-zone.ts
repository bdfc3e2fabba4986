import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, notApplicable, unknown, unknownMessage } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const lbCrossZone: ResourceRule = {
  id: 'BAK-12b',
  control: 'BAK-12',
  title: 'Classic, network and gateway load balancers balance across Availability Zones',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_elb', 'aws_lb', 'aws_alb'],
  scope: 'resource',
  rationale: 'Without cross-zone balancing each AZ’s share of traffic goes only to its own targets: losing most targets in one AZ overloads the rest there while other AZs idle. Classic LBs default to on; network and gateway LBs default to off; application LBs are always cross-zone.',
  remediation: 'Set cross_zone_load_balancing = true on aws_elb, or enable_cross_zone_load_balancing = true on network/gateway aws_lb.',
  anchors: { cdkNag: ['HIPAA.Security-ELBCrossZoneLoadBalancingEnabled'], awsConfig: ['elb-cross-zone-load-balancing-enabled'], checkov: ['CKV_AWS_138', 'CKV_AWS_152'] },
  check(lb) {
    if (lb.type === 'aws_elb') return expectBoolCfg(lb, 'cross_zone_load_balancing', true, true, 'traffic is not balanced across Availability Zones');
    const t = attr(lb, 'load_balancer_type');
    if (t.state === 'unknown' || t.state === 'sensitive') return unknown(unknownMessage('load_balancer_type'), ev('load_balancer_type', t));
    const type = str(t) ?? 'application';
    if (type === 'application') return notApplicable('application load balancers are always cross-zone');
    return expectBoolCfg(lb, 'enable_cross_zone_load_balancing', true, false, `the ${type} load balancer does not balance across Availability Zones`);
  },
  examples: {
    pass: [
      { description: 'passes when a classic LB leaves cross_zone_load_balancing at its default (true)', resources: { 'aws_elb.e': { name: 'legacy', availability_zones: ['us-east-1a', 'us-east-1b'] } } },
      { description: 'passes when a network LB enables cross-zone balancing', resources: { 'aws_lb.n': { name: 'nlb', load_balancer_type: 'network', enable_cross_zone_load_balancing: true } } },
    ],
    fail: [
      { description: 'fails when a classic LB sets cross_zone_load_balancing = false', resources: { 'aws_elb.e': { name: 'legacy', cross_zone_load_balancing: false } } },
      { description: 'fails when a network LB does not set enable_cross_zone_load_balancing (default false)', resources: { 'aws_lb.n': { name: 'nlb', load_balancer_type: 'network' } } },
    ],
    unknown: [{ description: 'is unknown when cross_zone_load_balancing is known only after apply', resources: { 'aws_elb.e': { name: 'legacy', cross_zone_load_balancing: true } }, unknown: { 'aws_elb.e': ['cross_zone_load_balancing'] } }],
  },
};
