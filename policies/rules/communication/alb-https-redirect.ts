import { attr, blocks, str, undecided } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const albHttpsRedirect: ResourceRule = {
  id: 'COM-01a',
  control: 'COM-01',
  title: 'Load balancer listeners use HTTPS/TLS; an HTTP listener only redirects to HTTPS',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  scope: 'resource',
  rationale:
    'An HTTP listener that forwards to targets carries PHI (and session tokens) in clear text across the internet. HTTP is acceptable only as a 301 redirect to HTTPS, which carries no payload.',
  remediation: 'Use protocol = "HTTPS" with a certificate, or make the HTTP listener\'s default_action a redirect with protocol = "HTTPS" and status_code = "HTTP_301".',
  anchors: {
    cdkNag: ['HIPAA.Security-ALBHttpToHttpsRedirection'],
    awsConfig: ['alb-http-to-https-redirection-check'],
    checkov: ['CKV_AWS_2', 'CKV2_AWS_20'],
  },
  check(l) {
    const p = attr(l, 'protocol');
    if (p.state === 'unknown' || p.state === 'sensitive') return unknown(unknownMessage('protocol'), ev('protocol', p));
    // The provider computes the protocol: HTTP for an ALB listener when not set.
    const proto = (str(p) ?? 'HTTP').toUpperCase();
    if (proto === 'HTTPS' || proto === 'TLS') return pass(`protocol is ${proto}`, ev('protocol', p));
    if (proto !== 'HTTP') return notApplicable(`protocol ${proto} is a layer-4 pass-through; TLS is judged at the targets (COM-04)`);
    const actions = blocks(l, 'default_action');
    if (!actions.length) return fail('protocol is HTTP and there is no default_action', ev('protocol', p));
    for (const a of actions) {
      if (!('type' in (a as object))) return unknown(unknownMessage('default_action'), evv('default_action', '(known after apply)'));
      const typeAttr = attr(a as never, 'type');
      if (undecided(typeAttr)) return unknown(unknownMessage('default_action.type'), ev('default_action.type', typeAttr));
      const type = str(typeAttr);
      if (type !== 'redirect') return fail(`protocol is HTTP and default_action.type is ${type ?? '(not set)'}, not a redirect to HTTPS`, evv('default_action.type', type ?? null));
      const rp = attr(a as never, 'redirect.protocol');
      if (rp.state === 'unknown' || rp.state === 'sensitive') return unknown(unknownMessage('default_action.redirect.protocol'), ev('default_action.redirect.protocol', rp));
      if (str(rp)?.toUpperCase() !== 'HTTPS') return fail(`protocol is HTTP and default_action.redirect.protocol is ${str(rp) ?? '#{protocol} (not set)'}, not HTTPS`, ev('default_action.redirect.protocol', rp));
    }
    return pass('the HTTP listener only redirects to HTTPS', ev('protocol', p));
  },
  examples: {
    pass: [
      { description: 'passes with an HTTPS listener', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/x', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
      { description: 'passes with an HTTP listener that redirects to HTTPS', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }] } } },
    ],
    fail: [
      { description: 'fails when an HTTP listener forwards to targets', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 80, protocol: 'HTTP', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
      { description: 'fails when protocol is not set (HTTP) and the action forwards', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 80, default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when protocol is known only after apply',
        resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } },
        unknown: { 'aws_lb_listener.l': ['protocol'] },
      },
    ],
  },
};
