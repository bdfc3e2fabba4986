import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';

export const opensearchLogs: ResourceRule = {
  id: 'AUD-11c',
  control: 'AUD-11',
  title: 'OpenSearch domains publish error and audit logs to CloudWatch Logs',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.308(a)(5)(ii)(C)', '164.312(b)'],
  severity: 'medium',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'Search indexes of PHI need the same access record as databases: audit logs show who queried which index.',
  remediation: 'Add log_publishing_options blocks with log_type ES_APPLICATION_LOGS and AUDIT_LOGS to an encrypted log group.',
  anchors: { cdkNag: ['HIPAA.Security-OpenSearchErrorLogsToCloudWatch'], awsConfig: ['opensearch-logs-to-cloudwatch', 'elasticsearch-logs-to-cloudwatch'], checkov: ['CKV_AWS_84', 'CKV_AWS_317'] },
  check(d) {
    const opts = blocks(d, 'log_publishing_options');
    if (opts.some((o) => o instanceof Unknown)) return unknown('log_publishing_options are known only after apply');
    const types = new Set(opts.map((o) => str(attr(o as never, 'log_type'))).filter(Boolean));
    return types.has('ES_APPLICATION_LOGS') ? pass(`publishes ${[...types].join(', ')}`) : fail('error (ES_APPLICATION_LOGS) logs are not published', { attribute: 'log_publishing_options.log_type', value: [...types].join(', ') || '(none)' });
  },
  examples: {
    pass: [{ description: 'passes when application and audit logs are published', resources: { 'aws_opensearch_domain.d': { domain_name: 's', log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:os' }, { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: 'arn:aws:logs:us-east-1:111122223333:log-group:os' }] } } }],
    fail: [{ description: 'fails without log publishing', resources: { 'aws_opensearch_domain.d': { domain_name: 's' } } }],
  },
};
