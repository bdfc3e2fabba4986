import { simpleRule } from '../simple';

export const logGroupRetention = simpleRule({
  id: 'AUD-08',
  control: 'AUD-08',
  title: 'Log groups keep logs for at least 365 days',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale: 'Audit controls are only useful if the records still exist when an incident is discovered — often months later. A year is the floor (0 = never expire also complies, as in the AWS Config rule); audit logs should be kept six years (164.316(b)(2)(i)).',
  remediation: 'Set retention_in_days ≥ 365 (2192 for audit logs); the phikit HipaaLogGroup construct defaults to 365, and 2192 with audit: true.',
  construct: 'HipaaLogGroup',
  anchors: { cdkNag: ['HIPAA.Security-CloudWatchLogGroupRetentionPeriod'], awsConfig: ['cw-loggroup-retention-period-check'], checkov: ['CKV_AWS_66', 'CKV_AWS_338'] },
  type: 'aws_cloudwatch_log_group',
  base: { name: '/app' },
  path: 'retention_in_days',
  ok: (v) => v === 0 || (typeof v === 'number' && v >= 365) || (typeof v === 'string' && Number(v) >= 365),
  providerDefault: 0,
  want: 'logs expire in less than a year',
  good: 365,
  bad: 30,
});
