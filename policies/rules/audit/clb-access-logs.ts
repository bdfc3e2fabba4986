import { isTrue, simpleRule } from '../simple';

export const clbAccessLogs = simpleRule({
  id: 'AUD-09b',
  control: 'AUD-09',
  title: "Classic load balancers write access logs",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'medium',
  rationale: "Classic load balancer access logs are the request record for applications behind them.",
  remediation: "Set access_logs { enabled = true, bucket = <log bucket> } on the aws_elb.",
  anchors: {"cdkNag": ["HIPAA.Security-ELBLoggingEnabled"], "awsConfig": ["elb-logging-enabled"], "checkov": ["CKV_AWS_92"]},
  type: 'aws_elb',
  base: {"name": "legacy", "listener": [{"instance_port": 443, "instance_protocol": "https", "lb_port": 443, "lb_protocol": "https"}]},
  path: 'access_logs.enabled',
  ok: isTrue,
  providerDefault: false,
  want: "requests are not logged",
  good: true,
  bad: false,
});
