import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, pass, unknown, unknownMessage } from '../helpers';
import { SG, WORLD, ingressVerdict, portRangeOf } from './_shared';
import { SG_ANCHORS } from './sg-inline-ingress-restricted';

export const vpcSgIngressRuleRestricted: ResourceRule = {
  id: 'ACC-18c',
  control: 'ACC-18',
  title: 'aws_vpc_security_group_ingress_rule opens no admin or database port to the internet; only 80/443 may be world-open',
  strategy: 2,
  citations: SG,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_vpc_security_group_ingress_rule'],
  scope: 'resource',
  rationale: 'The per-rule resources recommended since provider v5 carry one CIDR each; a world CIDR to an admin or database port exposes it to the internet.',
  remediation: 'Use referenced_security_group_id or an internal cidr_ipv4 / prefix list instead of 0.0.0.0/0 or ::/0.',
  anchors: SG_ANCHORS,
  check(r) {
    for (const p of ['cidr_ipv4', 'cidr_ipv6']) {
      const a = attr(r, p);
      if (a.state === 'unknown') return unknown(unknownMessage(p), ev(p, a));
      const cidr = str(a);
      if (!cidr || !WORLD.includes(cidr)) continue;
      const range = portRangeOf(r, 'ip_protocol');
      if (range === 'unknown') return unknown('the port range is known only after apply', ev(p, a));
      const v = ingressVerdict(p, range, [cidr]);
      if (v) return v;
    }
    return pass('no non-web port is opened to the internet');
  },
  examples: {
    pass: [
      { description: 'passes for 443 from 0.0.0.0/0', resources: { 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg-1', cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443, ip_protocol: 'tcp' } } },
      { description: 'passes for 5432 from the VPC range', resources: { 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg-1', cidr_ipv4: '10.0.0.0/16', from_port: 5432, to_port: 5432, ip_protocol: 'tcp' } } },
    ],
    fail: [
      { description: 'fails for 5432 from 0.0.0.0/0', resources: { 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg-1', cidr_ipv4: '0.0.0.0/0', from_port: 5432, to_port: 5432, ip_protocol: 'tcp' } } },
      { description: 'fails for ip_protocol -1 from ::/0', resources: { 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg-1', cidr_ipv6: '::/0', ip_protocol: '-1' } } },
    ],
    unknown: [{ description: 'is unknown when cidr_ipv4 is known only after apply', resources: { 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg-1', cidr_ipv4: '0.0.0.0/0', from_port: 22, to_port: 22, ip_protocol: 'tcp' } }, unknown: { 'aws_vpc_security_group_ingress_rule.r': ['cidr_ipv4'] } }],
  },
};
