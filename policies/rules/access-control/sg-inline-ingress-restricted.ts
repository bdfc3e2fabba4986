import { attr, blocks } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, evv, pass, unknown } from '../helpers';
import { SG, computedOnly, ingressVerdict, portRangeOf, worldCidrs } from './_shared';

export const SG_ANCHORS = {
  cdkNag: ['HIPAA.Security-EC2RestrictedSSH', 'HIPAA.Security-EC2RestrictedCommonPorts'],
  awsConfig: ['restricted-ssh', 'restricted-common-ports', 'vpc-sg-open-only-to-authorized-ports'],
  checkov: ['CKV_AWS_24', 'CKV_AWS_25', 'CKV_AWS_260', 'CKV_AWS_277'],
};

export const sgInlineIngressRestricted: ResourceRule = {
  id: 'ACC-18a',
  control: 'ACC-18',
  title: 'Security groups open no admin or database port to the internet; only 80/443 may be world-open',
  strategy: 2,
  citations: SG,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_security_group'],
  scope: 'resource',
  rationale: 'SSH, RDP, FTP and database ports open to 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes; only web ports on public load balancers should face the internet.',
  remediation: 'Restrict the ingress source to a security group, prefix list or VPN CIDR; reach instances through SSM Session Manager instead of SSH/RDP.',
  anchors: SG_ANCHORS,
  check(sg) {
    const ingress = attr(sg, 'ingress');
    if (ingress.state === 'unknown' && !computedOnly(ingress)) return unknown('ingress is known only after apply', ev('ingress', ingress));
    for (const b of blocks(sg, 'ingress')) {
      if (b instanceof Unknown) {
        if (b.refs.length) return unknown('an ingress block is known only after apply', evv('ingress', '(known after apply)'));
        continue;
      }
      const cidrA = [attr(b, 'cidr_blocks'), attr(b, 'ipv6_cidr_blocks')];
      const world = cidrA.flatMap((a) => (a.state === 'known' ? worldCidrs(a.value) : []));
      const range = portRangeOf(b);
      if (!world.length) {
        if (cidrA.some((a) => a.state === 'unknown')) return unknown('an ingress CIDR list is known only after apply', evv('ingress.cidr_blocks', '(known after apply)'));
        continue;
      }
      if (range === 'unknown') return unknown('an ingress port range is known only after apply', evv('ingress', world.join(',')));
      const v = ingressVerdict('ingress', range, world);
      if (v) return v;
    }
    return pass('no ingress opens a non-web port to the internet');
  },
  examples: {
    pass: [
      { description: 'passes when only 443 is open to the world', resources: { 'aws_security_group.s': { name: 'lb', ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } } },
      { description: 'passes when SSH is open only to a private range', resources: { 'aws_security_group.s': { name: 'a', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }] } } },
    ],
    fail: [
      { description: 'fails when port 22 is open to 0.0.0.0/0', resources: { 'aws_security_group.s': { name: 'a', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } } },
      { description: 'fails when all traffic is open to ::/0', resources: { 'aws_security_group.s': { name: 'a', ingress: [{ from_port: 0, to_port: 0, protocol: '-1', ipv6_cidr_blocks: ['::/0'] }] } } },
      { description: 'fails when port 8080 is open to the world (only 80/443 are authorized)', resources: { 'aws_security_group.s': { name: 'a', ingress: [{ from_port: 8080, to_port: 8080, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } } },
    ],
    unknown: [{ description: 'is unknown when the ingress CIDRs are known only after apply', resources: { 'aws_security_group.s': { name: 'a', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } }, unknown: { 'aws_security_group.s': ['ingress.cidr_blocks'] } }],
  },
};
