import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const ec2DetailedMonitoring: ResourceRule = {
  id: 'AUD-16a',
  control: 'AUD-16',
  title: 'EC2 instances have detailed monitoring enabled',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'One-minute metrics let alarms catch resource exhaustion or abuse (crypto-mining, exfiltration bursts) on hosts processing PHI; basic monitoring reports only every five minutes.',
  remediation: 'Set monitoring = true on the aws_instance.',
  anchors: { cdkNag: ['HIPAA.Security-EC2InstanceDetailedMonitoringEnabled'], awsConfig: ['ec2-instance-detailed-monitoring-enabled'], checkov: ['CKV_AWS_126'] },
  check(i) {
    return expectBool(i, 'monitoring', true, false, 'only 5-minute basic monitoring is collected');
  },
  examples: {
    pass: [{ description: 'passes with monitoring = true', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', monitoring: true } } }],
    fail: [{ description: 'fails when monitoring is not set (provider default false)', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' } } }],
    unknown: [{ description: 'is unknown when monitoring is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', monitoring: true } }, unknown: { 'aws_instance.i': ['monitoring'] } }],
  },
};
