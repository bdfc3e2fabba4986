import { isNonEmpty, simpleRule } from '../simple';

export const apiGatewayClientCertificate = simpleRule({
  id: 'COM-07',
  control: 'COM-07',
  title: "API Gateway REST stages present a client certificate to backends",
  strategy: 5,
  citations: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  severity: 'low',
  rationale: "A client certificate lets backends verify that PHI requests come from API Gateway, not from someone bypassing it.",
  remediation: "Set client_certificate_id on the aws_api_gateway_stage (aws_api_gateway_client_certificate).",
  anchors: {"cdkNag": ["HIPAA.Security-APIGWSSLEnabled"], "awsConfig": ["api-gw-ssl-enabled"], "checkov": ["CKV2_AWS_51"]},
  type: 'aws_api_gateway_stage',
  base: {"stage_name": "prod", "rest_api_id": "abc", "deployment_id": "d1"},
  path: 'client_certificate_id',
  ok: isNonEmpty,
  want: "backends cannot authenticate API Gateway",
  good: "${aws_api_gateway_client_certificate.c.id}",
  bad: "",
  referenceIsSet: true,
});
