import { isNonEmpty, simpleRule } from '../simple';

export const cloudtrailCloudwatchLogs = simpleRule({
  id: 'AUD-03',
  control: 'AUD-03',
  title: 'CloudTrail delivers events to a CloudWatch Logs group',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  severity: 'high',
  rationale: 'Metric filters and alarms (information system activity review, log-in monitoring) only work on events in CloudWatch Logs; S3 delivery alone is reviewed days later, if ever.',
  remediation: 'Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn on the trail; the phikit AuditTrail construct delivers to a six-year HipaaLogGroup.',
  construct: 'AuditTrail',
  anchors: { cdkNag: ['HIPAA.Security-CloudTrailCloudWatchLogsEnabled'], awsConfig: ['cloud-trail-cloud-watch-logs-enabled'], checkov: ['CKV2_AWS_10'] },
  type: 'aws_cloudtrail',
  base: { name: 'org', s3_bucket_name: 'trail-logs' },
  path: 'cloud_watch_logs_group_arn',
  ok: isNonEmpty,
  want: 'events never reach CloudWatch Logs, so no alarm can fire on them',
  good: '${aws_cloudwatch_log_group.trail.arn}:*',
  bad: '',
  referenceIsSet: true,
});
