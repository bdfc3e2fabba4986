/** Helpers shared by incident-response rules: EventBridge routing, metric filters and alarms. */
import { attr, list, str, undecided } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import type { Resource } from '../../model/types';

/** The `source` values of an EventBridge rule's event_pattern; undefined when unknown. */
export function eventSources(rule: Resource): string[] | undefined {
  const a = attr(rule, 'event_pattern');
  let text: string | undefined;
  if (a.state === 'known' && typeof a.value === 'string') text = a.value;
  else if (a.state === 'unknown' && a.value.template?.trim().startsWith('{')) text = a.value.template;
  if (text === undefined) return a.state === 'absent' ? [] : undefined;
  try {
    const doc = JSON.parse(text) as { source?: unknown };
    const src = doc?.source;
    return Array.isArray(src) ? src.filter((s): s is string => typeof s === 'string') : typeof src === 'string' ? [src] : [];
  } catch {
    return undefined;
  }
}

/** `rule`: the EventBridge rule that routes the source, or the last one that matches it without reaching anyone. */
export type RouteResult = { state: 'routed'; via: string; rule: Resource } | { state: 'missing'; why: string; rule?: Resource } | { state: 'unknown'; why: string; rule?: Resource };

/** Is there an EventBridge rule for `source` whose target delivers to responders? */
export function routeFor(graph: Graph, source: string): RouteResult {
  let sawUnknown: Resource | undefined;
  let why = `no aws_cloudwatch_event_rule matches source ${source}`;
  let matched: Resource | undefined;
  for (const rule of graph.ofType('aws_cloudwatch_event_rule')) {
    const sources = eventSources(rule);
    if (sources === undefined) {
      sawUnknown ??= rule;
      continue;
    }
    if (!sources.includes(source)) continue;
    matched = rule;
    const targets = graph.related(rule, 'aws_cloudwatch_event_target', 'rule');
    if (!targets.length) {
      why = `${rule.address} matches ${source} but has no aws_cloudwatch_event_target`;
      continue;
    }
    for (const t of targets) {
      const dest = graph.deref(t, 'arn');
      const topic = dest.resources.find((r) => r.type === 'aws_sns_topic');
      if (topic) {
        const subs = graph.related(topic, 'aws_sns_topic_subscription', 'topic_arn');
        if (subs.length) return { state: 'routed', via: `${rule.address} → ${topic.address} (${subs.length} subscription${subs.length > 1 ? 's' : ''})`, rule };
        why = `${topic.address} has no aws_sns_topic_subscription, so nobody is notified`;
        continue;
      }
      const other = dest.resources.find((r) => ['aws_sqs_queue', 'aws_lambda_function', 'aws_cloudwatch_event_bus', 'aws_sfn_state_machine'].includes(r.type));
      if (other) return { state: 'routed', via: `${rule.address} → ${other.address}`, rule };
      if (dest.external) return { state: 'routed', via: `${rule.address} → a target outside these inputs`, rule };
    }
  }
  return sawUnknown ? { state: 'unknown', why: 'an event_pattern is known only after apply', rule: sawUnknown } : { state: 'missing', why, rule: matched };
}

/** CloudTrail-backed security events an account must alarm on, with recognisers for filter patterns. */
export const SECURITY_EVENTS: ReadonlyArray<{ readonly key: string; readonly label: string; readonly match: RegExp }> = [
  { key: 'root', label: 'root account use', match: /userIdentity\.type\s*=\s*"?Root"?/i },
  { key: 'unauthorized', label: 'unauthorized API calls', match: /(UnauthorizedOperation|AccessDenied)/ },
  { key: 'no-mfa', label: 'console sign-in without MFA', match: /MFAUsed\s*!=\s*"?Yes"?/i },
  { key: 'signin-failure', label: 'console sign-in failures', match: /ConsoleLogin[\s\S]*Failed authentication|errorMessage\s*=\s*"?Failed authentication/i },
  { key: 'iam', label: 'IAM policy changes', match: /(PutRolePolicy|AttachRolePolicy|CreatePolicy|DeleteRolePolicy|PutUserPolicy|AttachUserPolicy)/ },
  { key: 'cloudtrail', label: 'CloudTrail configuration changes', match: /(StopLogging|DeleteTrail|UpdateTrail)/ },
  { key: 'kms', label: 'KMS key disable or scheduled deletion', match: /(DisableKey|ScheduleKeyDeletion)/ },
  { key: 'security-group', label: 'security group changes', match: /(AuthorizeSecurityGroupIngress|RevokeSecurityGroupIngress|CreateSecurityGroup|DeleteSecurityGroup)/ },
  { key: 'nacl', label: 'network ACL changes', match: /(CreateNetworkAcl|DeleteNetworkAcl|ReplaceNetworkAclEntry|CreateNetworkAclEntry)/ },
  { key: 'route', label: 'route table changes', match: /(CreateRoute|ReplaceRoute|DeleteRoute|ReplaceRouteTableAssociation)/ },
];

/** Known filter pattern text, or undefined when unknown. */
export function patternOf(filter: Resource): string | undefined {
  const a = attr(filter, 'pattern');
  return str(a);
}

/** Alarms watching the metric a metric filter publishes (by namespace + metric name, or by reference). */
export function alarmsFor(graph: Graph, filter: Resource): Resource[] {
  const byRef = graph.related(filter, 'aws_cloudwatch_metric_alarm', 'metric_name');
  if (byRef.length) return byRef;
  const name = str(attr(filter, 'metric_transformation.name'));
  const ns = str(attr(filter, 'metric_transformation.namespace'));
  if (!name) return [];
  return graph.withValue(filter.unit, 'aws_cloudwatch_metric_alarm', 'metric_name', name).filter((a) => !ns || !str(attr(a, 'namespace')) || str(attr(a, 'namespace')) === ns);
}

/**
 * Does a notifying alarm watch the filter's metric? `unknown` when the metric's name or namespace,
 * or an alarm's actions, are known only after apply and no known alarm settles it.
 */
export function filterAlarmed(graph: Graph, filter: Resource): 'yes' | 'no' | 'unknown' {
  const alarms = alarmsFor(graph, filter);
  const notifies = alarms.map(alarmNotifies);
  if (notifies.includes(true)) return 'yes';
  if (notifies.includes(undefined)) return 'unknown';
  const name = attr(filter, 'metric_transformation.name');
  const ns = attr(filter, 'metric_transformation.namespace');
  if (undecided(name) || undecided(ns) || (!alarms.length && undecidedAlarmMetric(graph, filter))) return 'unknown';
  return 'no';
}

/** Some alarm of the filter's unit watches a metric named only after apply (it may be this filter's). */
function undecidedAlarmMetric(graph: Graph, filter: Resource): boolean {
  return graph.ofTypeIn(filter.unit, 'aws_cloudwatch_metric_alarm').some((a) => {
    const m = attr(a, 'metric_name');
    return undecided(m) && !(m.state === 'unknown' && m.value.refs.length && graph.deref(a, 'metric_name').resources.length);
  });
}

/** An alarm notifies somebody: actions enabled and at least one alarm action. */
export function alarmNotifies(alarm: Resource): boolean | undefined {
  const enabled = attr(alarm, 'actions_enabled');
  if (enabled.state === 'known' && enabled.value === false) return false;
  const actions = attr(alarm, 'alarm_actions');
  if (actions.state === 'unknown') return actions.value.refs.length ? true : undefined;
  const l = list(actions);
  return !!l && l.length > 0;
}
