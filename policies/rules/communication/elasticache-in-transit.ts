import { attr, list } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, expectBool, fail, pass } from '../helpers';

export const elasticacheInTransit: ResourceRule = {
  id: 'COM-12',
  control: 'COM-12',
  title: 'ElastiCache replication groups encrypt in transit and authenticate clients (AUTH token or RBAC)',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)', '164.312(d)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Cached PHI (sessions, query results) crosses the VPC between clients and nodes; without transit encryption it is readable on the wire, and without AUTH or RBAC any host that reaches the port can read it.',
  remediation: 'Set transit_encryption_enabled = true and either auth_token or user_group_ids on the aws_elasticache_replication_group.',
  anchors: { checkov: ['CKV_AWS_30', 'CKV_AWS_31'] },
  check(rg) {
    const tls = expectBool(rg, 'transit_encryption_enabled', true, false, 'traffic to the cache is not encrypted');
    if (tls.status !== 'pass') return tls;
    const token = attr(rg, 'auth_token');
    const groups = attr(rg, 'user_group_ids');
    if (token.state !== 'absent') return pass('transit encryption is on and an AUTH token is set');
    if (groups.state === 'unknown' || (list(groups)?.length ?? 0) > 0) return pass('transit encryption is on and RBAC user groups are set', ev('user_group_ids', groups));
    return fail('neither auth_token nor user_group_ids is set; clients are not authenticated', ev('user_group_ids', groups));
  },
  examples: {
    pass: [
      { description: 'passes with transit encryption and an RBAC user group', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, user_group_ids: ['phi-users'] } } },
    ],
    fail: [
      { description: 'fails when transit_encryption_enabled is not set (default false)', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi' } } },
      { description: 'fails when neither auth_token nor user_group_ids is set', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true } } },
    ],
    unknown: [
      { description: 'is unknown when transit_encryption_enabled is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, user_group_ids: ['u'] } }, unknown: { 'aws_elasticache_replication_group.r': ['transit_encryption_enabled'] } },
    ],
  },
};
