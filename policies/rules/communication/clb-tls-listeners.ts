import { blocks, attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';

export const clbTlsListeners: ResourceRule = {
  id: 'COM-01b',
  control: 'COM-01',
  title: 'Classic load balancers listen only with HTTPS/SSL and ACM certificates',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_elb'],
  scope: 'resource',
  rationale: 'A Classic Load Balancer with an HTTP or TCP listener carries PHI in clear text; its certificates should come from ACM so they renew.',
  remediation: 'Use lb_protocol HTTPS or SSL on every listener with an ACM ssl_certificate_id (better: migrate to an ALB with a redirect listener).',
  anchors: { cdkNag: ['HIPAA.Security-ELBTlsHttpsListenersOnly', 'HIPAA.Security-ELBACMCertificateRequired'], awsConfig: ['elb-tls-https-listeners-only', 'elb-acm-certificate-required'] },
  check(elb) {
    const ls = blocks(elb, 'listener');
    if (ls.some((l) => l instanceof Unknown)) return unknown('listeners are known only after apply');
    for (const l of ls) {
      const proto = (str(attr(l as never, 'lb_protocol')) ?? '').toUpperCase();
      if (proto !== 'HTTPS' && proto !== 'SSL') return fail(`listener on port ${String(attr(l as never, 'lb_port').state === 'known' ? (attr(l as never, 'lb_port') as { value: unknown }).value : '?')} uses ${proto || 'no protocol'}`, { attribute: 'listener.lb_protocol', value: proto });
      const cert = attr(l as never, 'ssl_certificate_id');
      if (cert.state === 'known' && !/:acm:/.test(String(cert.value))) return fail('listener certificate is not from ACM', { attribute: 'listener.ssl_certificate_id', value: String(cert.value) });
    }
    return pass('every listener is HTTPS/SSL');
  },
  examples: {
    pass: [{ description: 'passes with an HTTPS listener and an ACM certificate', resources: { 'aws_elb.e': { name: 'legacy', listener: [{ instance_port: 443, instance_protocol: 'https', lb_port: 443, lb_protocol: 'https', ssl_certificate_id: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' }] } } }],
    fail: [{ description: 'fails with an HTTP listener', resources: { 'aws_elb.e': { name: 'legacy', listener: [{ instance_port: 80, instance_protocol: 'http', lb_port: 80, lb_protocol: 'http' }] } } }],
  },
};
