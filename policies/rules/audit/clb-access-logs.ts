import type { ResourceRule } from '../../engine/types';
import { combine, expectBool, expectSet } from '../helpers';

export const clbAccessLogs: ResourceRule = {
  id: 'AUD-09b',
  control: 'AUD-09',
  title: 'Classic Load Balancers write access logs to S3',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_elb'],
  scope: 'resource',
  rationale: 'Classic Load Balancer access logs are the only record of which clients reached the instances behind it; they are off unless an access_logs block names a bucket.',
  remediation: 'Add access_logs { bucket = <log bucket>, enabled = true } to the aws_elb, or migrate to an ALB.',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-ELBLoggingEnabled'], awsConfig: ['elb-logging-enabled'], checkov: ['CKV_AWS_92'] },
  check(elb) {
    // In an access_logs block `enabled` defaults to true.
    return combine([expectSet(elb, 'access_logs.bucket', 'access logs are off'), expectBool(elb, 'access_logs.enabled', true, true, 'access logs are off')], 'access logs are delivered to S3');
  },
  examples: {
    pass: [{ description: 'passes with an access_logs block naming a bucket', resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https' }], access_logs: [{ bucket: 'elb-logs', interval: 60 }] } } }],
    fail: [
      { description: 'fails when there is no access_logs block', resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https' }] } } },
      { description: 'fails when access_logs.enabled is false', resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https' }], access_logs: [{ bucket: 'elb-logs', enabled: false }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when access_logs.enabled is known only after apply',
        resources: { 'aws_elb.e': { listener: [{ lb_port: 443, lb_protocol: 'https', instance_port: 443, instance_protocol: 'https' }], access_logs: [{ bucket: 'elb-logs', enabled: true }] } },
        unknown: { 'aws_elb.e': ['access_logs.enabled'] },
      },
    ],
  },
};
