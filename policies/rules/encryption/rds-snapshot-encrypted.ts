import type { ResourceRule } from '../../engine/types';
import { pass, unknown } from '../helpers';
import { ENC, expectCmkCfg, expectBoolCfg } from './_shared';

export const rdsSnapshotEncrypted: ResourceRule = {
  id: 'ENC-04d',
  control: 'ENC-04',
  title: 'RDS snapshot copies use a customer-managed key and snapshots come from encrypted databases',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_snapshot_copy', 'aws_db_snapshot', 'aws_db_cluster_snapshot'],
  scope: 'resource',
  rationale:
    'A snapshot is a full copy of the PHI database. A copy without kms_key_id keeps the source key (or none); cross-region and cross-account copies need a CMK the destination controls. A manual snapshot is encrypted only if its source database is.',
  remediation: 'Set kms_key_id on aws_db_snapshot_copy to a customer-managed key; encrypt the source instance or cluster (ENC-04a/b) before taking manual snapshots.',
  construct: 'HipaaDatabase',
  anchors: { awsConfig: ['rds-snapshot-encrypted'], checkov: ['CKV_AWS_266', 'CKV_AWS_146'] },
  check(snap, ctx) {
    if (snap.type === 'aws_db_snapshot_copy') return expectCmkCfg(ctx, snap, 'kms_key_id', 'the copy is not re-encrypted under a customer-managed key');
    const path = snap.type === 'aws_db_snapshot' ? 'db_instance_identifier' : 'db_cluster_identifier';
    const srcType = snap.type === 'aws_db_snapshot' ? 'aws_db_instance' : 'aws_rds_cluster';
    const src = ctx.graph.deref(snap, path).resources.find((r) => r.type === srcType);
    if (!src) return unknown(`the source database (${path}) is not in these inputs, so the snapshot's encryption cannot be verified`);
    const v = expectBoolCfg(src, 'storage_encrypted', true, false, `the snapshot of ${src.address} is unencrypted`);
    return v.status === 'pass' ? pass(`source ${src.address} is storage-encrypted`, v.evidence) : { ...v, message: `${src.address}: ${v.message}` };
  },
  examples: {
    pass: [
      { description: 'passes when a snapshot copy names a CMK', resources: { 'aws_db_snapshot_copy.c': { source_db_snapshot_identifier: 'arn:aws:rds:us-east-1:111122223333:snapshot:s', target_db_snapshot_identifier: 'c', kms_key_id: 'arn:aws:kms:us-west-2:111122223333:key/abc' } } },
      { description: 'passes when a manual snapshot is of an encrypted instance (joined by reference)', resources: { 'aws_db_instance.db': { identifier: 'phi', storage_encrypted: true }, 'aws_db_snapshot.s': { db_instance_identifier: '${aws_db_instance.db.identifier}', db_snapshot_identifier: 's' } }, target: 'aws_db_snapshot.s' },
    ],
    fail: [
      { description: 'fails when a snapshot copy has no kms_key_id', resources: { 'aws_db_snapshot_copy.c': { source_db_snapshot_identifier: 'arn:aws:rds:us-east-1:111122223333:snapshot:s', target_db_snapshot_identifier: 'c' } } },
      { description: 'fails when a cluster snapshot is of an unencrypted cluster (joined by literal name)', resources: { 'aws_rds_cluster.c': { cluster_identifier: 'phi', engine: 'aurora-mysql' }, 'aws_db_cluster_snapshot.s': { db_cluster_identifier: 'phi', db_cluster_snapshot_identifier: 's' } }, target: 'aws_db_cluster_snapshot.s' },
    ],
    unknown: [{ description: 'is unknown when the source instance is not in the inputs', resources: { 'aws_db_snapshot.s': { db_instance_identifier: 'elsewhere', db_snapshot_identifier: 's' } } }],
  },
};
