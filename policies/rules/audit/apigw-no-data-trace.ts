import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const apigwNoDataTrace: ResourceRule = {
  id: 'AUD-10c',
  control: 'AUD-10',
  title: 'API Gateway method settings keep full request/response data tracing off',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_api_gateway_method_settings'],
  scope: 'resource',
  rationale: 'data_trace_enabled writes full request and response bodies to CloudWatch Logs. For a PHI API that copies patient records into logs readable by far more people than the data store, outside its access controls.',
  remediation: 'Set settings.data_trace_enabled = false (the default) on the aws_api_gateway_method_settings; use logging_level ERROR or INFO for diagnostics.',
  anchors: { checkov: ['CKV_AWS_276'] },
  check(m) {
    return expectBool(m, 'settings.data_trace_enabled', false, false, 'full request and response bodies (PHI) are written to logs');
  },
  examples: {
    pass: [{ description: 'passes when data_trace_enabled is not set (provider default false)', resources: { 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: 'prod', method_path: '*/*', settings: [{ logging_level: 'ERROR' }] } } }],
    fail: [{ description: 'fails when data_trace_enabled is true', resources: { 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: 'prod', method_path: '*/*', settings: [{ logging_level: 'INFO', data_trace_enabled: true }] } } }],
    unknown: [{ description: 'is unknown when data_trace_enabled is known only after apply', resources: { 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: 'prod', method_path: '*/*', settings: [{ data_trace_enabled: false }] } }, unknown: { 'aws_api_gateway_method_settings.m': ['settings.data_trace_enabled'] } }],
  },
};
