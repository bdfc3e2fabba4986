import { attr, num } from '../../model/attrs';
import { THRESHOLDS } from '../thresholds';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { combine, ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { BKP, planRules } from './_shared';

const MIN_DAYS = THRESHOLDS.backupRetentionMinDays;
const plan = (lifecycle: Record<string, unknown> | undefined) => ({ name: 'phi', rule: [{ rule_name: 'daily', target_vault_name: 'phi', schedule: 'cron(0 5 ? * * *)', ...(lifecycle ? { lifecycle: [lifecycle] } : {}) }] });

export const backupPlanRetention: ResourceRule = {
  id: 'BAK-02b',
  control: 'BAK-02',
  title: `Backup plan rules retain recovery points for at least ${MIN_DAYS} days`,
  strategy: 6,
  citations: [...BKP, '164.310(d)(2)(iv)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_backup_plan'],
  scope: 'resource',
  rationale: `Corruption and intrusions are often found weeks later; recovery points must outlive the detection gap. ${MIN_DAYS} days is the AWS Config rule default and the RDS maximum for automated backups.`,
  remediation: `Set lifecycle.delete_after to at least ${MIN_DAYS} on every rule (or leave lifecycle unset to keep recovery points until deleted), or use the phikit HipaaBackupPlan construct.`,
  construct: 'HipaaBackupPlan',
  anchors: { awsConfig: ['backup-plan-min-frequency-and-min-retention-check'] },
  check(p) {
    const verdicts: Verdict[] = planRules(p).map(({ label, rule: r }) => {
      if (r instanceof Unknown) return unknown(`${label} is known only after apply`);
      const d = attr(r, 'lifecycle.delete_after');
      const path = `${label}.lifecycle.delete_after`;
      if (d.state === 'unknown' || d.state === 'sensitive') return unknown(unknownMessage(path), ev(path, d));
      if (d.state === 'absent') return pass(`${label} never expires recovery points`, ev(path, d));
      const days = num(d);
      return days !== undefined && days >= MIN_DAYS ? pass(`${label} keeps recovery points ${days} days`, ev(path, d)) : fail(`${path} is ${days ?? 'not a number'}, less than ${MIN_DAYS} days`, ev(path, d));
    });
    if (!verdicts.length) return fail('the plan has no rule');
    return combine(verdicts, `every rule keeps recovery points at least ${MIN_DAYS} days`);
  },
  examples: {
    pass: [
      { description: 'passes with delete_after = 35', resources: { 'aws_backup_plan.p': plan({ delete_after: 35 }) } },
      { description: 'passes when lifecycle is not set (kept until deleted)', resources: { 'aws_backup_plan.p': plan(undefined) } },
    ],
    fail: [{ description: 'fails with delete_after = 7', resources: { 'aws_backup_plan.p': plan({ delete_after: 7 }) } }],
    unknown: [{ description: 'is unknown when delete_after is known only after apply', resources: { 'aws_backup_plan.p': plan({ delete_after: 35 }) }, unknown: { 'aws_backup_plan.p': ['rule.lifecycle.delete_after'] } }],
  },
};
