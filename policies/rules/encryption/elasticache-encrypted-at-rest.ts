import type { ResourceRule } from '../../engine/types';
import { ENC, encryptedWithCmk } from './_shared';

export const elasticacheEncryptedAtRest: ResourceRule = {
  id: 'ENC-15a',
  control: 'ENC-15',
  title: 'ElastiCache replication groups are encrypted at rest with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(2)(iv) encryption and decryption of ePHI at rest' },
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Caches hold session data and hot copies of patient records, and their snapshots land on disk. at_rest_encryption_enabled is off by default and fixed at creation; kms_key_id names the CMK.',
  remediation: 'Set at_rest_encryption_enabled = true and kms_key_id to a customer-managed key on the replication group.',
  anchors: { checkov: ['CKV_AWS_29', 'CKV_AWS_191'] },
  check(rg, ctx) {
    return encryptedWithCmk(ctx, rg, {
      enabled: { path: 'at_rest_encryption_enabled', providerDefault: false, what: 'cache data and snapshots are not encrypted at rest' },
      key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it ElastiCache uses a service key)' },
    });
  },
  examples: {
    pass: [{ description: 'passes with at-rest encryption and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_elasticache_replication_group.r' }],
    fail: [
      { description: 'fails when at_rest_encryption_enabled is not set', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache' } } },
      { description: 'fails when at-rest encryption has no kms_key_id', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true } } },
    ],
    unknown: [{ description: 'is unknown when at_rest_encryption_enabled is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_elasticache_replication_group.r': ['at_rest_encryption_enabled'] } }],
  },
};
