import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { SECURITY_EVENTS, filterAlarmed, patternOf } from './_shared';

export const securityMetricFilters: GraphRule = {
  id: 'IR-04',
  control: 'IR-04',
  title: 'Security-relevant CloudTrail events have metric filters with alarms that notify',
  strategy: 8,
  citations: ['164.308(a)(5)(ii)(C)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_cloudwatch_log_metric_filter', 'aws_cloudwatch_metric_alarm'],
  scope: 'account',
  rationale:
    'Log-in monitoring (164.308(a)(5)(ii)(C)) and information system activity review (164.308(a)(1)(ii)(D)) need someone told, in minutes, about root use, unauthorized calls, sign-ins without MFA and changes to IAM, CloudTrail, KMS keys and the network — the events that precede or hide a PHI breach.',
  remediation:
    'Add aws_cloudwatch_log_metric_filter resources on the CloudTrail log group for each event family and an aws_cloudwatch_metric_alarm with alarm_actions per filter; the phikit IncidentResponse construct creates the whole set.',
  construct: 'IncidentResponse',
  check(ctx) {
    const filters = ctx.graph.ofType('aws_cloudwatch_log_metric_filter');
    const covered = new Map<string, string>();
    let unknownPattern = false;
    // Families matched by a filter whose alarm is known only after apply: maybe monitored.
    const possibly = new Set<string>();
    for (const f of filters) {
      const p = patternOf(f);
      if (p === undefined) {
        unknownPattern = true;
        continue;
      }
      const alarmed = filterAlarmed(ctx.graph, f);
      if (alarmed === 'unknown') for (const e of SECURITY_EVENTS) if (e.match.test(p)) possibly.add(e.key);
      if (alarmed !== 'yes') continue;
      for (const e of SECURITY_EVENTS) if (e.match.test(p) && !covered.has(e.key)) covered.set(e.key, f.address);
    }
    const missing = SECURITY_EVENTS.filter((e) => !covered.has(e.key));
    // Located at the log group the filters watch (where missing ones belong), else the first filter.
    const at = filters.flatMap((f) => ctx.graph.deref(f, 'log_group_name').resources.filter((g) => g.type === 'aws_cloudwatch_log_group'))[0] ?? filters[0];
    if (!missing.length) return [pass(`all ${SECURITY_EVENTS.length} security event families have a filter and a notifying alarm`, undefined, at)];
    const value = `${covered.size}/${SECURITY_EVENTS.length} covered`;
    if (unknownPattern) return [unknown(`cannot tell whether ${missing.map((m) => m.label).join(', ')} are monitored: a filter pattern is known only after apply`, { attribute: 'aws_cloudwatch_log_metric_filter.pattern', value }, at)];
    const absent = missing.filter((m) => !possibly.has(m.key));
    const maybe = missing.filter((m) => possibly.has(m.key));
    const also = maybe.length ? `; the alarm of the filter for ${maybe.map((m) => m.label).join(', ')} is known only after apply` : '';
    if (!absent.length) return [unknown(`cannot tell whether ${maybe.map((m) => m.label).join(', ')} are monitored: the alarm on a matching filter is known only after apply`, { attribute: 'aws_cloudwatch_log_metric_filter.metric_transformation', value }, at)];
    return [fail(`no metric filter with a notifying alarm for: ${absent.map((m) => m.label).join(', ')}${also}`, { attribute: 'aws_cloudwatch_log_metric_filter.pattern', value }, at)];
  },
  examples: {
    pass: [
      {
        description: 'passes when every event family has a filter and an alarm with actions',
        resources: Object.fromEntries(
          [
            ['root', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS }'],
            ['unauth', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'],
            ['nomfa', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'],
            ['signin', '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }'],
            ['iam', '{ ($.eventName = PutRolePolicy) || ($.eventName = AttachRolePolicy) || ($.eventName = CreatePolicy) }'],
            ['trail', '{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) || ($.eventName = UpdateTrail) }'],
            ['kms', '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }'],
            ['sg', '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress) }'],
            ['nacl', '{ ($.eventName = CreateNetworkAcl) || ($.eventName = ReplaceNetworkAclEntry) }'],
            ['route', '{ ($.eventName = CreateRoute) || ($.eventName = ReplaceRoute) || ($.eventName = DeleteRoute) }'],
          ].flatMap(([k, pattern]) => [
            [`aws_cloudwatch_log_metric_filter.${k}`, { name: k, log_group_name: 'cloudtrail', pattern, metric_transformation: [{ name: `${k}-count`, namespace: 'Security', value: '1' }] }],
            [`aws_cloudwatch_metric_alarm.${k}`, { alarm_name: k, comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: `${k}-count`, namespace: 'Security', period: 300, statistic: 'Sum', threshold: 1, alarm_actions: ['arn:aws:sns:us-east-1:111122223333:security'] }],
          ]),
        ),
      },
    ],
    fail: [
      { description: 'fails when no metric filters exist', resources: { 'aws_cloudwatch_log_group.trail': { name: 'cloudtrail', retention_in_days: 365 } } },
      {
        description: 'fails when the root-use filter has no alarm action',
        resources: {
          'aws_cloudwatch_log_metric_filter.root': { name: 'root', log_group_name: 'cloudtrail', pattern: '{ $.userIdentity.type = "Root" }', metric_transformation: [{ name: 'root-count', namespace: 'Security', value: '1' }] },
          'aws_cloudwatch_metric_alarm.root': { alarm_name: 'root', comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 1, metric_name: 'root-count', namespace: 'Security', threshold: 1 },
        },
      },
    ],
    unknown: [
      {
        description: 'is unknown when a filter pattern is known only after apply',
        resources: {
          'aws_cloudwatch_log_metric_filter.x': { name: 'x', log_group_name: 'cloudtrail', pattern: '{ $.userIdentity.type = "Root" }', metric_transformation: [{ name: 'x', namespace: 'Security', value: '1' }] },
        },
        unknown: { 'aws_cloudwatch_log_metric_filter.x': ['pattern'] },
      },
    ],
  },
};
