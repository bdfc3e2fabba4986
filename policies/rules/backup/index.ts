import type { Rule } from '../../engine/types';
import { auroraMultiAz } from './aurora-multi-az';
import { backupPlanCopy } from './backup-plan-copy';
import { backupPlanFrequency } from './backup-plan-frequency';
import { backupPlanRetention } from './backup-plan-retention';
import { dynamodbInBackupPlan } from './dynamodb-in-backup-plan';
import { ebsInBackupPlan } from './ebs-in-backup-plan';
import { ec2InBackupPlan } from './ec2-in-backup-plan';
import { efsInBackupPlan } from './efs-in-backup-plan';
import { rdsBackupRetention } from './rds-backup-retention';
import { rdsClusterDeletionProtection } from './rds-cluster-deletion-protection';
import { rdsClusterInBackupPlan } from './rds-cluster-in-backup-plan';
import { rdsCopyTagsToSnapshot } from './rds-copy-tags-to-snapshot';
import { rdsFinalSnapshot } from './rds-final-snapshot';
import { rdsInstanceDeletionProtection } from './rds-instance-deletion-protection';
import { rdsInstanceInBackupPlan } from './rds-instance-in-backup-plan';
import { rdsInstanceMultiAz } from './rds-instance-multi-az';
import { s3PhiInBackupPlan } from './s3-phi-in-backup-plan';
import { vaultLock } from './vault-lock';
import { vaultPolicyDeniesDeletion } from './vault-policy-denies-deletion';

/** Strategy 6 — Data Backup and Recovery, in catalogue order (BAK-14, restore-test evidence, is an evidence rule kept elsewhere). */
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
];
