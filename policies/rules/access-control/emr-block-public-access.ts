import { attr, bool } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

export const emrBlockPublicAccess: GraphRule = {
  id: 'ACC-27b',
  control: 'ACC-27',
  title: 'EMR block public access is on for the account (where EMR is used)',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_emr_block_public_access_configuration', 'aws_emr_cluster'],
  scope: 'account',
  rationale: 'Block public access refuses to launch clusters whose security groups allow inbound traffic from anywhere; without it one permissive group exposes the cluster and the PHI it processes.',
  remediation: 'Declare aws_emr_block_public_access_configuration with block_public_security_group_rules = true (permitting at most port 22 ranges you need).',
  anchors: { checkov: ['CKV_AWS_390'] },
  check(ctx) {
    const confs = ctx.graph.ofType('aws_emr_block_public_access_configuration');
    if (!confs.length) {
      const clusters = ctx.graph.ofType('aws_emr_cluster');
      return clusters.length ? [unknown('EMR clusters are declared but no aws_emr_block_public_access_configuration; the account setting cannot be verified from these inputs', ev('aws_emr_block_public_access_configuration', { state: 'absent' }))] : [];
    }
    return confs.map((c): Verdict => {
      const a = attr(c, 'block_public_security_group_rules');
      if (a.state === 'unknown') return unknown(unknownMessage('block_public_security_group_rules'), ev('block_public_security_group_rules', a), c);
      return bool(a) === true ? pass('block_public_security_group_rules is true', ev('block_public_security_group_rules', a), c) : fail('block_public_security_group_rules is false', ev('block_public_security_group_rules', a), c);
    });
  },
  examples: {
    pass: [{ description: 'passes when block_public_security_group_rules is true', resources: { 'aws_emr_block_public_access_configuration.b': { block_public_security_group_rules: true } } }],
    fail: [{ description: 'fails when block_public_security_group_rules is false', resources: { 'aws_emr_block_public_access_configuration.b': { block_public_security_group_rules: false } } }],
    unknown: [{ description: 'is unknown when a cluster exists but the account setting is not declared', resources: { 'aws_emr_cluster.c': { name: 'c', service_role: 'r' } } }],
  },
};
