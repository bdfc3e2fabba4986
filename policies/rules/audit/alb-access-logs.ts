import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { combine, ev, expectBool, expectSet, notApplicable, unknown, unknownMessage } from '../helpers';

export const albAccessLogs: ResourceRule = {
  id: 'AUD-09a',
  control: 'AUD-09',
  title: 'Application and Network Load Balancers write access logs to S3',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lb', 'aws_alb'],
  scope: 'resource',
  rationale: 'Load balancer access logs record every request (client IP, path, status, TLS protocol) reaching PHI applications; they are off unless access_logs is enabled with a bucket.',
  remediation: 'Add access_logs { bucket = <log bucket>, enabled = true } to the aws_lb (a HipaaBucket log bucket with the ELB delivery policy).',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-ELBLoggingEnabled'], awsConfig: ['elb-logging-enabled'], checkov: ['CKV_AWS_91'] },
  check(lb) {
    const t = attr(lb, 'load_balancer_type');
    if (t.state === 'unknown') return unknown(unknownMessage('load_balancer_type'), ev('load_balancer_type', t));
    if (str(t) === 'gateway') return notApplicable('Gateway Load Balancers have no access logs');
    return combine(
      [expectBool(lb, 'access_logs.enabled', true, false, 'requests are not logged'), expectSet(lb, 'access_logs.bucket', 'access logs have no destination')],
      'access logs are delivered to S3',
    );
  },
  examples: {
    pass: [{ description: 'passes with access_logs enabled and a bucket', resources: { 'aws_lb.a': { name: 'app', access_logs: [{ bucket: 'lb-logs', enabled: true }] } } }],
    fail: [
      { description: 'fails when access_logs is not configured', resources: { 'aws_lb.a': { name: 'app' } } },
      { description: 'fails when access_logs.enabled is false', resources: { 'aws_lb.a': { name: 'app', access_logs: [{ bucket: 'lb-logs', enabled: false }] } } },
    ],
    unknown: [{ description: 'is unknown when access_logs.enabled is known only after apply', resources: { 'aws_lb.a': { name: 'app', access_logs: [{ bucket: 'lb-logs', enabled: true }] } }, unknown: { 'aws_lb.a': ['access_logs.enabled'] } }],
  },
};
