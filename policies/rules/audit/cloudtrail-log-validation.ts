import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const cloudtrailLogValidation: ResourceRule = {
  id: 'AUD-02',
  control: 'AUD-02',
  title: 'CloudTrail log-file integrity validation is enabled',
  strategy: 3,
  citations: ['164.312(c)(1)', '164.312(c)(2)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_cloudtrail'],
  scope: 'resource',
  rationale:
    'Integrity controls (164.312(c)) require that audit records cannot be altered or destroyed unnoticed. With log-file validation CloudTrail writes signed digest files, so tampering with delivered logs is detectable. The provider default is off.',
  remediation: 'Set enable_log_file_validation = true on the aws_cloudtrail (the phikit AuditTrail construct does).',
  construct: 'AuditTrail',
  anchors: { cdkNag: ['HIPAA.Security-CloudTrailLogFileValidationEnabled'], awsConfig: ['cloud-trail-log-file-validation-enabled'], checkov: ['CKV_AWS_36'] },
  check(trail) {
    return expectBool(trail, 'enable_log_file_validation', true, false, 'tampering with delivered log files is not detectable');
  },
  examples: {
    pass: [{ description: 'passes with enable_log_file_validation = true', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', enable_log_file_validation: true } } }],
    fail: [
      { description: 'fails when enable_log_file_validation is not set (provider default false)', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs' } } },
      { description: 'fails when enable_log_file_validation is false', resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', enable_log_file_validation: false } } },
    ],
    unknown: [
      {
        description: 'is unknown when enable_log_file_validation is known only after apply',
        resources: { 'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', enable_log_file_validation: true } },
        unknown: { 'aws_cloudtrail.t': ['enable_log_file_validation'] },
      },
    ],
  },
};
