import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

/** ELB security policies whose minimum protocol is TLS 1.2 (FIPS and forward-secrecy variants included). */
export function isTls12Policy(name: string): boolean {
  return /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2|TLS-1-3)/i.test(name);
}

export const listenerTlsPolicy: ResourceRule = {
  id: 'COM-02a',
  control: 'COM-02',
  title: 'HTTPS/TLS listeners use a TLS 1.2+ security policy',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security and 164.312(e)(2)(ii) encryption: a listener policy that still negotiates TLS 1.0/1.1 is not an encryption process NIST SP 800-52r2 (the guidance HHS names for ePHI in transit) accepts; the same as COM-02b for Classic Load Balancers and COM-11 for OpenSearch' },
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  scope: 'resource',
  rationale:
    'The listener security policy decides which TLS versions and ciphers clients may negotiate. The provider default (ELBSecurityPolicy-2016-08) still allows TLS 1.0/1.1 and CBC ciphers, which NIST SP 800-52r2 no longer accepts for protecting PHI in transit.',
  remediation: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or a FIPS / FS-1-2 variant) on the listener.',
  anchors: { checkov: ['CKV_AWS_103', 'CKV2_AWS_74'] },
  check(l) {
    const p = attr(l, 'protocol');
    if (p.state === 'unknown') return unknown(unknownMessage('protocol'), ev('protocol', p));
    const proto = (str(p) ?? 'HTTP').toUpperCase();
    if (proto !== 'HTTPS' && proto !== 'TLS') return notApplicable(`protocol is ${proto}; no TLS policy applies`);
    const a = attr(l, 'ssl_policy');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('ssl_policy'), ev('ssl_policy', a));
    const name = str(a);
    if (name === undefined) return fail('ssl_policy is not set; the provider default ELBSecurityPolicy-2016-08 allows TLS 1.0', ev('ssl_policy', a));
    return isTls12Policy(name) ? pass(`ssl_policy ${name} requires TLS 1.2+`, ev('ssl_policy', a)) : fail(`ssl_policy is ${name}, which allows TLS below 1.2`, ev('ssl_policy', a));
  },
  examples: {
    pass: [{ description: 'passes with ELBSecurityPolicy-TLS13-1-2-2021-06', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', certificate_arn: 'arn:c', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } }],
    fail: [
      { description: 'fails when ssl_policy is not set (provider default ELBSecurityPolicy-2016-08)', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:c', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
      { description: 'fails when ssl_policy is ELBSecurityPolicy-TLS-1-1-2017-01', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS-1-1-2017-01', certificate_arn: 'arn:c', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when ssl_policy is known only after apply',
        resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } },
        unknown: { 'aws_lb_listener.l': ['ssl_policy'] },
      },
    ],
  },
};
