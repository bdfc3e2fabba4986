import { attr, list } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

export const snapshotsNotPublic: ResourceRule = {
  id: 'ACC-14d',
  control: 'ACC-14',
  title: 'Database and EBS snapshots are not shared with all AWS accounts',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_db_snapshot', 'aws_db_cluster_snapshot', 'aws_db_snapshot_copy', 'aws_snapshot_create_volume_permission'],
  scope: 'resource',
  rationale: 'A snapshot shared with "all" can be restored by any AWS customer: a complete copy of the PHI database or volume.',
  remediation: 'Remove "all" from shared_accounts; share with named accounts only, and encrypt snapshots with a customer-managed key (which also blocks public sharing).',
  anchors: { awsConfig: ['rds-snapshots-public-prohibited', 'ebs-snapshot-public-restorable-check'], checkov: ['CKV_AWS_302'] },
  check(s) {
    const path = s.type === 'aws_snapshot_create_volume_permission' ? 'account_id' : 'shared_accounts';
    const a = attr(s, path);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(path), ev(path, a));
    const accounts = (list(a) ?? []).map(String);
    return accounts.some((x) => x.toLowerCase() === 'all') ? fail(`${path} includes "all": the snapshot is public`, ev(path, a)) : pass(accounts.length ? `shared with ${accounts.length} named account(s) only` : 'not shared', ev(path, a));
  },
  examples: {
    pass: [
      { description: 'passes when a DB snapshot is shared with one named account', resources: { 'aws_db_snapshot.s': { db_instance_identifier: 'db', db_snapshot_identifier: 's', shared_accounts: ['111122223333'] } } },
      { description: 'passes when a DB snapshot is not shared', resources: { 'aws_db_snapshot.s': { db_instance_identifier: 'db', db_snapshot_identifier: 's' } } },
    ],
    fail: [
      { description: 'fails when shared_accounts includes "all"', resources: { 'aws_db_snapshot.s': { db_instance_identifier: 'db', db_snapshot_identifier: 's', shared_accounts: ['all'] } } },
      { description: 'fails when a cluster snapshot is shared with "all"', resources: { 'aws_db_cluster_snapshot.s': { db_cluster_identifier: 'c', db_cluster_snapshot_identifier: 's', shared_accounts: ['all'] } } },
    ],
    unknown: [{ description: 'is unknown when shared_accounts is known only after apply', resources: { 'aws_db_snapshot.s': { db_instance_identifier: 'db', db_snapshot_identifier: 's', shared_accounts: ['1'] } }, unknown: { 'aws_db_snapshot.s': ['shared_accounts'] } }],
  },
};
