import { isTrue, simpleRule } from '../simple';

export const albAccessLogs = simpleRule({
  id: 'AUD-09a',
  control: 'AUD-09',
  title: "Application and network load balancers write access logs",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'medium',
  rationale: "Load balancer access logs record every request reaching PHI applications (client, path, status) for investigations.",
  remediation: "Set access_logs { enabled = true, bucket = <log bucket> } on the aws_lb.",
  anchors: {"cdkNag": ["HIPAA.Security-ELBLoggingEnabled"], "awsConfig": ["elb-logging-enabled"], "checkov": ["CKV_AWS_91"]},
  type: 'aws_lb',
  base: {"name": "app", "load_balancer_type": "application"},
  path: 'access_logs.enabled',
  ok: isTrue,
  providerDefault: false,
  want: "requests are not logged",
  good: true,
  bad: false,
});
