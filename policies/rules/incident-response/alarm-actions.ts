import { attr, list } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

export const alarmActions: ResourceRule = {
  id: 'IR-03',
  control: 'IR-03',
  title: 'CloudWatch alarms notify someone when they fire',
  strategy: 8,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_cloudwatch_metric_alarm'],
  scope: 'resource',
  rationale:
    'An alarm without actions changes state silently. Audit controls (164.312(b)) are only useful when someone examines the activity they flag, so every alarm needs actions enabled and an ALARM action.',
  remediation: 'Set actions_enabled = true (the default) and alarm_actions to an SNS topic ARN; the phikit IncidentResponse construct creates alarms wired to its incident topic.',
  construct: 'IncidentResponse',
  anchors: { cdkNag: ['HIPAA.Security-CloudWatchAlarmAction'], awsConfig: ['cloudwatch-alarm-action-check'], checkov: ['CKV_AWS_319'] },
  check(alarm) {
    const enabled = attr(alarm, 'actions_enabled');
    if (enabled.state === 'unknown') return unknown(unknownMessage('actions_enabled'), ev('actions_enabled', enabled));
    if (enabled.state === 'known' && (enabled.value === false || enabled.value === 'false')) return fail('actions_enabled is false; the alarm never notifies', ev('actions_enabled', enabled));
    const actions = attr(alarm, 'alarm_actions');
    if (actions.state === 'unknown') {
      // A list built from references (an SNS topic ARN) is set; a bare unknown is not verifiable.
      return actions.value.refs.length ? pass(`alarm_actions refers to ${actions.value.refs[0]}`, ev('alarm_actions', actions)) : unknown(unknownMessage('alarm_actions'), ev('alarm_actions', actions));
    }
    const l = list(actions);
    if (!l || !l.length) return fail('alarm_actions is empty; nobody is told when the alarm fires', ev('alarm_actions', actions));
    return pass(`${l.length} alarm action(s), actions enabled`, ev('alarm_actions', actions));
  },
  examples: {
    pass: [
      {
        description: 'passes with an SNS alarm action',
        resources: {
          'aws_sns_topic.t': { name: 'alerts' },
          'aws_cloudwatch_metric_alarm.a': { alarm_name: 'root-use', comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: 'RootUse', namespace: 'Security', period: 300, statistic: 'Sum', threshold: 1, alarm_actions: ['${aws_sns_topic.t.arn}'] },
        },
        target: 'aws_cloudwatch_metric_alarm.a',
      },
    ],
    fail: [
      {
        description: 'fails when alarm_actions is empty',
        resources: { 'aws_cloudwatch_metric_alarm.a': { alarm_name: 'root-use', comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: 'RootUse', namespace: 'Security', period: 300, statistic: 'Sum', threshold: 1 } },
      },
      {
        description: 'fails when actions_enabled is false',
        resources: {
          'aws_cloudwatch_metric_alarm.a': { alarm_name: 'root-use', comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: 'RootUse', threshold: 1, actions_enabled: false, alarm_actions: ['arn:aws:sns:us-east-1:111122223333:alerts'] },
        },
      },
    ],
    unknown: [
      {
        description: 'is unknown when actions_enabled is known only after apply',
        resources: { 'aws_cloudwatch_metric_alarm.a': { alarm_name: 'x', comparison_operator: 'GreaterThanThreshold', evaluation_periods: 1, threshold: 1, actions_enabled: true, alarm_actions: ['arn:aws:sns:us-east-1:111122223333:alerts'] } },
        unknown: { 'aws_cloudwatch_metric_alarm.a': ['actions_enabled'] },
      },
    ],
  },
};
