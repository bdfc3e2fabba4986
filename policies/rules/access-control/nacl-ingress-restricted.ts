import { attr, blocks, bool, str } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { evv, fail, notApplicable, pass, unknown } from '../helpers';
import { SG, WORLD, exposedRestricted, isAllTraffic, portRangeOf } from './_shared';

type Rec = Resource | Readonly<Record<string, unknown>>;

/** Verdict for one NACL entry (inline block or aws_network_acl_rule). */
function entryVerdict(e: Rec, actionKey: string, where: string): Verdict | undefined {
  const action = attr(e as Resource, actionKey);
  const cidrs = [attr(e as Resource, 'cidr_block'), attr(e as Resource, 'ipv6_cidr_block')];
  if (action.state === 'unknown' || cidrs.some((c) => c.state === 'unknown')) return unknown(`${where}: action or CIDR is known only after apply`, evv(where, '(known after apply)'));
  if ((str(action) ?? 'allow').toLowerCase() !== 'allow') return undefined;
  const world = cidrs.map(str).filter((c): c is string => !!c && WORLD.includes(c));
  if (!world.length) return undefined;
  const range = portRangeOf(e);
  if (range === 'unknown') return unknown(`${where}: port range is known only after apply`);
  const exposed = exposedRestricted(range);
  if (isAllTraffic(range)) return fail(`${where} allows all traffic from ${world.join(', ')}`, evv(where, `${world.join(',')} ${range.protocol} ${range.from}-${range.to}`));
  if (exposed.length) return fail(`${where} allows ${world.join(', ')} to admin/database port(s) ${exposed.join(', ')}`, evv(where, `${world.join(',')} ${range.protocol} ${range.from}-${range.to}`));
  return undefined;
}

export const naclIngressRestricted: ResourceRule = {
  id: 'ACC-18d',
  control: 'ACC-18',
  title: 'Network ACLs allow no internet ingress to admin or database ports, nor all traffic',
  strategy: 2,
  citations: SG,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_network_acl', 'aws_network_acl_rule', 'aws_default_network_acl'],
  scope: 'resource',
  rationale: 'NACLs are the subnet-level second layer; allowing 0.0.0.0/0 to SSH, RDP or database ports (or everything) leaves security groups as the only barrier for PHI subnets.',
  remediation: 'Allow only the needed ports (443, ephemeral return ports) from the internet, and deny or omit admin and database ports.',
  anchors: { checkov: ['CKV_AWS_229', 'CKV_AWS_230', 'CKV_AWS_231', 'CKV_AWS_232', 'CKV_AWS_352'] },
  check(res) {
    if (res.type === 'aws_network_acl_rule') {
      if (bool(attr(res, 'egress')) === true) return notApplicable('egress rule');
      return entryVerdict(res, 'rule_action', 'rule') ?? pass('the rule opens no admin/database port to the internet');
    }
    const entries = blocks(res, 'ingress');
    for (const e of entries) {
      if (e instanceof Unknown) continue;
      const v = entryVerdict(e, 'action', `ingress rule ${String(e.rule_no ?? '?')}`);
      if (v) return v;
    }
    return pass(entries.length ? 'no ingress entry opens admin/database ports to the internet' : 'no ingress entries (all inbound denied)');
  },
  examples: {
    pass: [
      { description: 'passes when only 443 and ephemeral ports are allowed from the world', resources: { 'aws_network_acl.n': { vpc_id: 'vpc-1', ingress: [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0' }, { rule_no: 110, action: 'allow', protocol: 'tcp', from_port: 32768, to_port: 65535, cidr_block: '0.0.0.0/0' }] } } },
      { description: 'passes for an aws_network_acl_rule denying SSH', resources: { 'aws_network_acl_rule.r': { network_acl_id: 'acl-1', rule_number: 90, rule_action: 'deny', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' } } },
    ],
    fail: [
      { description: 'fails when an inline entry allows all traffic from 0.0.0.0/0', resources: { 'aws_network_acl.n': { vpc_id: 'vpc-1', ingress: [{ rule_no: 100, action: 'allow', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' }] } } },
      { description: 'fails when an aws_network_acl_rule allows 3389 from the world', resources: { 'aws_network_acl_rule.r': { network_acl_id: 'acl-1', rule_number: 100, rule_action: 'allow', protocol: 'tcp', from_port: 3389, to_port: 3389, cidr_block: '0.0.0.0/0' } } },
    ],
    unknown: [{ description: 'is unknown when the rule CIDR is known only after apply', resources: { 'aws_network_acl_rule.r': { network_acl_id: 'acl-1', rule_number: 100, rule_action: 'allow', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' } }, unknown: { 'aws_network_acl_rule.r': ['cidr_block'] } }],
  },
};
