import type { ResourceRule } from '../../engine/types';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const CLUSTER = { cluster_identifier: 'phi-aurora', engine: 'aurora-postgresql' };

export const rdsClusterInBackupPlan: ResourceRule = {
  id: 'BAK-03b',
  control: 'BAK-03',
  title: 'Aurora / RDS clusters are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_rds_cluster'],
  scope: 'resource',
  rationale: 'Cluster backups are continuous but bounded by the cluster’s retention and account. An AWS Backup plan keeps independent, lockable recovery points that survive cluster deletion.',
  remediation: 'Select the cluster in an aws_backup_selection (by ARN reference, literal ARN or tag), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-RDSInBackupPlan'], awsConfig: ['aurora-resources-protected-by-backup-plan', 'rds-in-backup-plan'], checkov: ['CKV2_AWS_8'] },
  check(cluster, ctx) {
    return coverageVerdict(ctx, cluster);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the cluster ARN by reference', resources: { ...PLAN, 'aws_rds_cluster.c': CLUSTER, 'aws_backup_selection.s': selection({ resources: ['${aws_rds_cluster.c.arn}'] }) }, target: 'aws_rds_cluster.c' },
      { description: 'passes when a wildcard ARN selects every cluster', resources: { ...PLAN, 'aws_rds_cluster.c': CLUSTER, 'aws_backup_selection.s': selection({ resources: ['arn:aws:rds:*:*:cluster:*'] }) }, target: 'aws_rds_cluster.c' },
    ],
    fail: [
      { description: 'fails when the only selection names another cluster', resources: { ...PLAN, 'aws_rds_cluster.c': CLUSTER, 'aws_backup_selection.s': selection({ resources: ['arn:aws:rds:us-east-1:111122223333:cluster:other'] }) }, target: 'aws_rds_cluster.c' },
      { description: 'fails when not_resources excludes the cluster', resources: { ...PLAN, 'aws_rds_cluster.c': CLUSTER, 'aws_backup_selection.s': selection({ resources: ['*'], not_resources: ['${aws_rds_cluster.c.arn}'] }) }, target: 'aws_rds_cluster.c' },
    ],
  },
};
