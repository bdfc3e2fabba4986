import type { Rule } from '../../engine/types';
import { dynamodbInBackupPlan } from './dynamodb-in-backup-plan';
import { ebsInBackupPlan } from './ebs-in-backup-plan';
import { ec2InBackupPlan } from './ec2-in-backup-plan';
import { efsInBackupPlan } from './efs-in-backup-plan';
import { rdsClusterInBackupPlan } from './rds-cluster-in-backup-plan';
import { rdsInstanceInBackupPlan } from './rds-instance-in-backup-plan';
import { s3PhiInBackupPlan } from './s3-phi-in-backup-plan';

/** Strategy 6 — Data Backup and Recovery, in catalogue order. */
export const backupRules: readonly Rule[] = [
  rdsInstanceInBackupPlan,
  rdsClusterInBackupPlan,
  dynamodbInBackupPlan,
  efsInBackupPlan,
  ebsInBackupPlan,
  ec2InBackupPlan,
  s3PhiInBackupPlan,
];
