import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';

export const albHttpsRedirect: ResourceRule = {
  id: 'COM-01a',
  control: 'COM-01',
  title: 'HTTP listeners only redirect to HTTPS',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_lb_listener'],
  scope: 'resource',
  rationale: 'A listener that forwards plain HTTP lets PHI cross the internet unencrypted; the only acceptable action on port 80 is a redirect to HTTPS.',
  remediation: 'Give HTTP listeners default_action { type = "redirect", redirect { protocol = "HTTPS", port = "443", status_code = "HTTP_301" } } and serve traffic on an HTTPS listener.',
  anchors: { cdkNag: ['HIPAA.Security-ALBHttpToHttpsRedirection'], awsConfig: ['alb-http-to-https-redirection-check'], checkov: ['CKV_AWS_2', 'CKV2_AWS_20'] },
  check(listener) {
    const proto = attr(listener, 'protocol');
    if (proto.state === 'unknown') return unknown('protocol is known only after apply');
    const p = str(proto) ?? 'HTTP';
    if (p !== 'HTTP') return notApplicable(`${p} listener`);
    const actions = blocks(listener, 'default_action');
    if (actions.some((a) => a instanceof Unknown)) return unknown('default_action is known only after apply');
    const redirects = actions.every((a) => str(attr(a as never, 'type')) === 'redirect' && str(attr(a as never, 'redirect.protocol')) === 'HTTPS');
    return actions.length && redirects ? pass('HTTP is redirected to HTTPS') : fail('an HTTP listener forwards traffic instead of redirecting to HTTPS', { attribute: 'default_action.type', value: actions.map((a) => str(attr(a as never, 'type')) ?? '?').join(', ') });
  },
  examples: {
    pass: [{ description: 'passes when HTTP redirects to HTTPS', resources: { 'aws_lb_listener.http': { load_balancer_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1', port: 80, protocol: 'HTTP', default_action: [{ type: 'redirect', redirect: [{ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }] }] } } }],
    fail: [{ description: 'fails when HTTP forwards to a target group', resources: { 'aws_lb_listener.http': { load_balancer_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1', port: 80, protocol: 'HTTP', default_action: [{ type: 'forward', target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/t/1' }] } } }],
    unknown: [{ description: 'is unknown when the protocol is known only after apply', resources: { 'aws_lb_listener.http': { load_balancer_arn: 'arn:x', port: 80, protocol: 'HTTP', default_action: [{ type: 'forward' }] } }, unknown: { 'aws_lb_listener.http': ['protocol'] } }],
  },
};
