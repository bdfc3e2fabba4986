import type { ResourceRule } from '../../engine/types';
import { ENC, encryptedAtRest } from './_shared';

/** What encrypts an ElastiCache replication group at rest: shared by ENC-15a (encrypted) and ENC-15h (with a CMK). */
export const ELASTICACHE_AT_REST = {
  enabled: { path: 'at_rest_encryption_enabled', providerDefault: false, what: 'cache data and snapshots are not encrypted at rest' },
  key: { path: 'kms_key_id', what: 'set kms_key_id to a customer-managed key (without it ElastiCache uses a service key)' },
} as const;

export const elasticacheEncryptedAtRest: ResourceRule = {
  id: 'ENC-15a',
  control: 'ENC-15',
  title: 'ElastiCache replication groups are encrypted at rest',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(2)(iv) encryption and decryption of ePHI at rest' },
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Caches hold session data and hot copies of patient records, and their snapshots land on disk. at_rest_encryption_enabled is off by default and fixed at creation. The key (service-managed or customer-managed) is ENC-15h.',
  remediation: 'Set at_rest_encryption_enabled = true on the replication group (with kms_key_id naming a customer-managed key, ENC-15h).',
  anchors: { checkov: ['CKV_AWS_29', 'CKV_AWS_191'] },
  check(rg) {
    return encryptedAtRest(rg, ELASTICACHE_AT_REST.enabled, 'cache data and snapshots are encrypted at rest');
  },
  examples: {
    pass: [
      { description: 'passes with at-rest encryption and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_elasticache_replication_group.r' },
      { description: 'passes with at-rest encryption and the service key (the key is ENC-15h)', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true } } },
    ],
    fail: [
      { description: 'fails when at_rest_encryption_enabled is not set', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache' } } },
      { description: 'fails when at_rest_encryption_enabled is false', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: false } } },
    ],
    unknown: [{ description: 'is unknown when at_rest_encryption_enabled is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'phi', description: 'cache', at_rest_encryption_enabled: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_elasticache_replication_group.r': ['at_rest_encryption_enabled'] } }],
  },
};
