import type { ResourceRule } from '../../engine/types';
import { combine } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

const RG = { replication_group_id: 'phi', description: 'cache', num_cache_clusters: 2 };

export const elasticacheFailover: ResourceRule = {
  id: 'BAK-11b',
  control: 'BAK-11',
  title: 'ElastiCache replication groups have automatic failover and Multi-AZ enabled',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Without automatic failover a primary-node failure needs manual promotion; without Multi-AZ the replicas may share the primary’s Availability Zone. Both are off by default.',
  remediation: 'Set automatic_failover_enabled = true and multi_az_enabled = true (with at least two cache clusters) on the replication group.',
  anchors: { checkov: ['CKV2_AWS_50'] },
  check(rg) {
    return combine(
      [
        expectBoolCfg(rg, 'automatic_failover_enabled', true, false, 'a primary failure needs manual recovery'),
        expectBoolCfg(rg, 'multi_az_enabled', true, false, 'replicas may sit in the primary’s Availability Zone'),
      ],
      'automatic failover and Multi-AZ are on',
    );
  },
  examples: {
    pass: [{ description: 'passes with automatic failover and Multi-AZ on', resources: { 'aws_elasticache_replication_group.r': { ...RG, automatic_failover_enabled: true, multi_az_enabled: true } } }],
    fail: [
      { description: 'fails when automatic_failover_enabled is not set', resources: { 'aws_elasticache_replication_group.r': { ...RG, multi_az_enabled: true } } },
      { description: 'fails when multi_az_enabled is false', resources: { 'aws_elasticache_replication_group.r': { ...RG, automatic_failover_enabled: true, multi_az_enabled: false } } },
    ],
    unknown: [{ description: 'is unknown when multi_az_enabled is known only after apply', resources: { 'aws_elasticache_replication_group.r': { ...RG, automatic_failover_enabled: true, multi_az_enabled: true } }, unknown: { 'aws_elasticache_replication_group.r': ['multi_az_enabled'] } }],
  },
};
