import type { ResourceRule } from '../../engine/types';
import { expectSet } from '../helpers';

export const apigwAccessLogs: ResourceRule = {
  id: 'AUD-10d',
  control: 'AUD-10',
  title: 'API Gateway REST and HTTP/WebSocket stages write access logs',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
  scope: 'resource',
  rationale: 'Access logs record caller identity, source IP, route and status for every request to a PHI API; without access_log_settings no such record exists.',
  remediation: 'Set access_log_settings { destination_arn = <log group ARN>, format = <JSON format> } on the stage (a HipaaLogGroup as destination).',
  construct: 'HipaaLogGroup',
  anchors: { checkov: ['CKV_AWS_76'] },
  check(stage) {
    return expectSet(stage, 'access_log_settings.destination_arn', 'requests are not access-logged');
  },
  examples: {
    pass: [
      { description: 'passes when a REST stage has access_log_settings', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd', access_log_settings: [{ destination_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:api', format: '{}' }] } } },
      { description: 'passes when an HTTP API stage has access_log_settings', resources: { 'aws_apigatewayv2_stage.s': { name: '$default', api_id: 'abc', access_log_settings: [{ destination_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:api', format: '{}' }] } } },
    ],
    fail: [
      { description: 'fails when a REST stage has no access_log_settings', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' } } },
      { description: 'fails when an HTTP API stage has no access_log_settings', resources: { 'aws_apigatewayv2_stage.s': { name: '$default', api_id: 'abc' } } },
    ],
  },
};
