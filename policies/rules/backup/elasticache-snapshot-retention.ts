import { attr, isSet, num, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { BKP } from './_shared';
import { cfgAttr } from '../helpers';

const PATH = 'snapshot_retention_limit';
const MIN = 15;

export const elasticacheSnapshotRetention: ResourceRule = {
  id: 'BAK-11a',
  control: 'BAK-11',
  title: `ElastiCache Redis/Valkey clusters keep automatic snapshots for at least ${MIN} days`,
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_elasticache_replication_group', 'aws_elasticache_cluster'],
  scope: 'resource',
  rationale: `A cache used as a data store (sessions, queues, patient context) loses everything on a node failure without snapshots; snapshot_retention_limit is 0 (off) by default. ${MIN} days is the AWS Config rule default.`,
  remediation: `Set snapshot_retention_limit to at least ${MIN} (and a snapshot_window) on the replication group.`,
  anchors: { cdkNag: ['HIPAA.Security-ElastiCacheRedisClusterAutomaticBackup'], awsConfig: ['elasticache-redis-cluster-automatic-backup-check'], checkov: ['CKV_AWS_134'] },
  check(res) {
    if (res.type === 'aws_elasticache_cluster') {
      if (isSet(attr(res, 'replication_group_id'))) return notApplicable('member of a replication group (checked there)');
      if ((str(attr(res, 'engine')) ?? '') === 'memcached') return notApplicable('Memcached has no snapshots');
    }
    const a = cfgAttr(res, PATH);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(PATH, a));
    const days = a.state === 'absent' ? 0 : num(a);
    if (days === undefined) return fail(`${PATH} is not a number`, ev(PATH, a));
    return days >= MIN ? pass(`${PATH} is ${days}`, ev(PATH, a)) : fail(`${PATH} is ${days}${a.state === 'absent' ? ' (provider default, not set)' : ''}; keep snapshots at least ${MIN} days`, ev(PATH, a));
  },
  examples: {
    pass: [{ description: `passes with ${PATH} = 15`, resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', snapshot_retention_limit: 15 } } }],
    fail: [
      { description: `fails when ${PATH} is not set (0)`, resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache' } } },
      { description: `fails when a Redis cluster keeps snapshots 5 days`, resources: { 'aws_elasticache_cluster.c': { cluster_id: 'c', engine: 'redis', snapshot_retention_limit: 5 } } },
    ],
    unknown: [{ description: `is unknown when ${PATH} is known only after apply`, resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', snapshot_retention_limit: 15 } }, unknown: { 'aws_elasticache_replication_group.r': [PATH] } }],
  },
};
