import type { ResourceRule } from '../../engine/types';
import { encryptedWithCmk } from './_shared';

export const redshiftClusterEncrypted: ResourceRule = {
  id: 'ENC-14',
  control: 'ENC-14',
  title: 'Redshift clusters are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.312(b)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale:
    'Warehouses aggregate PHI from every source system. The provider default for encrypted has changed between major versions, so phikit requires it explicitly, with kms_key_id naming a CMK so snapshots and cross-region copies stay under the key policy.',
  remediation: 'Set encrypted = true and kms_key_id to a customer-managed key ARN on the aws_redshift_cluster.',
  anchors: {
    cdkNag: ['HIPAA.Security-RedshiftClusterConfiguration'],
    awsConfig: ['redshift-cluster-configuration-check', 'redshift-cluster-kms-enabled'],
    checkov: ['CKV_AWS_64', 'CKV_AWS_142'],
  },
  check(cluster, ctx) {
    return encryptedWithCmk(ctx, cluster, {
      enabled: { path: 'encrypted', providerDefault: false, what: 'set encrypted = true explicitly (the default differs across provider versions)' },
      key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key' },
    });
  },
  examples: {
    pass: [{ description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_redshift_cluster.r' }],
    fail: [
      { description: 'fails when encrypted is not set', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' } } },
      { description: 'fails when encrypted is true without kms_key_id', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true } } },
    ],
    unknown: [{ description: 'is unknown when encrypted is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_redshift_cluster.r': ['encrypted'] } }],
  },
};
