import type { ResourceRule } from '../../engine/types';
import { expectSet, fail, noneJoined } from '../helpers';

export const wafv2Logging: ResourceRule = {
  id: 'AUD-12',
  control: 'AUD-12',
  title: 'WAFv2 web ACLs have a logging configuration',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_wafv2_web_acl'],
  scope: 'resource',
  rationale: 'WAF logs record which requests to PHI applications were blocked and why; without them an attack that WAF stopped (or missed) leaves no trace to review.',
  remediation: 'Declare an aws_wafv2_web_acl_logging_configuration with resource_arn = the web ACL ARN and a log destination (a log group named aws-waf-logs-*).',
  construct: 'HipaaLogGroup',
  anchors: { cdkNag: ['HIPAA.Security-WAFv2LoggingEnabled'], awsConfig: ['wafv2-logging-enabled'], checkov: ['CKV2_AWS_31'] },
  check(acl, ctx) {
    const cfgs = ctx.graph.related(acl, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn');
    if (!cfgs.length) return noneJoined(ctx, acl, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn', fail('no aws_wafv2_web_acl_logging_configuration refers to this web ACL', { attribute: 'aws_wafv2_web_acl_logging_configuration.resource_arn', value: '(none)' }));
    return expectSet(cfgs[0], 'log_destination_configs', 'the logging configuration has no destination');
  },
  examples: {
    pass: [
      {
        description: 'passes with a logging configuration referring to the web ACL',
        resources: {
          'aws_wafv2_web_acl.w': { name: 'app', scope: 'REGIONAL' },
          'aws_wafv2_web_acl_logging_configuration.l': { resource_arn: '${aws_wafv2_web_acl.w.arn}', log_destination_configs: ['arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-app'] },
        },
        target: 'aws_wafv2_web_acl.w',
      },
    ],
    fail: [{ description: 'fails when no logging configuration refers to the web ACL', resources: { 'aws_wafv2_web_acl.w': { name: 'app', scope: 'REGIONAL' } } }],
  },
};
