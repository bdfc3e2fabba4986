import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const clbTlsListeners: ResourceRule = {
  id: 'COM-01b',
  control: 'COM-01',
  title: 'Classic Load Balancer listeners use SSL or HTTPS only',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_elb'],
  scope: 'resource',
  rationale: 'A Classic Load Balancer listener on HTTP or TCP accepts PHI in clear text from clients; only SSL and HTTPS listeners encrypt the client side of the connection.',
  remediation: 'Set every listener.lb_protocol of the aws_elb to "HTTPS" or "SSL" with an ACM certificate, or migrate to an ALB.',
  anchors: { cdkNag: ['HIPAA.Security-ELBTlsHttpsListenersOnly'], awsConfig: ['elb-tls-https-listeners-only'] },
  check(elb) {
    const listeners = blocks(elb, 'listener');
    if (!listeners.length) return unknown('no listener block is known before apply', ev('listener', attr(elb, 'listener')));
    const verdicts: Verdict[] = listeners.map((l, i) => {
      const a = attr(l as never, 'lb_protocol');
      const where = `listener[${i}].lb_protocol`;
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(where), ev(where, a));
      const v = (str(a) ?? '').toUpperCase();
      return v === 'HTTPS' || v === 'SSL' ? pass(`${where} is ${v}`, ev(where, a)) : fail(`${where} is ${str(a) ?? '(not set)'}, not HTTPS or SSL`, ev(where, a));
    });
    return combine(verdicts, 'every listener is HTTPS or SSL');
  },
  examples: {
    pass: [{ description: 'passes with an HTTPS listener', resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 8443, instance_protocol: 'https', ssl_certificate_id: 'arn:aws:acm:us-east-1:111122223333:certificate/x' }] } } }],
    fail: [
      { description: 'fails when a listener is HTTP', resources: { 'aws_elb.e': { listener: [{ lb_port: 80, lb_protocol: 'http', instance_port: 80, instance_protocol: 'http' }] } } },
      {
        description: 'fails when one of two listeners is TCP',
        resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'ssl', instance_port: 443, instance_protocol: 'ssl', ssl_certificate_id: 'arn:c' }, { lb_port: 5432, lb_protocol: 'tcp', instance_port: 5432, instance_protocol: 'tcp' }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when lb_protocol is known only after apply',
        resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https' }] } },
        unknown: { 'aws_elb.e': ['listener.lb_protocol'] },
      },
    ],
  },
};
