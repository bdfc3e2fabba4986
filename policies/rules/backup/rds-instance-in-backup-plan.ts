import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const DB = { identifier: 'phi-db', engine: 'postgres', instance_class: 'db.t3.micro' };

export const rdsInstanceInBackupPlan: ResourceRule = {
  id: 'BAK-03a',
  control: 'BAK-03',
  title: 'RDS DB instances are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale:
    'Automated RDS backups live and die with the instance and its account. An AWS Backup plan adds scheduled recovery points in a vault with its own retention, lock and cross-region copy — the data backup plan 164.308(a)(7)(ii)(A) requires.',
  remediation: 'Select the instance in an aws_backup_selection (by ARN reference or by a tag the selection matches), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-RDSInBackupPlan'], awsConfig: ['rds-in-backup-plan'] },
  check(db, ctx) {
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: backed up with its cluster (BAK-03b)');
    return coverageVerdict(ctx, db);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the instance ARN by reference', resources: { ...PLAN, 'aws_db_instance.db': DB, 'aws_backup_selection.s': selection({ resources: ['${aws_db_instance.db.arn}'] }) }, target: 'aws_db_instance.db' },
      { description: 'passes when a selection lists the instance by literal ARN', resources: { ...PLAN, 'aws_db_instance.db': DB, 'aws_backup_selection.s': selection({ resources: ['arn:aws:rds:us-east-1:111122223333:db:phi-db'] }) }, target: 'aws_db_instance.db' },
      { description: 'passes when a selection_tag matches the instance tags', resources: { ...PLAN, 'aws_db_instance.db': { ...DB, tags: { Backup: 'daily' } }, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] }) }, target: 'aws_db_instance.db' },
    ],
    fail: [
      { description: 'fails when no backup selection exists', resources: { 'aws_db_instance.db': DB } },
      { description: 'fails when the selection_tag value differs from the instance tag', resources: { ...PLAN, 'aws_db_instance.db': { ...DB, tags: { Backup: 'none' } }, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'Backup', value: 'daily' }] }) }, target: 'aws_db_instance.db' },
    ],
    unknown: [{ description: 'is unknown when the selection resources come from a variable', resources: { ...PLAN, 'aws_db_instance.db': DB, 'aws_backup_selection.s': selection({ resources: ['x'] }) }, unknown: { 'aws_backup_selection.s': ['resources'] }, target: 'aws_db_instance.db' }],
  },
};
