/**
 * Reading attributes without caring about the input format.
 *
 * Paths are dot-separated attribute names with no list indices: `rule.apply_server_side_encryption_by_default.sse_algorithm`.
 * Lists met on the way are walked element by element, so a nested block written as an object
 * (cdk.tf.json) and the same block written as a one-element list (plan JSON) read the same.
 */
import { defaultValue } from './defaults';
import { memoizeByObject } from './memo';
import type { Resource } from './types';
import { Json, Redacted, Unknown, Value, isComputedOnly, isPlainObject, own } from './values';

export type Attr =
  /** `providerDefault`: the configuration does not set it; this is the provider's default (policies/data/provider-defaults.ts). */
  | { readonly state: 'known'; readonly value: Json; readonly providerDefault?: true }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly value: Unknown }
  | { readonly state: 'sensitive' };

export const ABSENT: Attr = { state: 'absent' };
const SENSITIVE: Attr = { state: 'sensitive' };

function toAttr(v: Value | undefined): Attr {
  if (v === undefined || v === null) return ABSENT;
  if (v instanceof Unknown) return { state: 'unknown', value: v };
  if (v instanceof Redacted) return SENSITIVE;
  return { state: 'known', value: v as Json };
}

/** Every value found at `path` (lists flattened on the way); empty when nothing is there. */
export function valuesAt(root: Resource | Readonly<Record<string, Value>>, path: string): Value[] {
  let cur: Value[] = [rootValue(root)];
  for (const seg of segmentsOf(path)) {
    const next: Value[] = [];
    for (const v of cur) step(v, seg, next);
    cur = next;
    if (!cur.length) break;
  }
  // Flatten a final list of blocks only when it is a list of objects; a list attribute
  // (e.g. a list of CIDRs) is returned as one value.
  return cur;
}

function rootValue(root: Resource | Readonly<Record<string, Value>>): Value {
  return ('values' in root && 'address' in root ? (root as Resource).values : root) as Value;
}

/** The dot-separated segments of a path; rules read a few hundred distinct paths, split once each. */
function segmentsOf(path: string): readonly string[] {
  let segs = segmentCache.get(path);
  if (!segs) {
    if (segmentCache.size >= 10_000) segmentCache.clear();
    segs = path === '' ? [] : path.split('.');
    segmentCache.set(path, segs);
  }
  return segs;
}
const segmentCache = new Map<string, readonly string[]>();

function step(v: Value, seg: string, out: Value[]): void {
  if (Array.isArray(v)) {
    for (const item of v) step(item, seg, out);
    return;
  }
  if (v instanceof Unknown) {
    out.push(v); // an unknown block makes everything below it unknown
    return;
  }
  if (isPlainObject(v)) {
    const x = own(v as Record<string, Value>, seg);
    if (x !== undefined) out.push(x);
  }
}

/**
 * The first value `valuesAt` would return, found depth-first without building the list: the
 * list's order is depth-first order (each step keeps the order of the values before it).
 */
function firstAt(v: Value, segs: readonly string[], i: number): Value | undefined {
  if (i === segs.length) return v;
  if (Array.isArray(v)) {
    for (const item of v) {
      const found = firstAt(item, segs, i);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (v instanceof Unknown) return v; // an unknown block makes everything below it unknown
  if (!isPlainObject(v)) return undefined;
  const x = own(v as Record<string, Value>, segs[i]);
  return x === undefined ? undefined : firstAt(x, segs, i + 1);
}

/**
 * The single attribute at `path` (the first one when a list holds several blocks). Read from a
 * resource, an attribute the configuration does not set (absent, null, or computed-only in a plan)
 * is the provider's default when the defaults table has one: a known value with `providerDefault`.
 */
export function attr(root: Resource | Readonly<Record<string, Value>>, path: string): Attr {
  const segs = segmentsOf(path);
  const v = firstAt(rootValue(root), segs, 0);
  if ((v === undefined || v === null || isComputedOnly(v)) && isResource(root)) {
    const d = defaultValue(root, path);
    // A nested default applies only inside a block that is written (an object, or a list of
    // blocks as plans and HCL write them: its first block is the one read).
    if (d !== undefined && (segs.length === 1 || writtenBlock(firstAt(root.values as Value, segs.slice(0, -1), 0)))) return { state: 'known', value: d, providerDefault: true };
  }
  return toAttr(v);
}

const writtenBlock = (v: Value | undefined): boolean => isPlainObject(v) || (Array.isArray(v) && v.length > 0 && isPlainObject(v[0]));

const isResource = (root: Resource | Readonly<Record<string, Value>>): root is Resource =>
  'values' in root && 'address' in root && 'unit' in root && typeof (root as Resource).type === 'string';

/** All attributes at `path`, one per block instance. */
export function attrs(root: Resource | Readonly<Record<string, Value>>, path: string): Attr[] {
  return valuesAt(root, path).map(toAttr);
}

/** The nested blocks at `path` as objects (a block written as an object or a list). */
export function blocks(root: Resource | Readonly<Record<string, Value>>, path: string): Array<Record<string, Value> | Unknown> {
  const out: Array<Record<string, Value> | Unknown> = [];
  for (const v of valuesAt(root, path)) pushBlocks(v, out);
  return out;
}

function pushBlocks(v: Value, out: Array<Record<string, Value> | Unknown>): void {
  if (Array.isArray(v)) for (const x of v) pushBlocks(x, out);
  else if (v instanceof Unknown) out.push(v);
  else if (isPlainObject(v)) out.push(v as Record<string, Value>);
}

/** The attribute is computed by the provider because the configuration leaves it out (see `isComputedOnly`). */
export function computedOnly(a: Attr): boolean {
  return a.state === 'unknown' && isComputedOnly(a.value);
}

/** The attribute is not known before apply (unknown or sensitive): a comparison with it decides nothing. */
export function undecided(a: Attr): boolean {
  return a.state === 'unknown' || a.state === 'sensitive';
}

/**
 * Three-valued equality for matching blocks by a field (`type = "AWS::S3::Object"`): true or
 * false when the attribute is known or absent, undefined when it is unknown or sensitive (a rule
 * must then not treat the block as "not matching").
 */
export function equalsKnown(a: Attr, expected: Json): boolean | undefined {
  if (a.state === 'unknown' || a.state === 'sensitive') return undefined;
  if (a.state === 'absent') return expected === null;
  return a.value === expected;
}

/** Known string, or undefined. */
export function str(a: Attr): string | undefined {
  return a.state === 'known' && typeof a.value === 'string' ? a.value : undefined;
}

/** Known number (numeric strings accepted, as Terraform coerces them), or undefined. */
export function num(a: Attr): number | undefined {
  if (a.state !== 'known') return undefined;
  if (typeof a.value === 'number') return a.value;
  if (typeof a.value === 'string' && /^-?\d+(\.\d+)?$/.test(a.value.trim())) return Number(a.value);
  return undefined;
}

/** Known boolean (`"true"`/`"false"` strings accepted), or undefined. */
export function bool(a: Attr): boolean | undefined {
  if (a.state !== 'known') return undefined;
  if (typeof a.value === 'boolean') return a.value;
  if (a.value === 'true') return true;
  if (a.value === 'false') return false;
  return undefined;
}

/** A known list (a scalar counts as a one-element list), or undefined. */
export function list(a: Attr): Json[] | undefined {
  if (a.state !== 'known') return undefined;
  return Array.isArray(a.value) ? a.value : [a.value];
}

/** True when the attribute has a value or will have one (set, reference, unknown, sensitive). */
export function isSet(a: Attr): boolean {
  if (a.state === 'absent') return false;
  if (a.state === 'known') return a.value !== '' && !(Array.isArray(a.value) && a.value.length === 0);
  return true;
}

/** A known tag value by key, compared without case (`Purpose`, `purpose`). */
export function tagValue(r: Resource, key: string): string | undefined {
  return tagsByLowerKey(r).get(key.toLowerCase());
}

/** Known tags by lower-cased key; of keys that differ only in case, the first one in {@link tagsOf} order. */
const tagsByLowerKey = memoizeByObject((r: Resource): ReadonlyMap<string, string> => {
  const out = new Map<string, string>();
  for (const [name, v] of Object.entries(tagsOf(r))) if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), v);
  return out;
});

/**
 * Some tag of the resource is known only after apply (the `tags` map itself, or one of its values):
 * a rule that classifies by tags cannot decide from {@link tagsOf} alone.
 */
export function tagsUndecided(r: Resource): boolean {
  const t = own(r.values as Record<string, Value>, 'tags');
  if (t instanceof Unknown) return !isComputedOnly(t);
  if (isPlainObject(t)) for (const v of Object.values(t)) if (v instanceof Unknown || v instanceof Redacted) return true;
  return false;
}

/** Known tags of a resource (tags and tags_all merged), unknown tag values skipped. Computed once per resource (shared, read-only). */
export function tagsOf(r: Resource): Readonly<Record<string, string>> {
  return tagsOnce(r);
}

const tagsOnce = memoizeByObject((r: Resource): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const key of ['tags_all', 'tags']) {
    const t = own(r.values as Record<string, Value>, key);
    if (isPlainObject(t)) {
      for (const [k, v] of Object.entries(t)) if (typeof v === 'string') out[k] = v;
    }
  }
  return out;
});
