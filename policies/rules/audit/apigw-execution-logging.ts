import { attr, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { ev, fail, noneJoined, pass, unknown, unknownMessage } from '../helpers';

export const apigwExecutionLogging: ResourceRule = {
  id: 'AUD-10a',
  control: 'AUD-10',
  title: 'API Gateway REST stages have execution logging (ERROR or INFO) for all methods',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_api_gateway_stage'],
  scope: 'resource',
  rationale: 'Execution logs record authorizer decisions, integration errors and throttling for every request to a PHI API; they are off unless method settings set a logging level.',
  remediation: 'Declare aws_api_gateway_method_settings for the stage with method_path = "*/*" and settings { logging_level = "ERROR" (or "INFO"), data_trace_enabled = false }.',
  anchors: { cdkNag: ['HIPAA.Security-APIGWExecutionLoggingEnabled'], awsConfig: ['api-gw-execution-logging-enabled'], checkov: ['CKV2_AWS_4'] },
  check(stage, ctx) {
    const settings = ctx.graph.related(stage, 'aws_api_gateway_method_settings', 'stage_name');
    if (!settings.length) return noneJoined(ctx, stage, 'aws_api_gateway_method_settings', 'stage_name', fail('no aws_api_gateway_method_settings refers to this stage; execution logging is OFF', { attribute: 'settings.logging_level', value: '(not set)' }));
    const verdicts: Verdict[] = settings.map((m) => {
      const a = attr(m, 'settings.logging_level');
      const where = `${m.address}.settings.logging_level`;
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(where), ev(where, a));
      const v = str(a);
      return v === 'ERROR' || v === 'INFO' ? pass(`${where} is ${v}`, ev(where, a)) : fail(`${where} is ${v ?? 'not set (OFF)'}`, ev(where, a));
    });
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
  },
  examples: {
    pass: [
      {
        description: 'passes when method settings (by reference) set logging_level ERROR',
        resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' }, 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: '${aws_api_gateway_stage.s.stage_name}', method_path: '*/*', settings: [{ logging_level: 'ERROR' }] } },
        target: 'aws_api_gateway_stage.s',
      },
    ],
    fail: [
      { description: 'fails when no method settings refer to the stage', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' } } },
      {
        description: 'fails when logging_level is OFF',
        resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' }, 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: '${aws_api_gateway_stage.s.stage_name}', method_path: '*/*', settings: [{ logging_level: 'OFF' }] } },
        target: 'aws_api_gateway_stage.s',
      },
    ],
    unknown: [
      {
        description: 'is unknown when logging_level is known only after apply',
        resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' }, 'aws_api_gateway_method_settings.m': { rest_api_id: 'abc', stage_name: '${aws_api_gateway_stage.s.stage_name}', method_path: '*/*', settings: [{ logging_level: 'ERROR' }] } },
        unknown: { 'aws_api_gateway_method_settings.m': ['settings.logging_level'] },
        target: 'aws_api_gateway_stage.s',
      },
    ],
  },
};
