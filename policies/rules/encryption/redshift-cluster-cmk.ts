import type { ResourceRule } from '../../engine/types';

import { ENC, cmkWhenEncrypted } from './_shared';
import { REDSHIFT_AT_REST } from './redshift-cluster-encrypted';

export const redshiftClusterCmk: ResourceRule = {
  id: 'ENC-14b',
  control: 'ENC-14',
  title: 'Encrypted Redshift clusters use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchors (redshift-cluster-configuration-check, HIPAA.Security-RedshiftClusterConfiguration) ask for encryption and accept the AWS-managed key (ENC-14); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'A customer-managed key keeps snapshots and cross-region copies of the warehouse under a key policy the covered entity controls, and every use of it is in CloudTrail.',
  remediation: 'Set kms_key_id on the aws_redshift_cluster to a customer-managed key ARN.',
  anchors: { checkov: ['CKV_AWS_142'] },
  check(res, ctx) {
    return cmkWhenEncrypted(ctx, res, REDSHIFT_AT_REST, 'ENC-14');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_redshift_cluster.r' },
    ],
    fail: [
      { description: 'fails when encrypted is true without kms_key_id', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', encrypted: true } } },
    ],
  },
};
