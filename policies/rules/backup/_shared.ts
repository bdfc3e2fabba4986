/**
 * Helpers shared by the backup and recovery rules (Strategy 6).
 *
 * Backup-plan coverage ({@link backupCoverage}) follows how AWS Backup selects resources:
 *  - `resources` lists ARNs: a reference to the store (`${aws_db_instance.db.arn}`), a literal ARN
 *    whose resource name equals the store's identifier/name, or a wildcard ARN (`*`,
 *    `arn:aws:rds:*:*:db:*`, `arn:aws:dynamodb:*:*:table/phi-*`);
 *  - `selection_tag` blocks (STRINGEQUALS key/value) are ORed;
 *  - `condition` blocks (string_equals / string_like / string_not_equals / string_not_like on
 *    `aws:ResourceTag/<key>`) are ANDed and narrow what `resources` / `selection_tag` select
 *    (with neither, they select on their own, as with `resources = ["*"]`);
 *  - `not_resources` excludes by reference or literal ARN.
 * PHI scope (for rules about PHI stores only) is `policies/model/phi.ts`.
 */
import { attr, blocks, list, tagsOf } from '../../model/attrs';
import { wildcardMatch } from '../../model/iam';
import type { Resource } from '../../model/types';
import { Unknown, Value } from '../../model/values';
import type { SynthResource } from '../../model/synth';
import type { CheckContext, Verdict } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { cfgAttr } from '../encryption/_shared';

/** 164.308(a)(7)(i) contingency plan; (ii)(A) data backup plan; (ii)(B) disaster recovery plan (the AWS `[BKP]` set). */
export const BKP = ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'];
/** 164.308(a)(7)(i); (ii)(C) emergency mode operation plan (the AWS `[AVL]` set). */
export const AVL = ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(C)'];

/** ARN service and resource-type prefix AWS Backup uses for each store type. */
const ARN_SHAPE: Readonly<Record<string, { service: string; prefix: RegExp; nameAttrs: string[] }>> = {
  aws_db_instance: { service: 'rds', prefix: /^db:(.*)$/, nameAttrs: ['identifier'] },
  aws_rds_cluster: { service: 'rds', prefix: /^cluster:(.*)$/, nameAttrs: ['cluster_identifier'] },
  aws_dynamodb_table: { service: 'dynamodb', prefix: /^table\/(.*)$/, nameAttrs: ['name'] },
  aws_efs_file_system: { service: 'elasticfilesystem', prefix: /^file-system\/(.*)$/, nameAttrs: ['id'] },
  aws_ebs_volume: { service: 'ec2', prefix: /^volume\/(.*)$/, nameAttrs: ['id'] },
  aws_instance: { service: 'ec2', prefix: /^instance\/(.*)$/, nameAttrs: ['id'] },
  aws_s3_bucket: { service: 's3', prefix: /^(.*)$/, nameAttrs: ['bucket'] },
};

export type Coverage = { readonly state: 'selected'; readonly via: string } | { readonly state: 'none'; readonly why: string } | { readonly state: 'unknown'; readonly why: string };

type Match = boolean | 'unknown';

function knownName(res: Resource): string | undefined {
  for (const a of ARN_SHAPE[res.type]?.nameAttrs ?? []) {
    const v = res.values[a];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

/** Does one literal ARN pattern (from `resources` / `not_resources`) select `res`? */
function arnMatches(pattern: string, res: Resource): Match {
  if (pattern === '*') return true;
  const shape = ARN_SHAPE[res.type];
  const m = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/.exec(pattern);
  if (!shape || !m) return false;
  if (!wildcardMatch(m[1], shape.service)) return false;
  const tail = m[2];
  // The part after the type prefix; a leading wildcard may also cover the prefix.
  if (tail === '*') return true;
  const nm = shape.prefix.exec(tail);
  if (!nm) return false;
  const name = knownName(res);
  if (nm[1] === '*') return true;
  // A resource the plan creates gets its generated id/name at apply time: a literal ARN written
  // before that cannot name it. In synth output the resource may already exist, so it is unknown.
  if (name === undefined) return res.action === 'create' ? false : 'unknown';
  return wildcardMatch(nm[1], name);
}

/** Does the list attribute `path` of the selection select `res` (by reference, literal or wildcard ARN)? */
function listSelects(ctx: CheckContext, sel: Resource, path: string, res: Resource): Match {
  const raw = sel.values[path];
  if (raw === undefined || raw === null) return false;
  if (ctx.graph.deref(sel, path).resources.includes(res)) return true;
  let result: Match = false;
  const items: Value[] = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    if (typeof item === 'string') {
      const m = arnMatches(item, res);
      if (m === true) return true;
      if (m === 'unknown') result = 'unknown';
    } else if (item instanceof Unknown && (item.refs.length === 0 || item.refs.some((r) => ctx.graph.resolveRef(sel, r) === undefined))) {
      // A variable or an expression: it may well be this resource's ARN.
      result = 'unknown';
    }
  }
  return result;
}

const TAG_KEY = /^aws:ResourceTag\/(.+)$/i;

function conditionHolds(op: string, key: string, value: string, tags: Record<string, string>): boolean {
  const m = TAG_KEY.exec(key);
  const tag = m ? tags[m[1]] : undefined;
  switch (op) {
    case 'string_equals':
      return tag === value;
    case 'string_like':
      return tag !== undefined && globMatch(value, tag);
    case 'string_not_equals':
      return tag !== value;
    case 'string_not_like':
      return tag === undefined || !globMatch(value, tag);
    default:
      return false;
  }
}

/** Case-sensitive `*` / `?` match, as AWS Backup compares tag values. */
function globMatch(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);
}

/** Does one aws_backup_selection select `res`? */
export function selectionSelects(ctx: CheckContext, sel: Resource, res: Resource): Match {
  const tags = tagsOf(res);
  const byResources = listSelects(ctx, sel, 'resources', res);
  let byTag: Match = false;
  const tagBlocks = blocks(sel, 'selection_tag');
  for (const b of tagBlocks) {
    if (b instanceof Unknown) {
      byTag = byTag === true ? true : 'unknown';
      continue;
    }
    const key = b.key;
    const value = b.value;
    if (typeof key !== 'string' || typeof value !== 'string') {
      byTag = byTag === true ? true : 'unknown';
      continue;
    }
    if (tags[key] === value) byTag = true;
  }
  const conds: Array<{ op: string; key: unknown; value: unknown }> = [];
  for (const c of blocks(sel, 'condition')) {
    if (c instanceof Unknown) return 'unknown';
    for (const op of ['string_equals', 'string_like', 'string_not_equals', 'string_not_like']) {
      for (const b of blocks(c, op)) conds.push({ op, key: b instanceof Unknown ? undefined : b.key, value: b instanceof Unknown ? undefined : b.value });
    }
  }
  let condMatch: Match = true;
  for (const c of conds) {
    if (typeof c.key !== 'string' || typeof c.value !== 'string') condMatch = condMatch === false ? false : 'unknown';
    else if (!conditionHolds(c.op, c.key, c.value, tags)) condMatch = false;
  }
  const hasSelectors = sel.values.resources !== undefined || tagBlocks.length > 0;
  let selected: Match = hasSelectors ? or(byResources, byTag) : conds.length ? true : false;
  selected = and(selected, condMatch);
  if (selected === false) return false;
  const excluded = listSelects(ctx, sel, 'not_resources', res);
  if (excluded === true) return false;
  return excluded === 'unknown' ? 'unknown' : selected;
}

const or = (a: Match, b: Match): Match => (a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false);
const and = (a: Match, b: Match): Match => (a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true);

/** Is `res` selected by an aws_backup_selection in the same input? */
export function backupCoverage(ctx: CheckContext, res: Resource): Coverage {
  const selections = ctx.graph.ofTypeIn(res.unit, 'aws_backup_selection');
  if (!selections.length) return { state: 'none', why: 'no aws_backup_selection is declared in this input' };
  let unsure: Resource | undefined;
  for (const sel of selections) {
    const m = selectionSelects(ctx, sel, res);
    if (m === true) return { state: 'selected', via: sel.address };
    if (m === 'unknown') unsure = sel;
  }
  if (unsure) return { state: 'unknown', why: `whether ${unsure.address} selects this resource depends on values known only after apply` };
  return { state: 'none', why: `none of the ${selections.length} aws_backup_selection(s) selects it by ARN, reference or tag` };
}

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
  const c = backupCoverage(ctx, res);
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

/** Attributes by which a service writes logs into a bucket. */
const LOG_WRITERS: ReadonlyArray<readonly [string, string]> = [
  ['aws_cloudtrail', 's3_bucket_name'],
  ['aws_s3_bucket_logging', 'target_bucket'],
  ['aws_lb', 'access_logs.bucket'],
  ['aws_alb', 'access_logs.bucket'],
  ['aws_elb', 'access_logs.bucket'],
  ['aws_flow_log', 'log_destination'],
  ['aws_config_delivery_channel', 's3_bucket_name'],
];

/** Is the bucket a log destination (CloudTrail, S3 access logs, LB logs, flow logs, Config)? Returns the writer. */
export function logWriterOf(ctx: CheckContext, bucket: Resource): Resource | undefined {
  for (const [type, path] of LOG_WRITERS) {
    const w = ctx.graph.related(bucket, type, path);
    if (w.length) return w[0];
  }
  return undefined;
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
  return { status: 'absent', where: 'aws_s3_bucket_versioning' };
}
