import type { ResourceRule } from '../../engine/types';
import { encryptedAtRest } from './_shared';

/** What encrypts a Redshift cluster at rest: shared by ENC-14 (encrypted) and ENC-14b (with a CMK). */
export const REDSHIFT_AT_REST = {
  enabled: { path: 'encrypted', providerDefault: false, what: 'set encrypted = true explicitly (the default differs across provider versions)' },
  key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key' },
} as const;

export const redshiftClusterEncrypted: ResourceRule = {
  id: 'ENC-14',
  control: 'ENC-14',
  title: 'Redshift clusters are encrypted at rest',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.312(b)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale:
    'Warehouses aggregate PHI from every source system. The provider default for encrypted has changed between major versions, so phikit requires it explicitly. The key (AWS-managed or customer-managed) is ENC-14b.',
  remediation: 'Set encrypted = true on the aws_redshift_cluster (with kms_key_id naming a customer-managed key, ENC-14b).',
  anchors: {
    cdkNag: ['HIPAA.Security-RedshiftClusterConfiguration'],
    awsConfig: ['redshift-cluster-configuration-check', 'redshift-cluster-kms-enabled'],
    checkov: ['CKV_AWS_64', 'CKV_AWS_142'],
  },
  check(cluster) {
    return encryptedAtRest(cluster, REDSHIFT_AT_REST.enabled, 'the cluster, its snapshots and copies are encrypted at rest');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_redshift_cluster.r' },
      { description: 'passes with encrypted = true and the AWS-managed key (the key is ENC-14b)', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true } } },
    ],
    fail: [
      { description: 'fails when encrypted is not set', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' } } },
      { description: 'fails when encrypted is false', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: false } } },
    ],
    unknown: [{ description: 'is unknown when encrypted is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_redshift_cluster.r': ['encrypted'] } }],
  },
};
