import type { ResourceRule } from '../../engine/types';
import { ENC, cmkWhenEncrypted } from './_shared';
import { rdsClusterAtRest } from './rds-cluster-encrypted';

export const rdsClusterCmk: ResourceRule = {
  id: 'ENC-04g',
  control: 'ENC-04',
  title: 'Encrypted Aurora / RDS clusters use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchors (rds-storage-encrypted, HIPAA.Security-RDSStorageEncrypted) accept the AWS-managed aws/rds key (ENC-04b); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'The cluster volume is shared by every member instance, backup and clone; with a customer-managed key each of them needs a grant in a key policy the covered entity controls, sharing a snapshot needs the key too, and every use is in CloudTrail.',
  remediation: 'Set kms_key_id on the aws_rds_cluster to a customer-managed key ARN (fixed at creation), or use the phikit HipaaAuroraCluster construct.',
  construct: 'HipaaAuroraCluster',
  anchors: { checkov: ['CKV_AWS_327'] },
  check(cluster, ctx) {
    return cmkWhenEncrypted(ctx, cluster, rdsClusterAtRest(cluster), 'ENC-04b');
  },
  examples: {
    pass: [{ description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_rds_cluster.c' }],
    fail: [
      { description: 'fails when storage_encrypted is true but kms_key_id is not set', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true } } },
      { description: 'fails for a serverless v1 cluster without kms_key_id (aws/rds key)', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', engine_mode: 'serverless' } } },
    ],
  },
};
