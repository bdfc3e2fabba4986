import type { ResourceRule } from '../../engine/types';
import { combine, expectSet } from '../helpers';
import { LOG } from './_shared';

export const cloudtrailCloudwatchLogs: ResourceRule = {
  id: 'AUD-03',
  control: 'AUD-03',
  title: 'CloudTrail delivers events to a CloudWatch Logs group',
  strategy: 3,
  citations: LOG,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_cloudtrail'],
  scope: 'resource',
  rationale:
    'Audit records in S3 alone are reviewed late, if ever. Delivering the trail to CloudWatch Logs lets metric filters and alarms (IR-04) act on root use, failed sign-ins and policy changes within minutes, which is what information-system activity review (164.308(a)(1)(ii)(D)) and audit controls (164.312(b)) expect.',
  remediation: 'Set cloud_watch_logs_group_arn (a log group ARN with ":*") and cloud_watch_logs_role_arn (a role CloudTrail can assume) on the aws_cloudtrail; the phikit AuditTrail construct wires both.',
  construct: 'AuditTrail',
  anchors: { cdkNag: ['HIPAA.Security-CloudTrailCloudWatchLogsEnabled'], awsConfig: ['cloud-trail-cloud-watch-logs-enabled'], checkov: ['CKV2_AWS_10'] },
  check(trail) {
    return combine(
      [
        expectSet(trail, 'cloud_watch_logs_group_arn', 'the trail does not deliver to CloudWatch Logs'),
        expectSet(trail, 'cloud_watch_logs_role_arn', 'CloudTrail has no role to write to the log group'),
      ],
      'the trail delivers to a CloudWatch Logs group',
    );
  },
  examples: {
    pass: [
      {
        description: 'passes when the trail refers to a declared log group and role',
        resources: {
          'aws_cloudwatch_log_group.g': { name: 'trail', retention_in_days: 365 },
          'aws_iam_role.r': { name: 'trail-logs', assume_role_policy: '{}' },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', cloud_watch_logs_group_arn: '${aws_cloudwatch_log_group.g.arn}:*', cloud_watch_logs_role_arn: '${aws_iam_role.r.arn}' },
        },
        target: 'aws_cloudtrail.t',
      },
    ],
    fail: [
      { description: 'fails when cloud_watch_logs_group_arn is not set', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs' } } },
      {
        description: 'fails when the log group is set but cloud_watch_logs_role_arn is not',
        resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', cloud_watch_logs_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:trail:*' } },
      },
    ],
  },
};
