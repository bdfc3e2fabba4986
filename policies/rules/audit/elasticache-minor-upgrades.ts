import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const elasticacheMinorUpgrades: ResourceRule = {
  id: 'AUD-15b',
  control: 'AUD-15',
  title: 'ElastiCache clusters apply minor engine upgrades automatically',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_elasticache_cluster', 'aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Cache nodes often hold PHI-bearing session data; automatic minor upgrades keep their engine patched without a manual change window.',
  remediation: 'Leave auto_minor_version_upgrade at its default (true) or set it to true.',
  anchors: { checkov: ['CKV_AWS_322'] },
  check(c) {
    return expectBool(c, 'auto_minor_version_upgrade', true, true, 'engine patches are not applied automatically');
  },
  examples: {
    pass: [{ description: 'passes when auto_minor_version_upgrade is not set (provider default true)', resources: { 'aws_elasticache_cluster.c': { cluster_id: 'c', engine: 'redis', node_type: 'cache.t3.micro' } } }],
    fail: [{ description: 'fails when auto_minor_version_upgrade is false', resources: { 'aws_elasticache_cluster.c': { cluster_id: 'c', engine: 'redis', node_type: 'cache.t3.micro', auto_minor_version_upgrade: false } } }],
    unknown: [
      { description: 'is unknown when auto_minor_version_upgrade is known only after apply', resources: { 'aws_elasticache_cluster.c': { cluster_id: 'c', engine: 'redis', auto_minor_version_upgrade: true } }, unknown: { 'aws_elasticache_cluster.c': ['auto_minor_version_upgrade'] } },
    ],
  },
};
