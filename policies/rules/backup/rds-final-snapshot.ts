import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { expectSet, notApplicable } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const rdsFinalSnapshot: ResourceRule = {
  id: 'BAK-05c',
  control: 'BAK-05',
  title: 'RDS instances and clusters take a final snapshot when deleted',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale: 'With skip_final_snapshot = true a destroy removes the database with no snapshot to restore from; automated backups are deleted with it by default. The final snapshot is the last line of recovery after an accidental destroy.',
  remediation: 'Leave skip_final_snapshot false (the default) and set final_snapshot_identifier, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  check(db) {
    if (db.type === 'aws_db_instance' && /^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: snapshots are taken of the cluster');
    const skip = expectBoolCfg(db, 'skip_final_snapshot', false, false, 'deleting the database leaves no snapshot');
    if (skip.status !== 'pass') return skip;
    return expectSet(db, 'final_snapshot_identifier', 'with skip_final_snapshot false Terraform cannot delete the database without a final snapshot name, and operators then flip skip_final_snapshot to get past it');
  },
  examples: {
    pass: [{ description: 'passes with final_snapshot_identifier set and skip_final_snapshot not set', resources: { 'aws_db_instance.db': { engine: 'postgres', final_snapshot_identifier: 'phi-final' } } }],
    fail: [
      { description: 'fails when skip_final_snapshot is true', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', skip_final_snapshot: true } } },
      { description: 'fails when final_snapshot_identifier is not set', resources: { 'aws_db_instance.db': { engine: 'postgres' } } },
    ],
    unknown: [{ description: 'is unknown when skip_final_snapshot is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', skip_final_snapshot: false, final_snapshot_identifier: 'f' } }, unknown: { 'aws_db_instance.db': ['skip_final_snapshot'] } }],
  },
};
