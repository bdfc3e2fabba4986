import type { ResourceRule } from '../../engine/types';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const FS = { creation_token: 'phi', encrypted: true, tags: { Backup: 'daily' } };

export const efsInBackupPlan: ResourceRule = {
  id: 'BAK-03d',
  control: 'BAK-03',
  title: 'EFS file systems are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_efs_file_system'],
  scope: 'resource',
  rationale: 'EFS has no native snapshots: without an AWS Backup plan a deleted or corrupted file share holding PHI cannot be restored.',
  remediation: 'Select the file system in an aws_backup_selection (ARN reference or tag), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-EFSInBackupPlan'], awsConfig: ['efs-in-backup-plan'], checkov: ['CKV2_AWS_18'] },
  check(fs, ctx) {
    return coverageVerdict(ctx, fs);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the file system ARN by reference', resources: { ...PLAN, 'aws_efs_file_system.f': FS, 'aws_backup_selection.s': selection({ resources: ['${aws_efs_file_system.f.arn}'] }) }, target: 'aws_efs_file_system.f' },
      { description: 'passes when a selection_tag matches', resources: { ...PLAN, 'aws_efs_file_system.f': FS, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] }) }, target: 'aws_efs_file_system.f' },
    ],
    fail: [
      { description: 'fails when no backup selection exists', resources: { 'aws_efs_file_system.f': FS } },
      { description: 'fails when the only selection selects DynamoDB tables', resources: { ...PLAN, 'aws_efs_file_system.f': FS, 'aws_backup_selection.s': selection({ resources: ['arn:aws:dynamodb:*:*:table/*'] }) }, target: 'aws_efs_file_system.f' }],
  },
};
