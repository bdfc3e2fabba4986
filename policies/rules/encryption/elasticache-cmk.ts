import type { ResourceRule } from '../../engine/types';

import { ENC, cmkWhenEncrypted } from './_shared';
import { ELASTICACHE_AT_REST } from './elasticache-encrypted-at-rest';

export const elasticacheCmk: ResourceRule = {
  id: 'ENC-15h',
  control: 'ENC-15',
  title: 'At-rest encrypted ElastiCache replication groups use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: '164.312(a)(2)(iv) asks for encryption at rest (ENC-15a), which the service key gives; a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'A customer-managed key puts the cache’s snapshots and backups under a key policy the covered entity controls, with every use in CloudTrail.',
  remediation: 'Set kms_key_id on the replication group to a customer-managed key (fixed at creation).',
  anchors: { checkov: ['CKV_AWS_191'] },
  check(res, ctx) {
    return cmkWhenEncrypted(ctx, res, ELASTICACHE_AT_REST, 'ENC-15a');
  },
  examples: {
    pass: [
      { description: 'passes with at-rest encryption and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_elasticache_replication_group.r' },
    ],
    fail: [
      { description: 'fails when at-rest encryption has no kms_key_id', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true } } },
    ],
  },
};
