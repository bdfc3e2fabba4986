/**
 * Helpers shared by the backup and recovery rules (Strategy 6). Which resources an AWS Backup
 * selection covers is `policies/model/backup-selection.ts`; PHI scope is `policies/model/phi.ts`.
 */
import { attr, blocks, bool, list, str } from '../../model/attrs';
import { backupCoverage } from '../../model/backup-selection';
import type { Resource } from '../../model/types';
import { Unknown, Value } from '../../model/values';
import type { SynthResource } from '../../model/synth';
import type { CheckContext, Verdict } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { cfgAttr } from '../helpers';

/** 164.308(a)(7)(i) contingency plan; (ii)(A) data backup plan; (ii)(B) disaster recovery plan (the AWS `[BKP]` set). */
export const BKP = ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'];
/** 164.308(a)(7)(i); (ii)(C) emergency mode operation plan (the AWS `[AVL]` set). */
export const AVL = ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(C)'];

/** `lifecycle.prevent_destroy` of a synth resource: true/false, 'unknown', or undefined for plan input (no lifecycle there). */
export function preventDestroy(res: Resource): boolean | 'unknown' | undefined {
  if (res.unit.format !== 'synth') return undefined;
  const meta = (res as Partial<SynthResource>).meta ?? {};
  const lc = attr(meta as Readonly<Record<string, Value>>, 'lifecycle.prevent_destroy');
  if (lc.state === 'unknown' || lc.state === 'sensitive') return 'unknown';
  if (lc.state === 'absent') return false;
  const v = list(lc)?.[0];
  return v === true || v === 'true';
}

/** Verdict for "this store is selected by a backup plan". */
export function coverageVerdict(ctx: CheckContext, res: Resource): Verdict {
  const c = backupCoverage(ctx.graph, res);
  if (c.state === 'selected') return pass(`selected for backup by ${c.via}`, evv('aws_backup_selection', c.via));
  if (c.state === 'unknown') return unknown(c.why);
  return fail(`not selected by any AWS Backup plan: ${c.why}`, evv('aws_backup_selection', '(none)'));
}

/** Cases shared by the BAK-03 rules: a plan, a selection, and the store. */
export const PLAN = {
  'aws_backup_vault.v': { name: 'phi' },
  'aws_backup_plan.p': { name: 'phi', rule: [{ rule_name: 'daily', target_vault_name: '${aws_backup_vault.v.name}', schedule: 'cron(0 5 * * ? *)', lifecycle: [{ delete_after: 35 }] }] },
};
export const selection = (extra: Record<string, unknown>) => ({ name: 'phi', plan_id: '${aws_backup_plan.p.id}', iam_role_arn: 'arn:aws:iam::111122223333:role/backup', ...extra });

/** Backup plans whose rules target `vault` (by reference or by literal name). */
export function plansTargeting(ctx: CheckContext, vault: Resource): Resource[] {
  return ctx.graph.related(vault, 'aws_backup_plan', 'rule.target_vault_name');
}

/** The rule blocks of an aws_backup_plan, each with a label for messages. */
export function planRules(plan: Resource): Array<{ readonly label: string; readonly rule: Readonly<Record<string, Value>> | Unknown }> {
  return blocks(plan, 'rule').map((r, i) => ({ label: r instanceof Unknown ? `rule[${i}]` : `rule "${typeof r.rule_name === 'string' ? r.rule_name : i}"`, rule: r }));
}

/**
 * Hours between runs of a Backup schedule expression, or undefined when it cannot be read.
 * `cron(m h dom mon dow yr)`: daily or more often when every day of every month runs.
 */
export function scheduleIntervalHours(expr: string): number | undefined {
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i.exec(expr.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n : n * 24;
  }
  const cron = /^cron\((.*)\)$/i.exec(expr.trim());
  if (!cron) return undefined;
  const f = cron[1].trim().split(/\s+/);
  if (f.length !== 6) return undefined;
  const [, hours, dom, month, dow] = f;
  const everyDay = (dom === '*' || dom === '?') && (dow === '*' || dow === '?' || /^(1-7|SUN-SAT|MON-SUN)$/i.test(dow)) && month === '*';
  if (!everyDay) return dom !== '*' && dom !== '?' ? 24 * 28 : 24 * 7;
  const step = /^(?:\*|\d+)\/(\d+)$/.exec(hours);
  if (step) return Number(step[1]);
  if (hours === '*') return 1;
  if (hours.includes(',')) return 24 / hours.split(',').length;
  return 24;
}

/** Versioning status of a bucket: from aws_s3_bucket_versioning (or the legacy inline block). */
export function versioningOf(ctx: CheckContext, bucket: Resource): { readonly status: 'Enabled' | 'Suspended' | 'Disabled' | 'unknown' | 'absent'; readonly where: string; readonly value?: string } {
  const cfgs = ctx.graph.related(bucket, 'aws_s3_bucket_versioning', 'bucket');
  for (const c of cfgs) {
    const a = attr(c, 'versioning_configuration.status');
    if (a.state === 'unknown' || a.state === 'sensitive') return { status: 'unknown', where: `${c.address}.versioning_configuration.status` };
    const s = a.state === 'known' ? String(a.value) : undefined;
    return { status: s === 'Enabled' || s === 'Suspended' || s === 'Disabled' ? s : 'Disabled', where: `${c.address}.versioning_configuration.status`, value: s };
  }
  // Provider ≥ 4 computes the legacy inline block: an unknown with nothing behind it is not configured.
  const inline = cfgAttr(bucket, 'versioning.enabled');
  if (inline.state === 'unknown') return { status: 'unknown', where: 'versioning.enabled' };
  if (inline.state === 'known') return { status: inline.value === true || inline.value === 'true' ? 'Enabled' : 'Disabled', where: 'versioning.enabled', value: String(inline.value) };
  // A versioning resource whose bucket reference cannot be followed may be this bucket's.
  if (ctx.graph.unresolvedReferrers(bucket, 'aws_s3_bucket_versioning', 'bucket').length) return { status: 'unknown', where: 'aws_s3_bucket_versioning.bucket (a reference phikit cannot follow without --source)' };
  return { status: 'absent', where: 'aws_s3_bucket_versioning' };
}

/** One lifecycle rule of a bucket, normalized from aws_s3_bucket_lifecycle_configuration or the legacy inline block. */
export interface LifecycleRule {
  /** Where it is declared, for messages: `aws_s3_bucket_lifecycle_configuration.l` or `lifecycle_rule`. */
  readonly where: string;
  readonly enabled: boolean | 'unknown';
  /** Sets noncurrent_version_expiration or noncurrent_version_transition. */
  readonly noncurrent: boolean;
}

/**
 * Lifecycle rules of a bucket: from every aws_s3_bucket_lifecycle_configuration joined to it
 * (`status = "Enabled"`), and from the legacy inline `lifecycle_rule` blocks of aws_s3_bucket
 * (`enabled = true`), read the same way inline versioning is (a block the provider only computes
 * is not configured). 'unknown' when a rule is known only after apply.
 */
export function lifecycleRulesOf(ctx: CheckContext, bucket: Resource): LifecycleRule[] | 'unknown' {
  const out: LifecycleRule[] = [];
  let unsure = false;
  const noncurrent = (r: Readonly<Record<string, Value>>) => blocks(r, 'noncurrent_version_expiration').length > 0 || blocks(r, 'noncurrent_version_transition').length > 0;
  for (const c of ctx.graph.related(bucket, 'aws_s3_bucket_lifecycle_configuration', 'bucket')) {
    for (const r of blocks(c, 'rule')) {
      if (r instanceof Unknown) {
        unsure = true;
        continue;
      }
      const status = attr(r, 'status');
      out.push({ where: c.address, enabled: status.state === 'unknown' || status.state === 'sensitive' ? 'unknown' : str(status) === 'Enabled', noncurrent: noncurrent(r) });
    }
  }
  const inline = cfgAttr(bucket, 'lifecycle_rule');
  if (inline.state === 'unknown') unsure = true;
  else if (inline.state === 'known') {
    for (const r of blocks(bucket, 'lifecycle_rule')) {
      if (r instanceof Unknown) {
        unsure = true;
        continue;
      }
      const enabled = attr(r, 'enabled');
      out.push({ where: 'lifecycle_rule', enabled: enabled.state === 'unknown' || enabled.state === 'sensitive' ? 'unknown' : enabled.state === 'absent' ? true : bool(enabled) === true, noncurrent: noncurrent(r) });
    }
  }
  return unsure && !out.some((r) => r.enabled === true && r.noncurrent) ? 'unknown' : out;
}
