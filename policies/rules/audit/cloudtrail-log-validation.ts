import { isTrue, simpleRule } from '../simple';

export const cloudtrailLogValidation = simpleRule({
  id: 'AUD-02',
  control: 'AUD-02',
  title: 'CloudTrail log-file integrity validation is enabled',
  strategy: 3,
  citations: ['164.312(c)(1)', '164.312(c)(2)'],
  severity: 'high',
  rationale: 'Digest files let an investigator prove the audit trail was not altered after delivery — the integrity mechanism (164.312(c)(2)) for the record of who touched PHI.',
  remediation: 'Set enable_log_file_validation = true on the aws_cloudtrail; the phikit AuditTrail construct does.',
  construct: 'AuditTrail',
  anchors: { cdkNag: ['HIPAA.Security-CloudTrailLogFileValidationEnabled'], awsConfig: ['cloud-trail-log-file-validation-enabled'], checkov: ['CKV_AWS_36'] },
  type: 'aws_cloudtrail',
  base: { name: 'org', s3_bucket_name: 'trail-logs' },
  path: 'enable_log_file_validation',
  ok: isTrue,
  providerDefault: false,
  want: 'log files can be altered without detection',
  good: true,
  bad: false,
});
