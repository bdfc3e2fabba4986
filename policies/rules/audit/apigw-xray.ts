import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const apigwXray: ResourceRule = {
  id: 'AUD-10b',
  control: 'AUD-10',
  title: 'API Gateway REST stages have X-Ray tracing enabled',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_api_gateway_stage'],
  scope: 'resource',
  rationale: 'X-Ray traces follow a request through API Gateway, Lambda and the data stores, which is how an investigator reconstructs which backend calls a suspicious PHI request made.',
  remediation: 'Set xray_tracing_enabled = true on the aws_api_gateway_stage.',
  anchors: { cdkNag: ['HIPAA.Security-APIGWXrayEnabled'], awsConfig: ['api-gw-xray-enabled'], checkov: ['CKV_AWS_73'] },
  check(stage) {
    return expectBool(stage, 'xray_tracing_enabled', true, false, 'requests are not traced');
  },
  examples: {
    pass: [{ description: 'passes with xray_tracing_enabled = true', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd', xray_tracing_enabled: true } } }],
    fail: [{ description: 'fails when xray_tracing_enabled is not set (provider default false)', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' } } }],
    unknown: [{ description: 'is unknown when xray_tracing_enabled is known only after apply', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd', xray_tracing_enabled: true } }, unknown: { 'aws_api_gateway_stage.s': ['xray_tracing_enabled'] } }],
  },
};
