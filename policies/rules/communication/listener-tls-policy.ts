import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';

/** ELB security policies that allow TLS below 1.2. */
const WEAK = /^(ELBSecurityPolicy-2016-08|ELBSecurityPolicy-2015-05|ELBSecurityPolicy-TLS-1-0-2015-04|ELBSecurityPolicy-TLS-1-1-2017-01|ELBSecurityPolicy-FS-2018-06|ELBSecurityPolicy-FS-1-1-2019-08|ELBSecurityPolicy-TLS13-1-0-2021-06|ELBSecurityPolicy-TLS13-1-1-2021-06)$/;

export const listenerTlsPolicy: ResourceRule = {
  id: 'COM-02',
  control: 'COM-02',
  title: 'HTTPS/TLS listeners use a TLS 1.2+ security policy',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_lb_listener'],
  scope: 'resource',
  rationale: 'The default ELB policy (ELBSecurityPolicy-2016-08) still negotiates TLS 1.0; PHI in transit needs TLS 1.2 or later.',
  remediation: 'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or a FIPS TLS 1.2+ policy) on HTTPS and TLS listeners.',
  anchors: { awsConfig: ['elb-predefined-security-policy-ssl-check'], checkov: ['CKV_AWS_103'] },
  check(listener) {
    const proto = attr(listener, 'protocol');
    if (proto.state === 'unknown') return unknown('protocol is known only after apply');
    if (!['HTTPS', 'TLS'].includes(str(proto) ?? 'HTTP')) return notApplicable('not a TLS listener');
    const policy = attr(listener, 'ssl_policy');
    if (policy.state === 'unknown') return unknown('ssl_policy is known only after apply');
    const p = str(policy) ?? 'ELBSecurityPolicy-2016-08';
    return WEAK.test(p) ? fail(`ssl_policy ${p}${policy.state === 'absent' ? ' (default)' : ''} allows TLS below 1.2`, { attribute: 'ssl_policy', value: p }) : pass(`ssl_policy ${p}`);
  },
  examples: {
    pass: [{ description: 'passes with the TLS 1.3/1.2 policy', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc', default_action: [{ type: 'forward' }] } } }],
    fail: [
      { description: 'fails with the default policy (TLS 1.0)', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc', default_action: [{ type: 'forward' }] } } },
      { description: 'fails with ELBSecurityPolicy-TLS-1-1-2017-01', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS-1-1-2017-01', default_action: [{ type: 'forward' }] } } },
    ],
    unknown: [{ description: 'is unknown when ssl_policy is known only after apply', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', default_action: [{ type: 'forward' }] } }, unknown: { 'aws_lb_listener.https': ['ssl_policy'] } }],
  },
};
