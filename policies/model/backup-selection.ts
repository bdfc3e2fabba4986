/**
 * Which resources an `aws_backup_selection` covers, following AWS Backup's selection rules:
 *  - `resources` lists ARNs: a reference to the store (`${aws_db_instance.db.arn}`), a literal ARN
 *    whose resource name equals the store's identifier/name, or a wildcard ARN (`*`,
 *    `arn:aws:rds:*:*:db:*`, `arn:aws:dynamodb:*:*:table/phi-*`);
 *  - `selection_tag` blocks (STRINGEQUALS key/value) are ORed;
 *  - `condition` blocks (string_equals / string_like / string_not_equals / string_not_like on
 *    `aws:ResourceTag/<key>`) are ANDed and narrow what `resources` / `selection_tag` select
 *    (with neither, they select on their own, as with `resources = ["*"]`);
 *  - `not_resources` excludes by reference or literal ARN.
 * Tag values compare case-sensitively, as AWS does. Results are three-valued: a selection whose
 * ARNs or tags are known only after apply may or may not cover a resource.
 */
import { blocks, tagsOf } from './attrs';
import { globMatch } from './glob';
import type { Graph } from './graph';
import { wildcardMatch } from './iam';
import type { Resource } from './types';
import { Unknown, Value, isComputedOnly } from './values';

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

export type Match = boolean | 'unknown';

function knownName(res: Resource): string | undefined {
  for (const a of ARN_SHAPE[res.type]?.nameAttrs ?? []) {
    const v = res.values[a];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

function nameFromUnknown(res: Resource): boolean {
  return (ARN_SHAPE[res.type]?.nameAttrs ?? []).some((a) => {
    const v = res.values[a];
    return v instanceof Unknown && !isComputedOnly(v);
  });
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
  // A name the configuration sets from a value known only after apply may match any pattern.
  if (name === undefined && nameFromUnknown(res)) return 'unknown';
  if (name === undefined) return res.action === 'create' ? false : 'unknown';
  return wildcardMatch(nm[1], name);
}

/** Does the list attribute `path` of the selection select `res` (by reference, literal or wildcard ARN)? */
function listSelects(graph: Graph, sel: Resource, path: string, res: Resource): Match {
  const raw = sel.values[path];
  if (raw === undefined || raw === null || isComputedOnly(raw)) return false;
  if (graph.deref(sel, path).resources.includes(res)) return true;
  let result: Match = false;
  const items: Value[] = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    if (typeof item === 'string') {
      const m = arnMatches(item, res);
      if (m === true) return true;
      if (m === 'unknown') result = 'unknown';
    } else if (item instanceof Unknown && (item.refs.length === 0 || item.refs.some((r) => graph.resolveRef(sel, r) === undefined))) {
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

/** Does one aws_backup_selection select `res`? */
export function selectionSelects(graph: Graph, sel: Resource, res: Resource): Match {
  const tags = tagsOf(res);
  const byResources = listSelects(graph, sel, 'resources', res);
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
    if (isComputedOnly(c)) continue;
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
  const hasSelectors = (sel.values.resources !== undefined && !isComputedOnly(sel.values.resources)) || tagBlocks.length > 0;
  let selected: Match = hasSelectors ? or(byResources, byTag) : conds.length ? true : false;
  selected = and(selected, condMatch);
  if (selected === false) return false;
  const excluded = listSelects(graph, sel, 'not_resources', res);
  if (excluded === true) return false;
  return excluded === 'unknown' ? 'unknown' : selected;
}

const or = (a: Match, b: Match): Match => (a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false);
const and = (a: Match, b: Match): Match => (a === false || b === false ? false : a === 'unknown' || b === 'unknown' ? 'unknown' : true);

/** Is `res` selected by an aws_backup_selection in the same input? */
export function backupCoverage(graph: Graph, res: Resource): Coverage {
  const selections = graph.ofTypeIn(res.unit, 'aws_backup_selection');
  if (!selections.length) return { state: 'none', why: 'no aws_backup_selection is declared in this input' };
  let unsure: Resource | undefined;
  for (const sel of selections) {
    const m = selectionSelects(graph, sel, res);
    if (m === true) return { state: 'selected', via: sel.address };
    if (m === 'unknown') unsure = sel;
  }
  if (unsure) return { state: 'unknown', why: `whether ${unsure.address} selects this resource depends on values known only after apply` };
  return { state: 'none', why: `none of the ${selections.length} aws_backup_selection(s) selects it by ARN, reference or tag` };
}

