/**
 * Does a data store have a copy outside its region? One answer for every rule that asks
 * (BAK-10a for PHI buckets, BAK-02c for backup plans), so they never contradict each other.
 *
 * Copies that count: S3 replication (an Enabled rule of an aws_s3_bucket_replication_configuration
 * of the bucket) and AWS Backup copies (a `copy_action` in a rule of a backup plan whose selection
 * covers the store). Where a copy lands:
 *  - a destination declared in the inputs (by reference or literal name/ARN): its region (model/regions);
 *  - a literal ARN: the region (and account) the ARN names (S3 bucket ARNs name no region);
 *  - a value known only after apply with nothing behind it (a variable): unknown.
 * A copy is "elsewhere" when its region differs from the store's, or (for backups) its account
 * from the store's account; "same" only when both regions are stated and equal (and no other
 * account is named); "unstated" when the inputs do not say (a destination outside these inputs,
 * or a store whose provider region is a variable). An unstated placement counts as a copy, as
 * any other reference to a resource outside the inputs does, and says so in the message.
 */
import { Attr, attr, blocks, str } from './attrs';
import { selectionSelects } from './backup-selection';
import type { Graph } from './graph';
import { arnAccount, arnRegion, regionOf } from './regions';
import type { Resource } from './types';
import { Unknown } from './values';

export type Placement = 'elsewhere' | 'same' | 'unstated' | 'unknown';

export interface Copy {
  /** How the copy is made, for messages: `aws_s3_bucket_replication_configuration.r` or `aws_backup_plan.p rule "daily"`. */
  readonly via: string;
  readonly placement: Placement;
  /** Why, for messages: `us-east-1 → us-west-2`, `destination outside these inputs`. */
  readonly detail: string;
  /** The destination is in an account the inputs state is not the store's own. */
  readonly otherAccount?: boolean;
}

const REP = 'aws_s3_bucket_replication_configuration';

/** Account ids the unit states as its own (aws_caller_identity data sources). */
function ownAccounts(graph: Graph, res: Resource): Set<string> {
  const out = new Set<string>();
  for (const c of graph.ofTypeIn(res.unit, 'aws_caller_identity', 'data')) if (typeof c.values.account_id === 'string') out.add(c.values.account_id);
  return out;
}

/** Copies found, and whether some rule that could make one is known only after apply. */
export interface Copies {
  readonly copies: readonly Copy[];
  readonly unsure: boolean;
}

type Placed = { readonly placement: Placement; readonly detail: string; readonly otherAccount?: boolean };

function compare(source: Resource, to: string | undefined, what: string): Placed {
  const from = regionOf(source);
  if (!from || !to) return { placement: 'unstated', detail: `${what}; the region of ${from ? 'the destination' : source.address} is not stated in these inputs` };
  return from === to ? { placement: 'same', detail: `${what} in ${to}, the region of ${source.address}` } : { placement: 'elsewhere', detail: `${what}: ${from} → ${to}` };
}

/**
 * Where a copy destination lands relative to `source`: `dest` is the destination attribute (read
 * from a nested block of `holder`, which resolves its references), `destType` the type it names.
 */
export function placementOf(graph: Graph, source: Resource, holder: Resource, dest: Attr, destType: string): Placed {
  if (dest.state === 'absent') return { placement: 'unknown', detail: 'no destination is set' };
  if (dest.state === 'sensitive') return { placement: 'unknown', detail: 'the destination is sensitive' };
  if (dest.state === 'known') {
    const v = str(dest) ?? '';
    const s3Name = /^arn:aws[\w-]*:s3:::([^/]+)$/.exec(v)?.[1];
    const declared = [...graph.byLiteral(holder.unit, v), ...(s3Name ? graph.byLiteral(holder.unit, s3Name) : [])].find((r) => r.type === destType);
    if (declared) return compare(source, regionOf(declared), `to ${declared.address}`);
    const account = arnAccount(v);
    const own = ownAccounts(graph, source);
    const byRegion = compare(source, arnRegion(v), `to ${v}`);
    return account && own.size && !own.has(account) ? { ...byRegion, otherAccount: true, detail: `${byRegion.detail} (another account, ${account})` } : byRegion;
  }
  const resolved = dest.value.refs.map((ref) => graph.resolveRef(holder, ref));
  const declared = resolved.flatMap((r) => r ?? []).find((r) => r.type === destType);
  if (declared) return compare(source, regionOf(declared), `to ${declared.address}`);
  // A variable, a local or a module output that cannot be followed could name any vault or bucket.
  if (!dest.value.refs.length || resolved.some((r) => r === undefined)) return { placement: 'unknown', detail: 'the destination is known only after apply' };
  return { placement: 'unstated', detail: `to ${dest.value.refs[0]}, outside these inputs` };
}

/** Backup copy actions of a plan, relative to `source` (the plan itself, or a store it backs up). */
export function backupPlanCopies(graph: Graph, plan: Resource, source: Resource = plan): Copies {
  const out: Copy[] = [];
  let unsure = false;
  blocks(plan, 'rule').forEach((r, i) => {
    if (r instanceof Unknown) {
      unsure = true;
      return;
    }
    const via = `${plan.address} rule "${typeof r.rule_name === 'string' ? r.rule_name : i}"`;
    for (const c of blocks(r, 'copy_action')) {
      if (c instanceof Unknown) unsure = true;
      else out.push({ via, ...placementOf(graph, source, plan, attr(c, 'destination_vault_arn'), 'aws_backup_vault') });
    }
  });
  return { copies: out, unsure };
}

/** Replication copies of a bucket: the destinations of Enabled rules of its replication configurations. */
export function replicationCopies(graph: Graph, bucket: Resource): Copies {
  const out: Copy[] = [];
  let unsure = false;
  for (const cfg of graph.related(bucket, REP, 'bucket')) {
    for (const r of blocks(cfg, 'rule')) {
      const status = r instanceof Unknown ? undefined : attr(r, 'status');
      if (r instanceof Unknown || status?.state === 'unknown') {
        unsure = true;
        continue;
      }
      if (str(status ?? attr(r, 'status')) !== 'Enabled') continue;
      for (const d of blocks(r, 'destination')) {
        if (d instanceof Unknown) unsure = true;
        else out.push({ via: cfg.address, ...placementOf(graph, bucket, cfg, attr(d, 'bucket'), 'aws_s3_bucket') });
      }
    }
  }
  return { copies: out, unsure };
}

/** Backup plans whose selections cover `store` (selected for certain). */
export function plansBackingUp(graph: Graph, store: Resource): Resource[] {
  const out = new Set<Resource>();
  for (const sel of graph.ofTypeIn(store.unit, 'aws_backup_selection')) {
    if (selectionSelects(graph, sel, store) !== true) continue;
    for (const p of graph.deref(sel, 'plan_id').resources) if (p.type === 'aws_backup_plan') out.add(p);
  }
  return [...out];
}

export type OffRegion = { readonly state: 'yes'; readonly copy: Copy } | { readonly state: 'no'; readonly why: string } | { readonly state: 'unknown'; readonly why: string };

/** Does `store` have a copy outside its region (replication for buckets, or a backup plan's copy_action)? */
export function copyOutsideRegion(graph: Graph, store: Resource): OffRegion {
  const found: Copies[] = [];
  if (store.type === 'aws_s3_bucket') found.push(replicationCopies(graph, store));
  for (const plan of plansBackingUp(graph, store)) found.push(backupPlanCopies(graph, plan, store));
  return judgeCopies(found, store.type === 'aws_s3_bucket' ? 'no Enabled replication rule and no AWS Backup plan with a copy_action covers it' : 'no AWS Backup plan with a copy_action covers it');
}

/**
 * The one decision over copies: a copy in another region (with `otherAccountCounts`, or in another
 * account), or one whose placement the inputs do not state → yes; else anything known only after apply → unknown; else no (copies only in the same
 * region, or none: `none` says why).
 */
export function judgeCopies(found: readonly Copies[], none: string, otherAccountCounts = false): OffRegion {
  const copies = found.flatMap((f) => f.copies);
  const out = copies.find((c) => c.placement === 'elsewhere') ?? (otherAccountCounts ? copies.find((c) => c.otherAccount) : undefined) ?? copies.find((c) => c.placement === 'unstated');
  if (out) return { state: 'yes', copy: out };
  const open = copies.find((c) => c.placement === 'unknown');
  if (open) return { state: 'unknown', why: `${open.via}: ${open.detail}` };
  if (found.some((f) => f.unsure)) return { state: 'unknown', why: 'a replication or backup rule is known only after apply' };
  const same = copies.find((c) => c.placement === 'same');
  if (same) return { state: 'no', why: `the only copies stay in its region (${same.via} ${same.detail})` };
  return { state: 'no', why: none };
}
