import { attr, bool, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { combine, ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { BKP, planRules, scheduleIntervalHours } from './_shared';

const rule = (extra: Record<string, unknown>) => ({ name: 'phi', rule: [{ rule_name: 'daily', target_vault_name: 'phi', lifecycle: [{ delete_after: 35 }], ...extra }] });

export const backupPlanFrequency: ResourceRule = {
  id: 'BAK-02a',
  control: 'BAK-02',
  title: 'Backup plans have a rule that runs at least daily',
  strategy: 6,
  citations: [...BKP, '164.310(d)(2)(iv)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_backup_plan'],
  scope: 'resource',
  rationale: 'The schedule is the recovery point objective: a weekly rule can lose up to seven days of clinical records. AWS Config’s backup-plan-min-frequency-and-min-retention-check defaults to one day.',
  remediation: 'Set schedule to a daily (or more frequent) cron/rate expression, e.g. cron(0 5 ? * * *), or enable_continuous_backup = true, or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { awsConfig: ['backup-plan-min-frequency-and-min-retention-check'] },
  check(plan) {
    const rules = planRules(plan);
    if (!rules.length) return fail('the plan has no rule, so nothing is ever backed up', ev('rule', attr(plan, 'rule')));
    const verdicts: Verdict[] = rules.map(({ label, rule: r }) => {
      if (r instanceof Unknown) return unknown(`${label} is known only after apply`);
      if (bool(attr(r, 'enable_continuous_backup')) === true) return pass(`${label} uses continuous backup`);
      const s = attr(r, 'schedule');
      if (s.state === 'unknown' || s.state === 'sensitive') return unknown(unknownMessage(`${label}.schedule`), ev(`${label}.schedule`, s));
      // AWS Backup's default schedule is daily at 05:00 UTC.
      if (s.state === 'absent') return pass(`${label} uses the default daily schedule`, ev(`${label}.schedule`, s));
      const h = scheduleIntervalHours(str(s) ?? '');
      if (h === undefined) return fail(`${label}.schedule is not a cron() or rate() expression phikit can read`, ev(`${label}.schedule`, s));
      return h <= 24 ? pass(`${label} runs every ${h} hour(s) or more often`, ev(`${label}.schedule`, s)) : fail(`${label}.schedule runs less often than daily (about every ${Math.round(h / 24)} days)`, ev(`${label}.schedule`, s));
    });
    // Like AWS Config's backup-plan-min-frequency-and-min-retention-check, the plan needs a rule
    // that runs at least daily; weekly and monthly rules beside it add longer retention.
    const daily = verdicts.find((v) => v.status === 'pass');
    if (daily) return pass(`${daily.message}; the plan has a daily (or more frequent) rule`, daily.evidence);
    return combine(verdicts, 'a rule runs at least daily');
  },
  examples: {
    pass: [
      { description: 'passes with a daily cron schedule', resources: { 'aws_backup_plan.p': rule({ schedule: 'cron(0 5 ? * * *)' }) } },
      { description: 'passes with a 12-hour rate schedule', resources: { 'aws_backup_plan.p': rule({ schedule: 'rate(12 hours)' }) } },
    ],
    fail: [
      { description: 'fails with a weekly cron schedule', resources: { 'aws_backup_plan.p': rule({ schedule: 'cron(0 5 ? * SUN *)' }) } },
      { description: 'fails with a monthly cron schedule', resources: { 'aws_backup_plan.p': rule({ schedule: 'cron(0 5 1 * ? *)' }) } },
    ],
    unknown: [{ description: 'is unknown when schedule is known only after apply', resources: { 'aws_backup_plan.p': rule({ schedule: 'cron(0 5 ? * * *)' }) }, unknown: { 'aws_backup_plan.p': ['rule.schedule'] } }],
  },
};
