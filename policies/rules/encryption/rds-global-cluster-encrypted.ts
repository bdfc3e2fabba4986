import type { ResourceRule } from '../../engine/types';
import { pass, unknown } from '../helpers';
import { ENC, expectBoolCfg } from './_shared';

export const rdsGlobalClusterEncrypted: ResourceRule = {
  id: 'ENC-04e',
  control: 'ENC-04',
  title: 'Aurora global clusters are storage-encrypted',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_rds_global_cluster'],
  scope: 'resource',
  rationale:
    'A global cluster replicates PHI to secondary regions; storage_encrypted on the global cluster (false by default when it is created empty) makes every regional member encrypt its volume. Each member cluster names its own regional CMK (ENC-04b).',
  remediation: 'Set storage_encrypted = true on the aws_rds_global_cluster (or create it from an encrypted source_db_cluster_identifier).',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSStorageEncrypted'], awsConfig: ['rds-storage-encrypted'], checkov: ['CKV_AWS_140'] },
  check(g, ctx) {
    const source = ctx.graph.deref(g, 'source_db_cluster_identifier');
    const src = source.resources.find((r) => r.type === 'aws_rds_cluster');
    const fromSource = src && expectBoolCfg(src, 'storage_encrypted', true, false, '');
    if (fromSource?.status === 'pass') return pass(`created from ${src!.address}, which is storage-encrypted`);
    const own = expectBoolCfg(g, 'storage_encrypted', true, false, 'members of the global cluster are created unencrypted');
    if (own.status === 'fail' && fromSource?.status === 'unknown') return unknown(`${src!.address}: ${fromSource.message} (the global cluster takes its encryption from it)`, fromSource.evidence);
    return own;
  },
  examples: {
    pass: [
      { description: 'passes with storage_encrypted = true', resources: { 'aws_rds_global_cluster.g': { global_cluster_identifier: 'phi', engine: 'aurora-postgresql', storage_encrypted: true } } },
      {
        description: 'passes when created from an encrypted source cluster',
        resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }, 'aws_rds_global_cluster.g': { global_cluster_identifier: 'phi', source_db_cluster_identifier: '${aws_rds_cluster.c.arn}' } },
        target: 'aws_rds_global_cluster.g',
      },
    ],
    fail: [{ description: 'fails when storage_encrypted is not set', resources: { 'aws_rds_global_cluster.g': { global_cluster_identifier: 'phi', engine: 'aurora-postgresql' } } }],
    unknown: [{ description: 'is unknown when storage_encrypted is known only after apply', resources: { 'aws_rds_global_cluster.g': { global_cluster_identifier: 'phi', storage_encrypted: true } }, unknown: { 'aws_rds_global_cluster.g': ['storage_encrypted'] } }],
  },
};
