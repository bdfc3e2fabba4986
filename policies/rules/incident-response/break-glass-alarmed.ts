import { attr, str } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { filterAlarmed, patternOf } from './_shared';
import { isBreakGlass } from './break-glass-role';

export const breakGlassAlarmed: GraphRule = {
  id: 'IR-06b',
  control: 'IR-06',
  title: 'Every assumption of a break-glass role raises an alarm',
  strategy: 8,
  citations: ['164.312(a)(2)(ii)', '164.308(a)(6)(ii)', '164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_iam_role', 'aws_cloudwatch_log_metric_filter'],
  scope: 'account',
  rationale: 'Emergency access is legitimate only when it is reviewed. A metric filter on AssumeRole of the break-glass role, with an alarm that notifies, makes every use visible to the security official.',
  remediation: 'Add an aws_cloudwatch_log_metric_filter on the CloudTrail log group matching eventName AssumeRole for the role, and an aws_cloudwatch_metric_alarm with alarm_actions; the phikit IncidentResponse construct does this for its break-glass role.',
  construct: 'IncidentResponse',
  check(ctx) {
    const roles = ctx.graph.ofType('aws_iam_role').filter(isBreakGlass);
    const filters = ctx.graph.ofType('aws_cloudwatch_log_metric_filter');
    return roles.map((role): Verdict => {
      const name = str(attr(role, 'name'));
      let sawUnknown = false;
      for (const f of filters) {
        const p = patternOf(f);
        if (p === undefined) {
          sawUnknown = true;
          continue;
        }
        if (!/AssumeRole/.test(p) || !(name ? p.includes(name) : /break[-_]?glass/i.test(p))) continue;
        const alarmed = filterAlarmed(ctx.graph, f);
        if (alarmed === 'yes') return pass(`${f.address} alarms on its assumption`, undefined, role);
        if (alarmed === 'unknown') sawUnknown = true;
      }
      return sawUnknown
        ? unknown('a metric filter pattern, or the alarm on a matching filter, is known only after apply', undefined, role)
        : fail(`no metric filter with a notifying alarm matches AssumeRole of ${name ?? role.address}`, { attribute: 'aws_cloudwatch_log_metric_filter.pattern', value: '(none)' }, role);
    });
  },
  examples: {
    pass: [
      {
        description: 'passes when a filter on AssumeRole of the role has a notifying alarm',
        resources: {
          'aws_iam_role.bg': { name: 'break-glass', tags: { Purpose: 'break-glass' }, assume_role_policy: '{"Statement":[]}' },
          'aws_cloudwatch_log_metric_filter.bg': { name: 'bg', log_group_name: 'cloudtrail', pattern: '{ ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*:role/break-glass") }', metric_transformation: [{ name: 'bg-use', namespace: 'Security', value: '1' }] },
          'aws_cloudwatch_metric_alarm.bg': { alarm_name: 'bg', comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: 'bg-use', namespace: 'Security', threshold: 1, alarm_actions: ['arn:aws:sns:us-east-1:111122223333:security'] },
        },
      },
    ],
    fail: [
      {
        description: 'fails when no filter watches the break-glass role',
        resources: { 'aws_iam_role.bg': { name: 'break-glass', tags: { Purpose: 'break-glass' }, assume_role_policy: '{"Statement":[]}' } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the only filter pattern is known only after apply',
        resources: {
          'aws_iam_role.bg': { name: 'break-glass', tags: { Purpose: 'break-glass' }, assume_role_policy: '{"Statement":[]}' },
          'aws_cloudwatch_log_metric_filter.bg': { name: 'bg', log_group_name: 'cloudtrail', pattern: 'x', metric_transformation: [{ name: 'bg-use', namespace: 'Security', value: '1' }] },
        },
        unknown: { 'aws_cloudwatch_log_metric_filter.bg': ['pattern'] },
      },
    ],
  },
};
