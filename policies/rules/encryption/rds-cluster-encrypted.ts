import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { pass } from '../helpers';
import { ENC, encryptedWithCmk } from './_shared';

export const rdsClusterEncrypted: ResourceRule = {
  id: 'ENC-04b',
  control: 'ENC-04',
  title: 'Aurora / RDS clusters are storage-encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'The cluster volume holds every row of PHI and is shared by all member instances, backups and clones. storage_encrypted is false by default for provisioned clusters; a customer-managed key keeps decryption under the covered entity’s key policy.',
  remediation: 'Set storage_encrypted = true and kms_key_id to a customer-managed key ARN on the aws_rds_cluster, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'], checkov: ['CKV_AWS_96', 'CKV_AWS_327'] },
  check(cluster, ctx) {
    // Serverless v1 clusters are always encrypted, but still need a CMK.
    const serverless = str(attr(cluster, 'engine_mode')) === 'serverless';
    const v = encryptedWithCmk(ctx, cluster, {
      enabled: { path: 'storage_encrypted', providerDefault: serverless, what: 'the cluster volume, backups and snapshots are not encrypted' },
      key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it Aurora uses the AWS-managed aws/rds key)' },
    });
    return v.status === 'pass' ? pass(`cluster storage encrypted with a customer-managed key`, v.evidence) : v;
  },
  examples: {
    pass: [{ description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_rds_cluster.c' }],
    fail: [
      { description: 'fails when storage_encrypted is not set on a provisioned cluster', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql' } } },
      { description: 'fails when storage_encrypted is true but kms_key_id is not set', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true } } },
    ],
    unknown: [{ description: 'is unknown when storage_encrypted is known only after apply', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_rds_cluster.c': ['storage_encrypted'] } }],
  },
};
