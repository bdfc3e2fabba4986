import { attr, str, undecided } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { cfgAttr, ev, expectBool, fail, pass, unknown, unknownMessage } from '../helpers';

export const elasticacheInTransit: ResourceRule = {
  id: 'COM-12',
  control: 'COM-12',
  title: 'ElastiCache replication groups encrypt in transit',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security and 164.312(e)(2)(ii) encryption: cached ePHI crosses the network between clients and nodes; without transit encryption it is readable on the wire' },
  resourceTypes: ['aws_elasticache_replication_group'],
  scope: 'resource',
  rationale: 'Cached PHI (sessions, query results) crosses the VPC between clients and nodes; without transit encryption it is readable on the wire. Client authentication (AUTH token or RBAC) is ACC-29.',
  remediation: 'Set transit_encryption_enabled = true on the aws_elasticache_replication_group (and transit_encryption_mode = "required" once clients use TLS).',
  anchors: { checkov: ['CKV_AWS_30'] },
  check(rg) {
    const tls = expectBool(rg, 'transit_encryption_enabled', true, false, 'traffic to the cache is not encrypted');
    if (tls.status !== 'pass') return tls;
    // Left out of the configuration, AWS creates the group in required mode.
    const mode = cfgAttr(rg, 'transit_encryption_mode');
    if (undecided(mode)) return unknown(unknownMessage('transit_encryption_mode'), ev('transit_encryption_mode', mode));
    if (str(mode) === 'preferred') return fail('transit_encryption_mode is preferred: clients may still connect without TLS', ev('transit_encryption_mode', mode));
    return pass('transit encryption is on', ev('transit_encryption_enabled', attr(rg, 'transit_encryption_enabled')));
  },
  examples: {
    pass: [
      { description: 'passes with transit encryption on', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, user_group_ids: ['phi-users'] } } },
      { description: 'passes with transit encryption on in required mode and no client authentication (ACC-29 judges that)', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, transit_encryption_mode: 'required' } } },
    ],
    fail: [
      { description: 'fails when transit_encryption_enabled is not set (default false)', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi' } } },
      { description: 'fails when transit_encryption_enabled is false', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: false } } },
      { description: 'fails when transit_encryption_mode is preferred (plaintext clients still accepted)', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, transit_encryption_mode: 'preferred' } } },
    ],
    unknown: [
      { description: 'is unknown when transit_encryption_mode is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, transit_encryption_mode: 'required' } }, unknown: { 'aws_elasticache_replication_group.r': ['transit_encryption_mode'] } },
      { description: 'is unknown when transit_encryption_enabled is known only after apply', resources: { 'aws_elasticache_replication_group.r': { replication_group_id: 'r', description: 'phi', transit_encryption_enabled: true, user_group_ids: ['u'] } }, unknown: { 'aws_elasticache_replication_group.r': ['transit_encryption_enabled'] } },
    ],
  },
};
