import { isTrue, simpleRule } from '../simple';

export const apiGatewayXray = simpleRule({
  id: 'AUD-10b',
  control: 'AUD-10',
  title: "API Gateway REST stages have X-Ray tracing on",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'low',
  rationale: "Tracing shows which downstream services a request touched, which helps reconstruct how PHI moved during an incident.",
  remediation: "Set xray_tracing_enabled = true on the aws_api_gateway_stage.",
  anchors: {"cdkNag": ["HIPAA.Security-APIGWXrayEnabled"], "awsConfig": ["api-gw-xray-enabled"], "checkov": ["CKV_AWS_73"]},
  type: 'aws_api_gateway_stage',
  base: {"stage_name": "prod", "rest_api_id": "abc", "deployment_id": "d1"},
  path: 'xray_tracing_enabled',
  ok: isTrue,
  providerDefault: false,
  want: "requests are not traced",
  good: true,
  bad: false,
});
