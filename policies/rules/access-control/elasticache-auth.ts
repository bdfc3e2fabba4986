import { attr, list } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

export const elasticacheAuth: ResourceRule = {
  id: 'ACC-29',
  control: 'ACC-29',
  title: 'ElastiCache replication groups authenticate clients (AUTH token or RBAC user groups)',
  strategy: 2,
  citations: ['164.312(d)', '164.312(a)(1)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(d) person or entity authentication: without an AUTH token or RBAC user groups Redis/Valkey serves cached ePHI to any host that reaches its port, unauthenticated' },
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Redis and Valkey accept every connection unless an AUTH token or RBAC user groups are set; security groups limit which hosts reach the port, not who they are.',
  remediation: 'Set auth_token (from a secret, with transit_encryption_enabled = true) or user_group_ids on the aws_elasticache_replication_group.',
  anchors: { checkov: ['CKV_AWS_31'] },
  check(rg) {
    const token = attr(rg, 'auth_token');
    if (token.state === 'known' || token.state === 'sensitive') return pass('an AUTH token is set');
    const groups = attr(rg, 'user_group_ids');
    if ((list(groups)?.length ?? 0) > 0) return pass('RBAC user groups are set', ev('user_group_ids', groups));
    if (token.state === 'unknown') return unknown(unknownMessage('auth_token'));
    if (groups.state === 'unknown') return unknown(unknownMessage('user_group_ids'), ev('user_group_ids', groups));
    return fail('neither auth_token nor user_group_ids is set; clients are not authenticated', ev('user_group_ids', groups));
  },
  examples: {
    pass: [
      { description: 'passes with an AUTH token', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, auth_token: 'example-only-token-0123456789' } } },
      { description: 'passes with an RBAC user group', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, user_group_ids: ['phi-users'] } } },
    ],
    fail: [
      { description: 'fails when neither auth_token nor user_group_ids is set', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true } } },
      { description: 'fails with an empty user_group_ids and no token', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', user_group_ids: [] } } },
    ],
    unknown: [
      { description: 'is unknown when user_group_ids is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', user_group_ids: ['u'] } }, unknown: { 'aws_elasticache_replication_group.r': ['user_group_ids'] } },
      { description: 'is unknown when auth_token is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', auth_token: 'example-only-token-0123456789' } }, unknown: { 'aws_elasticache_replication_group.r': ['auth_token'] } },
    ],
  },
};
