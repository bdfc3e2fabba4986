import type { ResourceRule } from '../../engine/types';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const rdsClusterDeletionProtection: ResourceRule = {
  id: 'BAK-05b',
  control: 'BAK-05',
  title: 'Aurora / RDS clusters have deletion protection enabled',
  strategy: 6,
  citations: AVL,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale: 'Deleting a cluster removes its volume and, unless retained, its automated backups. Deletion protection (off by default) makes the delete fail until it is turned off deliberately.',
  remediation: 'Set deletion_protection = true on the aws_rds_cluster, or use the phikit HipaaAuroraCluster construct.',
  construct: 'HipaaAuroraCluster',
  anchors: { cdkNag: ['HIPAA.Security-RDSInstanceDeletionProtectionEnabled'], awsConfig: ['rds-cluster-deletion-protection-enabled'], checkov: ['CKV_AWS_139'] },
  check(cluster) {
    return expectBoolCfg(cluster, 'deletion_protection', true, false, 'the cluster can be deleted by a single API call');
  },
  examples: {
    pass: [
      { description: 'passes for a Multi-AZ DB cluster with deletion_protection = true', resources: { 'aws_rds_cluster.c': { engine: 'postgres', db_cluster_instance_class: 'db.m6gd.large', deletion_protection: true } } },
      { description: 'passes with deletion_protection = true', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', deletion_protection: true } } }],
    fail: [
      { description: 'fails when deletion_protection is not set (provider default false)', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql' } } },
      { description: 'fails when deletion_protection is false', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', deletion_protection: false } } },
    ],
    unknown: [{ description: 'is unknown when deletion_protection is known only after apply', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', deletion_protection: true } }, unknown: { 'aws_rds_cluster.c': ['deletion_protection'] } }],
  },
};
