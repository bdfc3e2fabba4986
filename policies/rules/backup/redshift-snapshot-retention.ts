import { attr, num } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { BKP } from './_shared';
import { THRESHOLDS } from '../thresholds';

const PATH = 'automated_snapshot_retention_period';
const MIN = THRESHOLDS.redshiftSnapshotRetentionMinDays;

export const redshiftSnapshotRetention: ResourceRule = {
  id: 'BAK-11c',
  control: 'BAK-11',
  title: `Redshift clusters keep automated snapshots for at least ${MIN} days`,
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: `Automated snapshots are the warehouse’s restore points; a retention of 0 turns them off, and the provider default of 1 day leaves no room to notice a bad load or a deletion. phikit requires ${MIN} days, as for RDS automated backups (BAK-04); AWS allows up to 35.`,
  remediation: `Set ${PATH} between ${MIN} and 35 on the aws_redshift_cluster.`,
  anchors: { cdkNag: ['HIPAA.Security-RedshiftBackupEnabled'], awsConfig: ['redshift-backup-enabled'], checkov: ['CKV_AWS_343'] },
  check(cluster) {
    const a = attr(cluster, PATH);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(PATH, a));
    const days = a.state === 'absent' ? 1 : num(a);
    if (days === undefined) return fail(`${PATH} is not a number`, ev(PATH, a));
    const note = a.state === 'absent' ? ' (provider default, not set)' : '';
    if (days < 1) return fail(`${PATH} is ${days}; automated snapshots are off`, ev(PATH, a));
    if (days < MIN) return fail(`${PATH} is ${days}${note}; automated snapshots cover only ${days} day(s), less than ${MIN}`, ev(PATH, a));
    if (days > 35) return fail(`${PATH} is ${days}; AWS accepts at most 35`, ev(PATH, a));
    return pass(`${PATH} is ${days}`, ev(PATH, a));
  },
  examples: {
    pass: [
      { description: `passes with ${PATH} = 7`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', [PATH]: 7 } } },
      { description: `passes with ${PATH} = 35`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', [PATH]: 35 } } },
    ],
    fail: [
      { description: `fails when ${PATH} is 0`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', [PATH]: 0 } } },
      { description: `fails when ${PATH} is 1`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', [PATH]: 1 } } },
      { description: `fails when ${PATH} is not set (default 1)`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw' } } },
    ],
    unknown: [{ description: `is unknown when ${PATH} is known only after apply`, resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', [PATH]: 7 } }, unknown: { 'aws_redshift_cluster.r': [PATH] } }],
  },
};
