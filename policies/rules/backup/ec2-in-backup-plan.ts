import type { ResourceRule } from '../../engine/types';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const VM = { ami: 'ami-1', instance_type: 'm5.large', tags: { Backup: 'daily' } };

export const ec2InBackupPlan: ResourceRule = {
  id: 'BAK-03f',
  control: 'BAK-03',
  title: 'EC2 instances are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'An instance backup (AMI plus all attached volumes) is what restores a server that processes PHI after ransomware or a bad change; nothing takes one unless a plan selects the instance.',
  remediation: 'Select the instance in an aws_backup_selection (ARN reference or tag), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-EC2EBSInBackupPlan'], awsConfig: ['ec2-resources-protected-by-backup-plan'] },
  check(vm, ctx) {
    return coverageVerdict(ctx, vm);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the instance ARN by reference', resources: { ...PLAN, 'aws_instance.i': VM, 'aws_backup_selection.s': selection({ resources: ['${aws_instance.i.arn}'] }) }, target: 'aws_instance.i' },
      { description: 'passes when a selection_tag matches the instance', resources: { ...PLAN, 'aws_instance.i': VM, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] }) }, target: 'aws_instance.i' }],
    fail: [
      { description: 'fails when no backup selection exists', resources: { 'aws_instance.i': VM } },
      { description: 'fails when the instance has no matching tag and is not listed', resources: { ...PLAN, 'aws_instance.i': { ...VM, tags: {} }, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] }) }, target: 'aws_instance.i' }],
  },
};
