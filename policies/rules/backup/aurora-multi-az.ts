import { attr, isSet, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { evv, fail, notApplicable, pass, unknown } from '../helpers';
import { AVL } from './_shared';
import { cfgAttr } from '../helpers';

const CLUSTER = { cluster_identifier: 'phi', engine: 'aurora-postgresql' };
const member = (az?: string) => ({ cluster_identifier: '${aws_rds_cluster.c.id}', instance_class: 'db.r6g.large', engine: 'aurora-postgresql', ...(az ? { availability_zone: az } : {}) });

export const auroraMultiAz: ResourceRule = {
  id: 'BAK-06b',
  control: 'BAK-06',
  title: 'Aurora clusters have at least two instances in at least two Availability Zones',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale: 'An Aurora cluster with one instance has no failover target: an instance or AZ failure stops the database until a new instance is created. A reader in a second AZ is promoted in about a minute.',
  remediation: 'Declare at least two aws_rds_cluster_instance members for the cluster, in different availability zones (or leave availability_zone unset so RDS spreads them), or use the phikit HipaaAuroraCluster construct.',
  construct: 'HipaaAuroraCluster',
  anchors: { awsConfig: ['rds-cluster-multi-az-enabled'] },
  check(cluster, ctx) {
    if (str(attr(cluster, 'engine_mode')) === 'serverless') return notApplicable('Aurora Serverless v1 cluster (no instances)');
    // Multi-AZ DB clusters (non-Aurora) always run a writer and two readers in three AZs.
    if (isSet(attr(cluster, 'db_cluster_instance_class'))) return pass('Multi-AZ DB cluster (writer and two readers in three AZs)');
    const members = ctx.graph.related(cluster, 'aws_rds_cluster_instance', 'cluster_identifier');
    if (members.length < 2) return fail(`the cluster has ${members.length} aws_rds_cluster_instance member(s); at least two are needed for failover`, evv('aws_rds_cluster_instance', members.length));
    const azs = members.map((m) => cfgAttr(m, 'availability_zone'));
    if (azs.some((a) => a.state === 'unknown' || a.state === 'sensitive')) return unknown('an instance availability_zone is known only after apply');
    const explicit = new Set(azs.filter((a) => a.state === 'known').map((a) => String((a as { value: unknown }).value)));
    if (explicit.size === 1 && azs.every((a) => a.state === 'known')) return fail(`all ${members.length} instances are pinned to ${[...explicit][0]}`, evv('availability_zone', [...explicit][0]));
    return pass(`${members.length} instances${explicit.size ? ` across ${explicit.size} pinned AZ(s)` : ' placed by RDS across AZs'}`);
  },
  examples: {
    pass: [
      { description: 'passes with two members in different AZs (joined by reference)', resources: { 'aws_rds_cluster.c': CLUSTER, 'aws_rds_cluster_instance.a': member('us-east-1a'), 'aws_rds_cluster_instance.b': member('us-east-1b') }, target: 'aws_rds_cluster.c' },
      { description: 'passes with two members joined by literal cluster name and no pinned AZ', resources: { 'aws_rds_cluster.c': CLUSTER, 'aws_rds_cluster_instance.a': { ...member(), cluster_identifier: 'phi' }, 'aws_rds_cluster_instance.b': { ...member(), cluster_identifier: 'phi' } }, target: 'aws_rds_cluster.c' },
    ],
    fail: [
      { description: 'fails with a single member instance', resources: { 'aws_rds_cluster.c': CLUSTER, 'aws_rds_cluster_instance.a': member('us-east-1a') }, target: 'aws_rds_cluster.c' },
      { description: 'fails when both members are pinned to the same AZ', resources: { 'aws_rds_cluster.c': CLUSTER, 'aws_rds_cluster_instance.a': member('us-east-1a'), 'aws_rds_cluster_instance.b': member('us-east-1a') }, target: 'aws_rds_cluster.c' },
    ],
    unknown: [{ description: 'is unknown when a member availability_zone is known only after apply', resources: { 'aws_rds_cluster.c': CLUSTER, 'aws_rds_cluster_instance.a': member('us-east-1a'), 'aws_rds_cluster_instance.b': member('us-east-1b') }, unknown: { 'aws_rds_cluster_instance.b': ['availability_zone'] }, target: 'aws_rds_cluster.c' }],
  },
};
