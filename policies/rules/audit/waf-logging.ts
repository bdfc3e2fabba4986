import type { ResourceRule } from '../../engine/types';
import { fail, pass } from '../helpers';

export const wafLogging: ResourceRule = {
  id: 'AUD-12',
  control: 'AUD-12',
  title: 'WAFv2 web ACLs have a logging configuration',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  resourceTypes: ['aws_wafv2_web_acl'],
  scope: 'resource',
  rationale: 'WAF logs record which requests to PHI applications were blocked or allowed and why — the evidence for investigating an attack.',
  remediation: 'Add an aws_wafv2_web_acl_logging_configuration with resource_arn set to the web ACL and a log destination.',
  anchors: { cdkNag: ['HIPAA.Security-WAFv2LoggingEnabled'], awsConfig: ['wafv2-logging-enabled'], checkov: ['CKV2_AWS_31'] },
  check(acl, ctx) {
    const cfg = ctx.graph.related(acl, 'aws_wafv2_web_acl_logging_configuration', 'resource_arn');
    return cfg.length ? pass(`logged by ${cfg[0].address}`) : fail('no aws_wafv2_web_acl_logging_configuration refers to this web ACL', { attribute: 'aws_wafv2_web_acl_logging_configuration', value: '(none)' });
  },
  examples: {
    pass: [{ description: 'passes with a logging configuration', resources: { 'aws_wafv2_web_acl.w': { name: 'phi', scope: 'REGIONAL' }, 'aws_wafv2_web_acl_logging_configuration.l': { resource_arn: '${aws_wafv2_web_acl.w.arn}', log_destination_configs: ['arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-phi'] } }, target: 'aws_wafv2_web_acl.w' }],
    fail: [{ description: 'fails without a logging configuration', resources: { 'aws_wafv2_web_acl.w': { name: 'phi', scope: 'REGIONAL' } }, target: 'aws_wafv2_web_acl.w' }],
  },
};
