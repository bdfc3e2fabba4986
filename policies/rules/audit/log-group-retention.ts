import { attr, num } from '../../model/attrs';
import { THRESHOLDS } from '../thresholds';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

const MIN_DAYS = THRESHOLDS.logRetentionMinDays;

export const logGroupRetention: ResourceRule = {
  id: 'AUD-08',
  control: 'AUD-08',
  title: 'Every CloudWatch log group sets an explicit retention of at least 365 days (or never expires)',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_cloudwatch_log_group'],
  scope: 'resource',
  rationale:
    'Audit records must survive long enough to investigate an incident discovered months later. A short retention silently deletes them; an unset retention leaves the decision to whoever created the group. 0 (never expire) is compliant, as in the AWS Config rule.',
  remediation: 'Set retention_in_days to 365 or more (or 0 for never expire) on the aws_cloudwatch_log_group; the phikit HipaaLogGroup construct defaults to 365.',
  construct: 'HipaaLogGroup',
  anchors: {
    cdkNag: ['HIPAA.Security-CloudWatchLogGroupRetentionPeriod'],
    awsConfig: ['cw-loggroup-retention-period-check'],
    checkov: ['CKV_AWS_66', 'CKV_AWS_338'],
  },
  check(group) {
    const a = attr(group, 'retention_in_days');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('retention_in_days'), ev('retention_in_days', a));
    if (a.state === 'absent') return fail('retention_in_days is not set; no explicit retention is declared', ev('retention_in_days', a));
    const days = num(a);
    if (days === undefined) return fail('retention_in_days is not a number', ev('retention_in_days', a));
    if (days === 0) return pass('retention_in_days is 0: log events never expire', ev('retention_in_days', a));
    return days >= MIN_DAYS ? pass(`retention_in_days is ${days}`, ev('retention_in_days', a)) : fail(`retention_in_days is ${days}, less than ${MIN_DAYS}`, ev('retention_in_days', a));
  },
  examples: {
    pass: [
      { description: 'passes with retention_in_days = 365', resources: { 'aws_cloudwatch_log_group.g': { name: 'app', retention_in_days: 365 } } },
      { description: 'passes with retention_in_days = 0 (never expire)', resources: { 'aws_cloudwatch_log_group.g': { name: 'app', retention_in_days: 0 } } },
    ],
    fail: [
      { description: 'fails when retention_in_days is not set', resources: { 'aws_cloudwatch_log_group.g': { name: 'app' } } },
      { description: 'fails when retention_in_days is 90', resources: { 'aws_cloudwatch_log_group.g': { name: 'app', retention_in_days: 90 } } },
    ],
    unknown: [
      { description: 'is unknown when retention_in_days is known only after apply', resources: { 'aws_cloudwatch_log_group.g': { name: 'app', retention_in_days: 365 } }, unknown: { 'aws_cloudwatch_log_group.g': ['retention_in_days'] } },
    ],
  },
};
