import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, expectSet, pass } from '../helpers';

export const cloudfrontAccessLogs: ResourceRule = {
  id: 'AUD-09c',
  control: 'AUD-09',
  title: 'CloudFront distributions write standard access logs',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'CloudFront sits in front of PHI applications and S3 origins; its access logs are the only record of viewer requests that were served from cache and never reached the origin.',
  remediation: 'Add logging_config { bucket = "<log bucket>.s3.amazonaws.com" } to the distribution, or declare an aws_cloudwatch_log_delivery for it.',
  construct: 'HipaaBucket',
  anchors: { checkov: ['CKV_AWS_86'] },
  check(d, ctx) {
    // CloudWatch-based standard logging (v2) is declared as a log delivery source for the distribution.
    const v2 = ctx.graph.related(d, 'aws_cloudwatch_log_delivery_source', 'resource_arn');
    if (v2.length) return pass(`${v2[0].address} delivers the distribution's access logs`, ev('logging_config', attr(d, 'logging_config')));
    return expectSet(d, 'logging_config.bucket', 'viewer requests are not logged');
  },
  examples: {
    pass: [{ description: 'passes with logging_config naming a bucket', resources: { 'aws_cloudfront_distribution.d': { enabled: true, logging_config: [{ bucket: 'cf-logs.s3.amazonaws.com', prefix: 'cf/' }] } } }],
    fail: [{ description: 'fails when logging_config is not set', resources: { 'aws_cloudfront_distribution.d': { enabled: true } } }],
  },
};
