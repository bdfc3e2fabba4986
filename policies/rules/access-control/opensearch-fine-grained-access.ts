import type { ResourceRule } from '../../engine/types';
import { PUB, expectBoolC } from './_shared';

export const opensearchFineGrainedAccess: ResourceRule = {
  id: 'ACC-22b',
  control: 'ACC-22',
  title: 'OpenSearch / Elasticsearch domains enable fine-grained access control',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'Fine-grained access control authorizes users per index, document and field, so PHI in a shared cluster is visible only to the roles that need it.',
  remediation: 'Set advanced_security_options { enabled = true } with an IAM master user (and internal user database off).',
  anchors: { checkov: ['CKV2_AWS_52'] },
  check(d) {
    return expectBoolC(d, 'advanced_security_options.enabled', true, false, 'every authenticated caller sees every index');
  },
  examples: {
    pass: [{ description: 'passes when advanced_security_options.enabled is true', resources: { 'aws_opensearch_domain.d': { domain_name: 'd', advanced_security_options: [{ enabled: true, internal_user_database_enabled: false }] } } }],
    fail: [
      { description: 'fails when advanced_security_options is not set', resources: { 'aws_opensearch_domain.d': { domain_name: 'd' } } },
      { description: 'fails when advanced_security_options.enabled is false', resources: { 'aws_elasticsearch_domain.d': { domain_name: 'd', advanced_security_options: [{ enabled: false }] } } },
    ],
    unknown: [{ description: 'is unknown when enabled is known only after apply', resources: { 'aws_opensearch_domain.d': { domain_name: 'd', advanced_security_options: [{ enabled: true }] } }, unknown: { 'aws_opensearch_domain.d': ['advanced_security_options.enabled'] } }],
  },
};
