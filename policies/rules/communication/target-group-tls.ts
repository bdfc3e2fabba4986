import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const targetGroupTls: ResourceRule = {
  id: 'COM-04',
  control: 'COM-04',
  title: 'Load balancer target groups use HTTPS or TLS to the targets',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_lb_target_group', 'aws_alb_target_group'],
  scope: 'resource',
  rationale: 'TLS terminated at the load balancer leaves the hop to the targets in clear text inside the VPC. End-to-end encryption of PHI requires the target group to speak HTTPS or TLS as well.',
  remediation: 'Set protocol = "HTTPS" (ALB) or "TLS" (NLB) on the aws_lb_target_group and serve TLS on the targets.',
  anchors: { checkov: ['CKV_AWS_378'] },
  check(tg) {
    const tt = str(attr(tg, 'target_type'));
    if (tt === 'lambda') return notApplicable('Lambda targets are invoked over the AWS API');
    if (tt === 'alb') return notApplicable('ALB targets: the ALB listener is judged by COM-01/COM-02');
    const p = attr(tg, 'protocol');
    if (p.state === 'unknown' || p.state === 'sensitive') return unknown(unknownMessage('protocol'), ev('protocol', p));
    const v = str(p);
    if (v === 'GENEVE') return notApplicable('GENEVE: gateway load balancer pass-through');
    return v === 'HTTPS' || v === 'TLS' ? pass(`protocol is ${v}`, ev('protocol', p)) : fail(`protocol is ${v ?? '(not set)'}; traffic to the targets is not encrypted`, ev('protocol', p));
  },
  examples: {
    pass: [{ description: 'passes with protocol HTTPS', resources: { 'aws_lb_target_group.t': { name: 'app', port: 8443, protocol: 'HTTPS', vpc_id: 'vpc-1' } } }],
    fail: [{ description: 'fails with protocol HTTP', resources: { 'aws_lb_target_group.t': { name: 'app', port: 8080, protocol: 'HTTP', vpc_id: 'vpc-1' } } }],
    unknown: [{ description: 'is unknown when protocol is known only after apply', resources: { 'aws_lb_target_group.t': { name: 'app', port: 8443, protocol: 'HTTPS', vpc_id: 'vpc-1' } }, unknown: { 'aws_lb_target_group.t': ['protocol'] } }],
  },
};
