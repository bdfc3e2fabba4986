import { isTrue, simpleRule } from '../simple';

export const ec2DetailedMonitoring = simpleRule({
  id: 'AUD-16a',
  control: 'AUD-16',
  title: "EC2 instances have detailed (1-minute) monitoring",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'low',
  rationale: "One-minute metrics let alarms catch unusual activity on hosts that process PHI quickly.",
  remediation: "Set monitoring = true on the aws_instance.",
  anchors: {"cdkNag": ["HIPAA.Security-EC2InstanceDetailedMonitoringEnabled"], "awsConfig": ["ec2-instance-detailed-monitoring-enabled"], "checkov": ["CKV_AWS_126"]},
  type: 'aws_instance',
  base: {"ami": "ami-12345678", "instance_type": "t3.micro"},
  path: 'monitoring',
  ok: isTrue,
  providerDefault: false,
  want: "only 5-minute metrics are collected",
  good: true,
  bad: false,
});
