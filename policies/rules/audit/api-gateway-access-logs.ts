import { isNonEmpty, simpleRule } from '../simple';

export const apiGatewayAccessLogs = simpleRule({
  id: 'AUD-10a',
  control: 'AUD-10',
  title: "API Gateway REST stages write access logs",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'medium',
  rationale: "Access logs of API stages show which caller invoked which PHI API and when.",
  remediation: "Set access_log_settings { destination_arn = <log group arn>, format = ... } on the aws_api_gateway_stage.",
  anchors: {"cdkNag": ["HIPAA.Security-APIGWExecutionLoggingEnabled"], "awsConfig": ["api-gw-execution-logging-enabled"], "checkov": ["CKV_AWS_76"]},
  type: 'aws_api_gateway_stage',
  base: {"stage_name": "prod", "rest_api_id": "abc", "deployment_id": "d1"},
  path: 'access_log_settings.destination_arn',
  ok: isNonEmpty,
  want: "the stage writes no access log",
  good: "${aws_cloudwatch_log_group.api.arn}",
  bad: "",
  referenceIsSet: true,
});
