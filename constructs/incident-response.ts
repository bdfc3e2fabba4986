import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { SECURITY_FILTERS } from './incident-response-filters';
import { IHipaaKmsKey, requireKeyUsableBy } from './kms-key';
import { PropCheck } from './core/waivers';
import type { HipaaLogGroup } from './log-group';

export interface IncidentResponseProps {
  /** Key encrypting the incident topic (164.312(a)(2)(iv)); EventBridge and CloudWatch are added to a HipaaKmsKey's policy. */
  readonly kmsKey: IHipaaKmsKey;
  /** The CloudTrail log group (AuditTrail.logGroup) the metric filters watch. */
  readonly trailLogGroup: HipaaLogGroup;
  /** Who is told (164.308(a)(6)(ii)). At least one email or https endpoint. */
  readonly subscribers: ReadonlyArray<{ readonly protocol: 'email' | 'https'; readonly endpoint: string }>;
  /** Principals (ARNs) allowed to assume the break-glass role with MFA. @default this account's root */
  readonly breakGlassPrincipals?: readonly string[];
}

/**
 * Incident response wiring: a KMS-encrypted SNS topic with subscriptions; EventBridge rules that
 * route GuardDuty and Security Hub findings to it; CloudTrail metric filters with alarms for root
 * use, unauthorized calls, sign-in without MFA, sign-in failures and IAM / CloudTrail / KMS /
 * security group / NACL / route changes; and an MFA-gated, one-hour break-glass role whose every
 * use raises an alarm (emergency access procedure, 164.312(a)(2)(ii)).
 *
 * @example
 * new IncidentResponse(this, 'ir', { kmsKey: key, trailLogGroup: audit.logGroup, subscribers: [{ protocol: 'email', endpoint: 'secops@example.org' }] });
 */
export class IncidentResponse extends Construct {
  readonly topic: SnsTopic;
  readonly breakGlassRole: IamRole;

  constructor(scope: Construct, id: string, props: IncidentResponseProps) {
    super(scope, id);
    const p = new PropCheck(this, 'IncidentResponse', undefined);
    p.expect((props.subscribers ?? []).length > 0, 'subscribers', 'needs at least one subscriber: incidents must reach a person');
    for (const s of props.subscribers ?? []) {
      if (s.protocol === 'email') p.expectFormat(s.endpoint, 'subscribers', (e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), 'is not an email address');
      else p.expectFormat(s.endpoint, 'subscribers', (e) => e.startsWith('https://'), 'must be an https:// URL');
    }
    if (p.expect(!!props.kmsKey, 'kmsKey', 'is required')) {
      requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'events');
      requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'cloudwatch');
    }
    p.done();
    const account = new DataAwsCallerIdentity(this, 'account');
    this.topic = new SnsTopic(this, 'topic', { name: `${id}-security-incidents`, kmsMasterKeyId: props.kmsKey.arn, tags: { Purpose: 'incident-response' } });
    new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'EventsAndAlarmsPublish', Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'cloudwatch.amazonaws.com'] }, Action: 'sns:Publish', Resource: this.topic.arn, Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } } },
          { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: ['sns:Publish', 'sns:Subscribe'], Resource: this.topic.arn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      }),
    });
    props.subscribers.forEach((s, i) => new SnsTopicSubscription(this, `subscriber-${i}`, { topicArn: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint }));
    for (const [name, source] of [['guardduty', 'aws.guardduty'], ['securityhub', 'aws.securityhub']] as const) {
      const rule = new CloudwatchEventRule(this, `${name}-findings`, {
        name: `${id}-${name}-findings`,
        description: `Route ${source} findings to the incident topic`,
        eventPattern: JSON.stringify(source === 'aws.guardduty' ? { source: [source], 'detail-type': ['GuardDuty Finding'] } : { source: [source], 'detail-type': ['Security Hub Findings - Imported'] }),
      });
      new CloudwatchEventTarget(this, `${name}-to-topic`, { rule: rule.name, arn: this.topic.arn });
    }
    const alarm = (fid: string, pattern: string) => {
      const metric = `phikit-${id}-${fid}`;
      new CloudwatchLogMetricFilter(this, `filter-${fid}`, { name: metric, logGroupName: props.trailLogGroup.name, pattern, metricTransformation: { name: metric, namespace: 'phikit/Security', value: '1' } });
      new CloudwatchMetricAlarm(this, `alarm-${fid}`, {
        alarmName: metric,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        evaluationPeriods: 1,
        metricName: metric,
        namespace: 'phikit/Security',
        period: 300,
        statistic: 'Sum',
        threshold: 1,
        treatMissingData: 'notBreaching',
        actionsEnabled: true,
        alarmActions: [this.topic.arn],
      });
    };
    for (const f of SECURITY_FILTERS) alarm(f.id, f.pattern);
    const roleName = `${id}-break-glass`;
    const principals = props.breakGlassPrincipals ?? [`arn:aws:iam::${account.accountId}:root`];
    this.breakGlassRole = new IamRole(this, 'break-glass', {
      name: roleName,
      maxSessionDuration: 3600,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '900' } } }],
      }),
      tags: { Purpose: 'break-glass' },
    });
    new IamRolePolicyAttachment(this, 'break-glass-access', { role: this.breakGlassRole.name, policyArn: 'arn:aws:iam::aws:policy/job-function/SystemAdministrator' });
    alarm('break-glass-use', `{ ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*:role/${roleName}") }`);
  }
}
