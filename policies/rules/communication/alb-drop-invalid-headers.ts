import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { combine, ev, expectBool, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const albDropInvalidHeaders: ResourceRule = {
  id: 'COM-01c',
  control: 'COM-01',
  title: 'Application Load Balancers drop invalid header fields and use defensive desync mitigation',
  strategy: 5,
  citations: TLS,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lb', 'aws_alb'],
  scope: 'resource',
  rationale:
    'Malformed headers and ambiguous requests enable HTTP request smuggling, which lets an attacker ride another user\'s authenticated PHI session. Dropping invalid headers (off by default) and keeping desync mitigation at defensive or strictest closes that path.',
  remediation: 'Set drop_invalid_header_fields = true and leave desync_mitigation_mode at "defensive" (or "strictest") on the aws_lb.',
  anchors: {
    cdkNag: ['HIPAA.Security-ALBHttpDropInvalidHeaderEnabled'],
    awsConfig: ['alb-http-drop-invalid-header-enabled'],
    checkov: ['CKV_AWS_131', 'CKV_AWS_328'],
  },
  check(lb) {
    const t = attr(lb, 'load_balancer_type');
    if (t.state === 'unknown') return unknown(unknownMessage('load_balancer_type'), ev('load_balancer_type', t));
    const type = str(t) ?? 'application';
    if (type !== 'application') return notApplicable(`load_balancer_type is ${type}; header handling applies to ALBs`);
    const drop = expectBool(lb, 'drop_invalid_header_fields', true, false, 'malformed headers reach the targets');
    const d = attr(lb, 'desync_mitigation_mode');
    const mode = str(d) ?? 'defensive';
    const desync =
      d.state === 'unknown' || d.state === 'sensitive'
        ? unknown(unknownMessage('desync_mitigation_mode'), ev('desync_mitigation_mode', d))
        : mode === 'monitor'
          ? fail('desync_mitigation_mode is monitor; ambiguous requests are forwarded', ev('desync_mitigation_mode', d))
          : pass(`desync_mitigation_mode is ${mode}`, ev('desync_mitigation_mode', d));
    return combine([drop, desync], 'invalid headers are dropped and desync mitigation is defensive or strictest');
  },
  examples: {
    pass: [{ description: 'passes with drop_invalid_header_fields = true', resources: { 'aws_lb.a': { name: 'app', drop_invalid_header_fields: true } } }],
    fail: [
      { description: 'fails when drop_invalid_header_fields is not set (provider default false)', resources: { 'aws_lb.a': { name: 'app' } } },
      { description: 'fails when desync_mitigation_mode is monitor', resources: { 'aws_lb.a': { name: 'app', drop_invalid_header_fields: true, desync_mitigation_mode: 'monitor' } } },
    ],
    unknown: [
      {
        description: 'is unknown when drop_invalid_header_fields is known only after apply',
        resources: { 'aws_lb.a': { name: 'app', drop_invalid_header_fields: true } },
        unknown: { 'aws_lb.a': ['drop_invalid_header_fields'] },
      },
    ],
  },
};
