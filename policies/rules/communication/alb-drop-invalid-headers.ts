import { isTrue, simpleRule } from '../simple';

export const albDropInvalidHeaders = simpleRule({
  id: 'COM-01c',
  control: 'COM-01',
  title: "Application load balancers drop invalid HTTP headers",
  strategy: 5,
  citations: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  severity: 'low',
  rationale: "Dropping malformed headers blocks request-smuggling tricks against applications that serve PHI.",
  remediation: "Set drop_invalid_header_fields = true on the aws_lb.",
  anchors: {"cdkNag": ["HIPAA.Security-ALBHttpDropInvalidHeaderEnabled"], "awsConfig": ["alb-http-drop-invalid-header-enabled"], "checkov": ["CKV_AWS_131"]},
  type: 'aws_lb',
  base: {"name": "app", "load_balancer_type": "application"},
  path: 'drop_invalid_header_fields',
  ok: isTrue,
  providerDefault: false,
  want: "malformed headers reach the application",
  good: true,
  bad: false,
});
