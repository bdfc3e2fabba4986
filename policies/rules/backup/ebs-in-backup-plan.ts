import type { ResourceRule } from '../../engine/types';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const VOL = { availability_zone: 'us-east-1a', size: 100, encrypted: true, tags: { Backup: 'daily' } };

export const ebsInBackupPlan: ResourceRule = {
  id: 'BAK-03e',
  control: 'BAK-03',
  title: 'EBS volumes are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_ebs_volume'],
  scope: 'resource',
  rationale: 'Data volumes are not snapshotted unless something schedules it; an AWS Backup plan does, with retention and vault protection.',
  remediation: 'Select the volume in an aws_backup_selection (ARN reference or tag), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-EC2EBSInBackupPlan'], awsConfig: ['ebs-in-backup-plan'], checkov: ['CKV2_AWS_9'] },
  check(vol, ctx) {
    return coverageVerdict(ctx, vol);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the volume ARN by reference', resources: { ...PLAN, 'aws_ebs_volume.v': VOL, 'aws_backup_selection.s': selection({ resources: ['${aws_ebs_volume.v.arn}'] }) }, target: 'aws_ebs_volume.v' },
      { description: 'passes when a string_like condition matches the volume tag', resources: { ...PLAN, 'aws_ebs_volume.v': VOL, 'aws_backup_selection.s': selection({ resources: ['arn:aws:ec2:*:*:volume/*'], condition: [{ string_like: [{ key: 'aws:ResourceTag/Backup', value: 'da*' }] }] }) }, target: 'aws_ebs_volume.v' },
    ],
    fail: [
      { description: 'fails when a condition excludes the volume by tag', resources: { ...PLAN, 'aws_ebs_volume.v': VOL, 'aws_backup_selection.s': selection({ resources: ['*'], condition: [{ string_not_equals: [{ key: 'aws:ResourceTag/Backup', value: 'daily' }] }] }) }, target: 'aws_ebs_volume.v' },
      { description: 'fails when no backup selection exists', resources: { 'aws_ebs_volume.v': VOL } }],
  },
};
