import type { Rule } from '../../engine/types';
import { asgElbHealthCheck } from './asg-elb-health-check';
import { auroraMultiAz } from './aurora-multi-az';
import { backupPlanCopy } from './backup-plan-copy';
import { backupPlanFrequency } from './backup-plan-frequency';
import { backupPlanRetention } from './backup-plan-retention';
import { dynamodbAutoscaling } from './dynamodb-autoscaling';
import { dynamodbDeletionProtection } from './dynamodb-deletion-protection';
import { dynamodbGlobalTablePitr } from './dynamodb-global-table-pitr';
import { dynamodbInBackupPlan } from './dynamodb-in-backup-plan';
import { dynamodbPitr } from './dynamodb-pitr';
import { ebsInBackupPlan } from './ebs-in-backup-plan';
import { ec2EbsOptimized } from './ec2-ebs-optimized';
import { ec2InBackupPlan } from './ec2-in-backup-plan';
import { efsInBackupPlan } from './efs-in-backup-plan';
import { elasticacheFailover } from './elasticache-failover';
import { elasticacheSnapshotRetention } from './elasticache-snapshot-retention';
import { lambdaConcurrency } from './lambda-concurrency';
import { lambdaDlq } from './lambda-dlq';
import { lbCrossZone } from './lb-cross-zone';
import { lbDeletionProtection } from './lb-deletion-protection';
import { phiDestroyGuard } from './phi-destroy-guard';
import { rdsBackupRetention } from './rds-backup-retention';
import { rdsClusterDeletionProtection } from './rds-cluster-deletion-protection';
import { rdsClusterInBackupPlan } from './rds-cluster-in-backup-plan';
import { rdsCopyTagsToSnapshot } from './rds-copy-tags-to-snapshot';
import { rdsFinalSnapshot } from './rds-final-snapshot';
import { rdsInstanceDeletionProtection } from './rds-instance-deletion-protection';
import { rdsInstanceInBackupPlan } from './rds-instance-in-backup-plan';
import { rdsInstanceMultiAz } from './rds-instance-multi-az';
import { redshiftSnapshotRetention } from './redshift-snapshot-retention';
import { s3NoncurrentVersionLifecycle } from './s3-noncurrent-version-lifecycle';
import { s3ObjectLock } from './s3-object-lock';
import { s3PhiInBackupPlan } from './s3-phi-in-backup-plan';
import { s3PhiReplication } from './s3-phi-replication';
import { restoreTestEvidence } from './restore-test-evidence';
import { s3ReplicaEncryption } from './s3-replica-encryption';
import { s3Versioning } from './s3-versioning';
import { vaultLock } from './vault-lock';
import { vaultPolicyDeniesDeletion } from './vault-policy-denies-deletion';
import { vpnBothTunnels } from './vpn-both-tunnels';

/** Strategy 6 — Data Backup and Recovery, in catalogue order. */
export const backupRules: readonly Rule[] = [
  vaultLock,
  vaultPolicyDeniesDeletion,
  backupPlanFrequency,
  backupPlanRetention,
  backupPlanCopy,
  rdsInstanceInBackupPlan,
  rdsClusterInBackupPlan,
  dynamodbInBackupPlan,
  efsInBackupPlan,
  ebsInBackupPlan,
  ec2InBackupPlan,
  s3PhiInBackupPlan,
  rdsBackupRetention,
  rdsInstanceDeletionProtection,
  rdsClusterDeletionProtection,
  rdsFinalSnapshot,
  rdsCopyTagsToSnapshot,
  rdsInstanceMultiAz,
  auroraMultiAz,
  dynamodbPitr,
  dynamodbDeletionProtection,
  dynamodbAutoscaling,
  dynamodbGlobalTablePitr,
  s3Versioning,
  s3NoncurrentVersionLifecycle,
  s3ObjectLock,
  s3PhiReplication,
  s3ReplicaEncryption,
  elasticacheSnapshotRetention,
  elasticacheFailover,
  redshiftSnapshotRetention,
  lbDeletionProtection,
  lbCrossZone,
  asgElbHealthCheck,
  lambdaDlq,
  lambdaConcurrency,
  phiDestroyGuard,
  restoreTestEvidence,
  ec2EbsOptimized,
  vpnBothTunnels,
];
