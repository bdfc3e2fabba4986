import type { GraphRule, Verdict } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { routeFor } from './_shared';

export const findingsRouted: GraphRule = {
  id: 'IR-02',
  control: 'IR-02',
  title: 'GuardDuty and Security Hub findings are routed to responders',
  strategy: 8,
  citations: ['164.308(a)(6)(ii)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target', 'aws_sns_topic', 'aws_sns_topic_subscription', 'aws_guardduty_detector', 'aws_securityhub_account'],
  scope: 'account',
  rationale:
    '164.308(a)(6)(ii) requires identifying and responding to suspected incidents. A finding nobody is told about is not responded to: each detector needs an EventBridge rule whose target reaches a person or a response system.',
  remediation:
    'Add an aws_cloudwatch_event_rule with event_pattern source "aws.guardduty" (and "aws.securityhub" when Security Hub is enabled), an aws_cloudwatch_event_target to a KMS-encrypted aws_sns_topic, and at least one aws_sns_topic_subscription — the phikit IncidentResponse construct wires all of it.',
  construct: 'IncidentResponse',
  anchors: { checkov: ['CKV_AWS_252'] },
  check(ctx) {
    const sources = ['aws.guardduty'];
    if (ctx.graph.ofType('aws_securityhub_account').length) sources.push('aws.securityhub');
    return sources.map((source): Verdict => {
      // Located at the EventBridge rule that routes (or fails to route) the findings, else at the
      // resource that produces them, when the inputs declare one.
      const producer = ctx.graph.ofType(source === 'aws.guardduty' ? 'aws_guardduty_detector' : 'aws_securityhub_account')[0];
      const r = routeFor(ctx.graph, source);
      const at = r.rule ?? producer;
      if (r.state === 'routed') return pass(`${source} findings: ${r.via}`, undefined, at);
      if (r.state === 'unknown') return unknown(`${source} routing cannot be verified: ${r.why}`, undefined, at);
      return fail(`${source} findings reach nobody: ${r.why}`, { attribute: 'aws_cloudwatch_event_rule.event_pattern', value: `(no rule for ${source})` }, at);
    });
  },
  examples: {
    pass: [
      {
        description: 'passes when GuardDuty findings go to an SNS topic with a subscription',
        resources: {
          'aws_cloudwatch_event_rule.gd': { name: 'guardduty-findings', event_pattern: '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}' },
          'aws_sns_topic.ir': { name: 'security-incidents', kms_master_key_id: 'alias/phi-incidents' },
          'aws_cloudwatch_event_target.t': { rule: '${aws_cloudwatch_event_rule.gd.name}', arn: '${aws_sns_topic.ir.arn}' },
          'aws_sns_topic_subscription.oncall': { topic_arn: '${aws_sns_topic.ir.arn}', protocol: 'email', endpoint: 'secops@example.org' },
        },
      },
    ],
    fail: [
      { description: 'fails when no EventBridge rule matches aws.guardduty', resources: { 'aws_guardduty_detector.d': { enable: true } } },
      {
        description: 'fails when the topic has no subscription',
        resources: {
          'aws_cloudwatch_event_rule.gd': { name: 'guardduty-findings', event_pattern: '{"source":["aws.guardduty"]}' },
          'aws_sns_topic.ir': { name: 'security-incidents' },
          'aws_cloudwatch_event_target.t': { rule: '${aws_cloudwatch_event_rule.gd.name}', arn: '${aws_sns_topic.ir.arn}' },
        },
      },
      {
        description: 'fails when Security Hub is enabled but its findings are not routed',
        resources: {
          'aws_securityhub_account.h': {},
          'aws_cloudwatch_event_rule.gd': { name: 'guardduty-findings', event_pattern: '{"source":["aws.guardduty"]}' },
          'aws_sns_topic.ir': { name: 'security-incidents' },
          'aws_cloudwatch_event_target.t': { rule: '${aws_cloudwatch_event_rule.gd.name}', arn: '${aws_sns_topic.ir.arn}' },
          'aws_sns_topic_subscription.oncall': { topic_arn: '${aws_sns_topic.ir.arn}', protocol: 'email', endpoint: 'secops@example.org' },
        },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the only event pattern is known only after apply',
        resources: { 'aws_cloudwatch_event_rule.gd': { name: 'findings', event_pattern: '{"source":["aws.guardduty"]}' } },
        unknown: { 'aws_cloudwatch_event_rule.gd': ['event_pattern'] },
      },
    ],
  },
};
