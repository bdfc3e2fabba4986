import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { SG, ingressVerdict, portRangeOf, worldCidrs } from './_shared';
import { SG_ANCHORS } from './sg-inline-ingress-restricted';

export const sgRuleIngressRestricted: ResourceRule = {
  id: 'ACC-18b',
  control: 'ACC-18',
  title: 'aws_security_group_rule ingress opens no admin or database port to the internet; only 80/443 may be world-open',
  strategy: 2,
  citations: SG,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_security_group_rule'],
  scope: 'resource',
  rationale: 'Rules declared as separate resources add to a security group just like inline rules; a world-open SSH or database rule is as exposed either way.',
  remediation: 'Restrict cidr_blocks / ipv6_cidr_blocks to internal ranges or use source_security_group_id.',
  anchors: SG_ANCHORS,
  check(r) {
    const type = attr(r, 'type');
    if (type.state === 'unknown') return unknown(unknownMessage('type'), ev('type', type));
    if (str(type) !== 'ingress') return notApplicable('egress rule');
    const cidrs = [attr(r, 'cidr_blocks'), attr(r, 'ipv6_cidr_blocks')];
    const unk = cidrs.find((a) => a.state === 'unknown');
    const world = cidrs.flatMap((a) => (a.state === 'known' ? worldCidrs(a.value) : []));
    if (!world.length) return unk ? unknown(unknownMessage('cidr_blocks'), ev('cidr_blocks', unk)) : pass('source is not the whole internet');
    const range = portRangeOf(r);
    if (range === 'unknown') return unknown('the port range is known only after apply');
    return ingressVerdict('cidr_blocks', range, world) ?? pass(`only port(s) ${range.from}-${range.to} are world-open`);
  },
  examples: {
    pass: [{ description: 'passes for a world-open 443 rule', resources: { 'aws_security_group_rule.r': { type: 'ingress', security_group_id: 'sg-1', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } }],
    fail: [
      { description: 'fails for a world-open 3389 rule', resources: { 'aws_security_group_rule.r': { type: 'ingress', security_group_id: 'sg-1', from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } },
      { description: 'fails for a world-open range 1000-6000 (covers 3306, 4333, 5432)', resources: { 'aws_security_group_rule.r': { type: 'ingress', security_group_id: 'sg-1', from_port: 1000, to_port: 6000, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } } },
    ],
    unknown: [{ description: 'is unknown when cidr_blocks is known only after apply', resources: { 'aws_security_group_rule.r': { type: 'ingress', security_group_id: 'sg-1', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] } }, unknown: { 'aws_security_group_rule.r': ['cidr_blocks'] } }],
  },
};
