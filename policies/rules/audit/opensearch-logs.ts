import { attr, blocks, str, undecided } from '../../model/attrs';
import { Unknown } from '../../model/values';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, evv, expectBool, fail, unknown, unknownMessage } from '../helpers';

const REQUIRED = ['ES_APPLICATION_LOGS', 'AUDIT_LOGS'];

export const opensearchLogs: ResourceRule = {
  id: 'AUD-11d',
  control: 'AUD-11',
  title: 'OpenSearch domains publish error (application) and audit logs to CloudWatch Logs',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'Search indexes often hold PHI. Audit logs record who read or changed which index; application (error) logs reveal failed authentication and abuse. Neither is published unless log_publishing_options enables it.',
  remediation: 'Add log_publishing_options blocks for ES_APPLICATION_LOGS and AUDIT_LOGS with a cloudwatch_log_group_arn (audit logs also need fine-grained access control).',
  construct: 'HipaaLogGroup',
  anchors: {
    cdkNag: ['HIPAA.Security-OpenSearchErrorLogsToCloudWatch'],
    awsConfig: ['opensearch-logs-to-cloudwatch', 'elasticsearch-logs-to-cloudwatch'],
    checkov: ['CKV_AWS_84', 'CKV_AWS_317'],
  },
  check(d) {
    if (attr(d, 'log_publishing_options').state === 'unknown') return unknown(unknownMessage('log_publishing_options'), evv('log_publishing_options', '(known after apply)'));
    const opts = blocks(d, 'log_publishing_options');
    const verdicts: Verdict[] = REQUIRED.map((type) => {
      const o = opts.find((x) => str(attr(x as never, 'log_type')) === type);
      if (!o && opts.some((x) => x instanceof Unknown || undecided(attr(x, 'log_type')))) return unknown(`a log_publishing_options entry is known only after apply (it may be ${type})`, evv('log_publishing_options.log_type', '(known after apply)'));
      if (!o) return fail(`log_publishing_options has no ${type} entry`, evv('log_publishing_options.log_type', opts.map((x) => str(attr(x as never, 'log_type')) ?? '?').join(', ') || '(none)'));
      const v = expectBool(o as never, 'enabled', true, true, `${type} publishing is disabled`);
      return { ...v, message: `${type}: ${v.message}` };
    });
    return combine(verdicts, 'application and audit logs are published');
  },
  examples: {
    pass: [
      {
        description: 'passes when application and audit logs are published',
        resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: 'arn:lg1' }, { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: 'arn:lg2' }] } },
      },
    ],
    fail: [
      { description: 'fails when no log_publishing_options are set', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi' } } },
      { description: 'fails when only application logs are published', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: 'arn:lg1' }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when a publishing option enabled flag is known only after apply',
        resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', log_publishing_options: [{ log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: 'arn:lg1', enabled: true }, { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: 'arn:lg2', enabled: true }] } },
        unknown: { 'aws_opensearch_domain.o': ['log_publishing_options.enabled'] },
      },
    ],
  },
};
