import type { ResourceRule } from '../../engine/types';
import { ENC, encryptedWithCmk } from './_shared';

export const opensearchEncryptedAtRest: ResourceRule = {
  id: 'ENC-11',
  control: 'ENC-11',
  title: 'OpenSearch / Elasticsearch domains are encrypted at rest with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'Search indexes hold denormalized copies of clinical records. encrypt_at_rest covers indexes, logs, swap and snapshots; it can only be set at creation on older engines and uses aws/es unless kms_key_id names a CMK.',
  remediation: 'Set encrypt_at_rest { enabled = true, kms_key_id = <CMK ARN> } on the domain.',
  anchors: {
    cdkNag: ['HIPAA.Security-OpenSearchEncryptedAtRest'],
    awsConfig: ['opensearch-encrypted-at-rest', 'elasticsearch-encrypted-at-rest'],
    checkov: ['CKV_AWS_5', 'CKV_AWS_247'],
  },
  check(domain, ctx) {
    return encryptedWithCmk(ctx, domain, {
      enabled: { path: 'encrypt_at_rest.enabled', providerDefault: false, what: 'indexes and snapshots are not encrypted at rest' },
      key: { path: 'encrypt_at_rest.kms_key_id', what: 'set kms_key_id to a customer-managed key (without it the domain uses the AWS-managed aws/es key)' },
    });
  },
  examples: {
    pass: [{ description: 'passes with encrypt_at_rest enabled and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_opensearch_domain.d': { domain_name: 'phi', encrypt_at_rest: [{ enabled: true, kms_key_id: '${aws_kms_key.k.arn}' }] } }, target: 'aws_opensearch_domain.d' }],
    fail: [
      { description: 'fails when encrypt_at_rest is not set', resources: { 'aws_opensearch_domain.d': { domain_name: 'phi' } } },
      { description: 'fails when an Elasticsearch domain is encrypted without kms_key_id', resources: { 'aws_elasticsearch_domain.d': { domain_name: 'phi', encrypt_at_rest: [{ enabled: true }] } } },
    ],
    unknown: [{ description: 'is unknown when encrypt_at_rest.enabled is known only after apply', resources: { 'aws_opensearch_domain.d': { domain_name: 'phi', encrypt_at_rest: [{ enabled: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_opensearch_domain.d': ['encrypt_at_rest.enabled'] } }],
  },
};
