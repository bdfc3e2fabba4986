import { isTrue, simpleRule } from '../simple';

export const elasticacheTransitEncryption = simpleRule({
  id: 'COM-12',
  control: 'COM-12',
  title: "ElastiCache replication groups encrypt data in transit",
  strategy: 5,
  citations: ["164.312(e)(1)", "164.312(e)(2)(ii)", "164.312(d)"],
  severity: 'medium',
  rationale: "Caches often hold PHI fragments; in-transit encryption (with AUTH or RBAC) protects them between clients and nodes.",
  remediation: "Set transit_encryption_enabled = true (and auth_token or user_group_ids) on the aws_elasticache_replication_group.",
  anchors: {"checkov": ["CKV_AWS_30", "CKV_AWS_31"]},
  type: 'aws_elasticache_replication_group',
  base: {"replication_group_id": "cache", "description": "cache"},
  path: 'transit_encryption_enabled',
  ok: isTrue,
  providerDefault: false,
  want: "cache traffic is not encrypted",
  good: true,
  bad: false,
});
