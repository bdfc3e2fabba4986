import { attr, computedOnly, str, undecided } from '../../model/attrs';
import { ev, unknown } from '../helpers';
import type { ResourceRule } from '../../engine/types';
import { ENC, encryptedAtRest } from './_shared';
import type { Resource } from '../../model/types';

/** What encrypts an Aurora / RDS cluster at rest (serverless v1 always is): shared by ENC-04b and ENC-04g. */
export function rdsClusterAtRest(cluster: Resource) {
  return {
    enabled: { path: 'storage_encrypted', providerDefault: str(attr(cluster, 'engine_mode')) === 'serverless', what: 'the cluster volume, backups and snapshots are not encrypted' },
    key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it Aurora uses the AWS-managed aws/rds key)' },
  };
}

export const rdsClusterEncrypted: ResourceRule = {
  id: 'ENC-04b',
  control: 'ENC-04',
  title: 'Aurora / RDS clusters are storage-encrypted',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'The cluster volume holds every row of PHI and is shared by all member instances, backups and clones. storage_encrypted is false by default for provisioned clusters. The key (AWS-managed aws/rds or customer-managed) is ENC-04g.',
  remediation: 'Set storage_encrypted = true on the aws_rds_cluster (with kms_key_id naming a customer-managed key, ENC-04g), or use the phikit HipaaAuroraCluster construct.',
  construct: 'HipaaAuroraCluster',
  anchors: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'], checkov: ['CKV_AWS_96', 'CKV_AWS_327'] },
  check(cluster) {
    const v = encryptedAtRest(cluster, rdsClusterAtRest(cluster).enabled, 'cluster storage, backups and snapshots are encrypted');
    // The default depends on engine_mode (serverless v1 clusters are always encrypted): an unset switch with an unknown mode is undecided.
    const mode = attr(cluster, 'engine_mode');
    const set = attr(cluster, 'storage_encrypted');
    if (v.status === 'fail' && undecided(mode) && !computedOnly(mode) && (set.state === 'absent' || computedOnly(set))) {
      return unknown(`storage_encrypted is not set and engine_mode is known only after apply (a serverless v1 cluster is always encrypted)`, ev('engine_mode', mode));
    }
    return v;
  },
  examples: {
    pass: [
      { description: 'passes with storage_encrypted and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_rds_cluster.c' },
      { description: 'passes with storage_encrypted and the AWS-managed aws/rds key (the key is ENC-04g)', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', storage_encrypted: true } } },
      { description: 'passes for a serverless v1 cluster, always encrypted', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', engine_mode: 'serverless' } } },
    ],
    fail: [
      { description: 'fails when storage_encrypted is not set on a provisioned cluster', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql' } } },
      { description: 'fails when storage_encrypted is false', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: false } } },
    ],
    unknown: [{ description: 'is unknown when storage_encrypted is known only after apply', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_rds_cluster.c': ['storage_encrypted'] } }],
  },
};
