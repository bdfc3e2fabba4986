import { attr, num, str } from '../../model/attrs';
import { THRESHOLDS } from '../thresholds';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { BKP } from './_shared';
import { cfgAttr } from '../helpers';

const PATH = 'backup_retention_period';
const MIN = THRESHOLDS.rdsBackupRetentionMinDays;

export const rdsBackupRetention: ResourceRule = {
  id: 'BAK-04',
  control: 'BAK-04',
  title: `RDS instances and Aurora clusters keep automated backups for at least ${MIN} days`,
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale:
    `Automated backups give point-in-time restore to any second of the retention window. A retention of 0 turns them off; 1 day (the cluster default) leaves no room to notice a bad migration or deletion. phikit requires ${MIN} days (the kit default is 35).`,
  remediation: `Set backup_retention_period to at least ${MIN} (35 recommended), or use the phikit HipaaDatabase construct.`,
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSInstanceBackupEnabled'], awsConfig: ['db-instance-backup-enabled'], checkov: ['CKV_AWS_133'] },
  check(db) {
    if (db.type === 'aws_db_instance' && /^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: backups are set on the cluster');
    if (db.type === 'aws_db_instance' && attr(db, 'replicate_source_db').state !== 'absent') return notApplicable('read replica: backups are taken from the source');
    const a = cfgAttr(db, PATH);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(PATH, a));
    const dflt = db.type === 'aws_rds_cluster' ? 1 : 0;
    const days = a.state === 'absent' ? dflt : num(a);
    if (days === undefined) return fail(`${PATH} is not a number`, ev(PATH, a));
    const note = a.state === 'absent' ? ' (provider default, not set)' : '';
    return days >= MIN ? pass(`${PATH} is ${days}`, ev(PATH, a)) : fail(`${PATH} is ${days}${note}; automated backups ${days === 0 ? 'are off' : `cover only ${days} day(s)`}`, ev(PATH, a));
  },
  examples: {
    pass: [
      { description: 'passes with backup_retention_period = 35 on an instance', resources: { 'aws_db_instance.db': { engine: 'postgres', backup_retention_period: 35 } } },
      { description: 'passes with backup_retention_period = 7 on a cluster', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', backup_retention_period: 7 } } },
    ],
    fail: [
      { description: 'fails when an instance does not set backup_retention_period', resources: { 'aws_db_instance.db': { engine: 'postgres' } } },
      { description: 'fails when a cluster keeps backups for 1 day (default)', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql' } } },
      { description: 'fails when backup_retention_period is 0', resources: { 'aws_db_instance.db': { engine: 'mysql', backup_retention_period: 0 } } },
    ],
    unknown: [{ description: 'is unknown when backup_retention_period is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', backup_retention_period: 35 } }, unknown: { 'aws_db_instance.db': [PATH] } }],
  },
};
