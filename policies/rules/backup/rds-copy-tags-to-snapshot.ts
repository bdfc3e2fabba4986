import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const rdsCopyTagsToSnapshot: ResourceRule = {
  id: 'BAK-05d',
  control: 'BAK-05',
  title: 'RDS instances and clusters copy tags to snapshots',
  strategy: 6,
  citations: AVL,
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale: 'Snapshots without the source’s tags lose their data classification: tag-based backup selections, access policies and PHI inventories then miss them.',
  remediation: 'Set copy_tags_to_snapshot = true, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV2_AWS_60', 'CKV_AWS_313'] },
  check(db) {
    if (db.type === 'aws_db_instance' && /^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: snapshots are taken of the cluster');
    return expectBoolCfg(db, 'copy_tags_to_snapshot', true, false, 'snapshots lose the data-classification tags');
  },
  examples: {
    pass: [{ description: 'passes with copy_tags_to_snapshot = true', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', copy_tags_to_snapshot: true } } }],
    fail: [
      { description: 'fails when a cluster sets copy_tags_to_snapshot = false', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', copy_tags_to_snapshot: false } } },
      { description: 'fails when copy_tags_to_snapshot is not set (provider default false)', resources: { 'aws_db_instance.db': { engine: 'postgres' } } }],
    unknown: [{ description: 'is unknown when copy_tags_to_snapshot is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', copy_tags_to_snapshot: true } }, unknown: { 'aws_db_instance.db': ['copy_tags_to_snapshot'] } }],
  },
};
