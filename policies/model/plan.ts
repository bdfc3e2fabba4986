/**
 * `terraform show -json` plan (and state) JSON → model resources.
 *
 * Reads every format_version 0.x and 1.x. Values come from `resource_changes[].change.after`
 * (or `planned_values` when a resource has no change entry), overlaid with `after_unknown`
 * (unknown after apply) and `after_sensitive` (withheld). Unknown values are filled in from
 * `configuration` expressions where the configuration states a constant or names references.
 */
import { InputError, MAX_DEPTH, tooDeep } from './errors';
import { ModuleConfig, ModuleIndex, forEachInstanceKey, setOwn, stripInstanceKeys } from './modules';
import type { ChangeAction, Resource, Unit } from './types';
import { SchemaBlock, childBlock, isComputedBlock, schemaOf, structureKnown } from './schema';
import { AFTER_APPLY, Json, NOT_CONFIGURED, REDACTED, SENSITIVE_AFTER_APPLY, Unknown, Value, isPlainObject } from './values';
import { planResourceRegions } from './regions';

type Obj = Record<string, unknown>;

/** An empty object that stands in for an absent marker or expression tree. */
const NONE: Obj = Object.freeze({});

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const get = (o: unknown, k: string): unknown => (isObj(o) && has(o, k) ? o[k] : undefined);

export function isPlanDocument(doc: unknown): boolean {
  return (
    isObj(doc) &&
    has(doc, 'format_version') &&
    (has(doc, 'planned_values') || has(doc, 'resource_changes') || has(doc, 'configuration') || has(doc, 'values'))
  );
}

export function checkPlanVersion(doc: Obj, file: string): string {
  const v = doc.format_version;
  if (typeof v !== 'string' || !/^\d+\.\d+$/.test(v)) {
    throw new InputError(`${file}: plan format_version is missing or not a version string`);
  }
  const major = Number(v.split('.')[0]);
  if (major !== 0 && major !== 1) {
    throw new InputError(`${file}: plan format_version ${v} is not supported (phikit reads 0.x and 1.x)`);
  }
  return v;
}

interface Raw {
  address: string;
  type: string;
  name: string;
  mode: 'managed' | 'data';
  moduleAddress: string;
  values?: unknown;
  sensitive?: unknown;
  providerName?: string;
}

function collectModule(mod: unknown, out: Map<string, Raw>, depth: number, file: string): void {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (!isObj(mod)) return;
  const moduleAddress = typeof mod.address === 'string' ? mod.address : '';
  const resources = get(mod, 'resources');
  if (Array.isArray(resources)) {
    for (const r of resources) {
      if (!isObj(r) || typeof r.address !== 'string' || typeof r.type !== 'string') continue;
      out.set(r.address, {
        address: r.address,
        type: r.type,
        name: typeof r.name === 'string' ? r.name : r.address,
        mode: r.mode === 'data' ? 'data' : 'managed',
        moduleAddress,
        values: r.values,
        sensitive: r.sensitive_values,
        providerName: typeof r.provider_name === 'string' ? r.provider_name : undefined,
      });
    }
  }
  const children = get(mod, 'child_modules');
  if (Array.isArray(children)) for (const c of children) collectModule(c, out, depth + 1, file);
}

function actionOf(actions: unknown): ChangeAction {
  if (!Array.isArray(actions)) return 'create';
  const a = actions.filter((x) => typeof x === 'string') as string[];
  if (a.includes('delete') && a.includes('create')) return 'replace';
  if (a.length === 1) {
    const only = a[0];
    if (only === 'create' || only === 'update' || only === 'delete' || only === 'read') return only;
    if (only === 'no-op') return 'no-op';
  }
  return a.includes('delete') ? 'delete' : 'update';
}

/** Module address of a resource address: everything before the last resource segment. */
function moduleOf(address: string): string {
  const parts = splitAddress(address);
  const mods: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'module') break;
    mods.push(`module.${parts[i + 1]}`);
  }
  return mods.join('.');
}

/** `aws_s3_bucket.b["k"]` → `aws_s3_bucket.b`. */
function withoutInstanceKey(address: string): string {
  if (!address.endsWith(']')) return address;
  let last = -1;
  forEachInstanceKey(address, (start, end) => {
    if (end === address.length) last = start;
  });
  return last < 0 ? address : address.slice(0, last);
}

/** Split an address on dots that are outside `[...]` keys. */
export function splitAddress(address: string): string[] {
  if (address.indexOf('[') < 0 && address.indexOf('"') < 0) return address.split('.');
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (inStr) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inStr = false;
      continue;
    }
    if (c === 34) inStr = true;
    else if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) depth--;
    else if (c === 46 /* . */ && depth === 0) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  out.push(address.slice(start));
  return out;
}

/** Convert a plain JSON value (constant) into a model value. */
function plain(v: unknown, depth: number, file: string): Value {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1, file));
  if (isObj(v)) {
    const o: Record<string, Value> = {};
    for (const k of Object.keys(v)) setOwn(o, k, plain(v[k], depth + 1, file));
    return o;
  }
  return v as Json;
}

/**
 * A known value used as it is, without a copy (JSON.parse output holds only JSON values, and
 * its `__proto__` keys are own properties). Still refused past the nesting limit, as a copy is.
 */
function shared(v: unknown, depth: number, file: string): Value {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (typeof v === 'object' && v !== null) {
    if (Array.isArray(v)) for (const x of v) shared(x, depth + 1, file);
    else for (const k in v) if (has(v as Obj, k)) shared((v as Obj)[k], depth + 1, file);
  }
  return v as Value;
}

/** A marker (after_unknown / after_sensitive) that marks nothing: absent, false, `{}` or `[]`. */
function unmarked(m: unknown): boolean {
  if (m === undefined || m === null || m === false) return true;
  if (Array.isArray(m)) return m.length === 0;
  if (isObj(m)) {
    for (const k in m) if (has(m, k)) return false;
    return true;
  }
  return false;
}

/**
 * Fail-closed reading of an `after_sensitive` marker: anything other than absent, `false`,
 * `null` or an empty container marks the value here sensitive (`true`, `1`, `"yes"`), as does a
 * marker whose shape the value does not have (`{"value": true}` or `[true]` on a string) and
 * any marker under a value that is unknown as a whole (the configuration expression that would
 * explain it may hold the constant).
 */
function sensitiveHere(sens: unknown, known: unknown, unk: unknown): boolean {
  if (unmarked(sens)) return false;
  if (unk === true) return true;
  if (Array.isArray(sens)) return !(Array.isArray(known) || ((known === undefined || known === null) && Array.isArray(unk)));
  if (isObj(sens)) return !(isObj(known) || ((known === undefined || known === null) && isObj(unk)));
  return true;
}

function isLeafExpr(e: unknown): e is Obj {
  return isObj(e) && (has(e, 'constant_value') || has(e, 'references'));
}

/** A configuration expression (or nested block of expressions) as a model value. */
function fromExpr(e: unknown, depth: number, file: string): Value | undefined {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (isLeafExpr(e)) {
    // An expression flagged sensitive keeps its constant out of the model.
    if (!unmarked(get(e, 'sensitive'))) return SENSITIVE_AFTER_APPLY;
    const refs = get(e, 'references');
    if (Array.isArray(refs) && refs.length) {
      const rs = refs.filter((r): r is string => typeof r === 'string');
      return new Unknown(rs, 'reference');
    }
    if (has(e, 'constant_value')) return plain(e.constant_value, depth + 1, file);
    return undefined;
  }
  if (Array.isArray(e)) {
    const items = e.map((x) => fromExpr(x, depth + 1, file));
    return items.every((x) => x !== undefined) ? (items as Value[]) : AFTER_APPLY;
  }
  if (isObj(e)) {
    const o: Record<string, Value> = {};
    for (const k of Object.keys(e)) {
      const v = fromExpr(e[k], depth + 1, file);
      if (v !== undefined) setOwn(o, k, v);
    }
    return o;
  }
  return undefined;
}

function unknownFrom(expr: unknown, depth: number, file: string): Value {
  const v = expr === undefined ? undefined : fromExpr(expr, depth, file);
  return v === undefined ? AFTER_APPLY : v;
}

/**
 * Where a value sits, for telling "the configuration leaves this out" from "unknown" when a plan
 * marks a whole value unknown and the configuration shows no expression for it.
 */
interface Site {
  readonly type: string;
  /** Dot-separated path from the resource (no list indices). */
  readonly path: string;
  /** Schema of the value when it is a block (the resource itself at the root). */
  readonly block: SchemaBlock | undefined;
  /** What the provider schema says the value is; `unknown` when the type or level is not in the data. */
  readonly kind: 'block' | 'attribute' | 'unknown';
  /** The configuration has an expression for the value. */
  readonly configured: boolean;
  /** The configuration has an expression for the value's enclosing block (statically written, not `dynamic`). */
  readonly parentConfigured: boolean;
}

function childSite(parent: Site, key: string, expr: unknown): Site {
  const known = structureKnown(parent.block);
  const block = known ? childBlock(parent.block, key) : undefined;
  return {
    type: parent.type,
    path: parent.path ? `${parent.path}.${key}` : key,
    block,
    kind: !known ? 'unknown' : block ? 'block' : 'attribute',
    configured: parent.configured && expr !== undefined,
    parentConfigured: parent.configured,
  };
}

/** An element of a list or set value: its own expression, if the configuration lists it. */
const elementSite = (site: Site, expr: unknown): Site => ({ ...site, configured: site.configured && expr !== undefined, parentConfigured: false });

/**
 * A value the plan marks unknown as a whole while the configuration has no expression for it.
 * The configuration leaves it out (the provider computes it: {@link NOT_CONFIGURED}) only when its
 * enclosing block is written in the configuration and the value is an attribute or a block the
 * provider computes. Otherwise it may come from a `dynamic` block, a plan without `configuration`,
 * or a type the schema data does not cover: unknown ({@link AFTER_APPLY}), never "not set".
 */
function unconfigured(site: Site): Unknown {
  if (!site.parentConfigured) return AFTER_APPLY;
  if (site.kind === 'attribute') return NOT_CONFIGURED;
  if (site.kind === 'block' && isComputedBlock(site.type, site.path)) return NOT_CONFIGURED;
  return AFTER_APPLY;
}

/** An unknown value with a configuration expression: the expression's constant or references. */
function unknownAt(expr: unknown, site: Site, depth: number, file: string): Value {
  // An attribute's expression is a leaf ({constant_value} / {references}); `{}` is an expression
  // Terraform could neither evaluate nor trace (a function call of nothing known): unknown.
  if (site.kind === 'attribute' && !isLeafExpr(expr)) return AFTER_APPLY;
  return unknownFrom(expr, depth, file);
}

/**
 * Merge known values with the unknown and sensitive markers of the same shape, and the
 * configuration expressions for the same attribute (used only to explain unknown values).
 */
function merge(known: unknown, unk: unknown, sens: unknown, expr: unknown, depth: number, file: string, site: Site): Value | undefined {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (sensitiveHere(sens, known, unk)) {
    // Sensitive: never keep the value, nor a configuration constant for it. An unknown
    // sensitive value stays unknown, marked so nothing (a --synth template) fills it in later.
    if (unk === true || (known === undefined && !unmarked(unk))) {
      const u = expr === undefined ? unconfigured(site) : SENSITIVE_AFTER_APPLY;
      return u === AFTER_APPLY ? SENSITIVE_AFTER_APPLY : u;
    }
    return known === undefined || known === null ? (known as Json | undefined) : REDACTED;
  }
  if (unk === true) return expr === undefined ? unconfigured(site) : unknownAt(expr, site, depth + 1, file);
  if (unmarked(unk) && unmarked(sens)) return known === undefined ? undefined : shared(known, depth + 1, file);
  if (Array.isArray(known) || Array.isArray(unk)) {
    const k = Array.isArray(known) ? known : [];
    const u = Array.isArray(unk) ? unk : [];
    const s = Array.isArray(sens) ? sens : [];
    // A single nested block may be written as one object in the configuration and a list in the plan.
    const e = Array.isArray(expr) ? expr : isObj(expr) && !isLeafExpr(expr) ? [expr] : [];
    // One expression for the whole list (`compact([a.json, b.json])`): each unknown element
    // keeps the list's references, so joins from an element are not lost.
    const whole = isLeafExpr(expr) ? expr : undefined;
    const n = Math.max(k.length, u.length);
    const out: Value[] = [];
    for (let i = 0; i < n; i++) {
      const ei = whole ?? e[i];
      let v = merge(k[i], u[i], s[i], ei, depth + 1, file, elementSite(site, ei));
      // Which of several elements a reference belongs to is not known: an expression of them all.
      if (whole && n > 1 && v instanceof Unknown && v.refs.length) v = new Unknown(v.refs, 'expression');
      out.push(v === undefined ? null : v);
    }
    return out;
  }
  if (isObj(known) || isObj(unk)) {
    const k = isObj(known) ? known : NONE;
    const u = isObj(unk) ? unk : NONE;
    const s = isObj(sens) ? sens : NONE;
    const e = isObj(expr) && !isLeafExpr(expr) ? expr : NONE;
    const out: Record<string, Value> = {};
    for (const key in k) {
      if (!has(k, key)) continue;
      const uk = has(u, key) ? u[key] : undefined;
      const sk = has(s, key) ? s[key] : undefined;
      // Most attributes carry no marker: the known value is kept as it is.
      const ek = get(e, key);
      const v = uk === undefined && sk === undefined ? shared(k[key], depth + 2, file) : merge(k[key], uk, sk, ek, depth + 1, file, childSite(site, key, ek));
      if (v !== undefined) setOwn(out, key, v);
    }
    for (const key in u) {
      if (!has(u, key) || has(k, key)) continue;
      const ek = get(e, key);
      const v = merge(undefined, u[key], get(s, key), ek, depth + 1, file, childSite(site, key, ek));
      if (v !== undefined) setOwn(out, key, v);
    }
    return out;
  }
  if (known === undefined) return undefined;
  return plain(known, depth + 1, file);
}

/** Config index: module config path → type.name → expressions; plus module wiring. */
function indexConfig(doc: Obj, file: string): ModuleIndex {
  const modules = new Map<string, ModuleConfig>();
  const walk = (mod: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH) throw tooDeep(file);
    if (!isObj(mod)) return;
    const cfg: ModuleConfig = { resources: new Map(), calls: new Map(), outputs: new Map() };
    modules.set(path, cfg);
    const resources = get(mod, 'resources');
    if (Array.isArray(resources)) {
      for (const r of resources) {
        if (!isObj(r) || typeof r.address !== 'string') continue;
        const local = splitAddress(r.address).slice(-(r.mode === 'data' ? 3 : 2)).join('.');
        cfg.resources.set(local, r.expressions);
      }
    }
    const outputs = get(mod, 'outputs');
    if (isObj(outputs)) {
      for (const [name, o] of Object.entries(outputs)) {
        const refs = get(get(o, 'expression'), 'references');
        cfg.outputs.set(name, Array.isArray(refs) ? refs.filter((x): x is string => typeof x === 'string') : []);
      }
    }
    const calls = get(mod, 'module_calls');
    if (isObj(calls)) {
      for (const [name, call] of Object.entries(calls)) {
        const vars = new Map<string, string[]>();
        const exprs = get(call, 'expressions');
        if (isObj(exprs)) {
          for (const [v, e] of Object.entries(exprs)) {
            const refs = get(e, 'references');
            vars.set(v, Array.isArray(refs) ? refs.filter((x): x is string => typeof x === 'string') : []);
          }
        }
        cfg.calls.set(name, vars);
        walk(get(call, 'module'), path ? `${path}.module.${name}` : `module.${name}`, depth + 1);
      }
    }
  };
  walk(get(get(doc, 'configuration'), 'root_module'), '', 0);
  return modules;
}

export interface LoadedUnit {
  resources: Resource[];
  modules: ModuleIndex;
}

export function loadPlan(doc: Obj, unit: Unit, count?: (resources: number) => void): LoadedUnit {
  const file = unit.file;
  // Resources in the order of their change entries, then those listed only in planned values
  // (or a state's values), then data sources read during planning (prior_state). The order does
  // not depend on whether planned_values was read (plan-text.ts leaves it out when it adds nothing).
  const listed = new Map<string, Raw>();
  collectModule(get(get(doc, 'planned_values'), 'root_module'), listed, 0, file);
  // `terraform show -json` of a state file: values.root_module.
  collectModule(get(get(doc, 'values'), 'root_module'), listed, 0, file);
  const prior = new Map<string, Raw>();
  collectModule(get(get(get(doc, 'prior_state'), 'values'), 'root_module'), prior, 0, file);

  // Each address with its change entry (the last one when an address has several).
  const entries = new Map<string, { raw: Raw; rc?: Obj }>();
  const rcs = get(doc, 'resource_changes');
  if (rcs !== undefined && !Array.isArray(rcs)) throw new InputError(`${file}: resource_changes is not a list`);
  for (const rc of (rcs as unknown[]) ?? []) {
    if (!isObj(rc) || typeof rc.address !== 'string' || typeof rc.type !== 'string') continue;
    const seen = entries.get(rc.address);
    if (seen) {
      seen.rc = rc;
      continue;
    }
    const raw: Raw = listed.get(rc.address) ??
      prior.get(rc.address) ?? {
      address: rc.address,
      type: rc.type,
      name: typeof rc.name === 'string' ? rc.name : rc.address,
      mode: rc.mode === 'data' ? 'data' : 'managed',
      moduleAddress: typeof rc.module_address === 'string' ? rc.module_address : moduleOf(rc.address),
      providerName: typeof rc.provider_name === 'string' ? rc.provider_name : undefined,
    };
    entries.set(rc.address, { raw, rc });
  }
  for (const [addr, raw] of listed) if (!entries.has(addr)) entries.set(addr, { raw });
  for (const [addr, raw] of prior) if (raw.mode === 'data' && !entries.has(addr)) entries.set(addr, { raw });
  // The run's resource budget is checked before any resource is modelled.
  count?.(entries.size);
  const config = indexConfig(doc, file);
  const regions = planResourceRegions(doc);
  const defaultAction: ChangeAction = has(doc, 'values') && !has(doc, 'planned_values') ? 'no-op' : 'create';

  const resources: Resource[] = [];
  for (const { raw, rc } of entries.values()) {
    const change = get(rc, 'change');
    const action = rc ? actionOf(get(change, 'actions')) : raw.mode === 'data' ? 'read' : defaultAction;
    let after = change !== undefined ? get(change, 'after') : raw.values;
    if (action === 'delete') after = get(change, 'before');
    if (after === null || after === undefined) after = raw.values ?? {};
    const unk = action === 'delete' ? undefined : get(change, 'after_unknown');
    const sens =
      action === 'delete'
        ? get(change, 'before_sensitive')
        : isObj(change) && has(change, 'after_sensitive')
          ? get(change, 'after_sensitive')
          : raw.sensitive;
    const configPath = stripInstanceKeys(raw.moduleAddress);
    const parts = splitAddress(raw.address);
    const localName = withoutInstanceKey(parts.slice(-(raw.mode === 'data' ? 3 : 2)).join('.'));
    const expressions = config.get(configPath)?.resources.get(localName);
    const root: Site = { type: raw.type, path: '', block: raw.mode === 'managed' ? schemaOf(raw.type) : undefined, kind: 'block', configured: expressions !== undefined, parentConfigured: false };
    const merged = merge(after, unk, sens, expressions, 0, file, root);
    const values = isPlainObject(merged) ? merged : {};
    const baseAddress = withoutInstanceKey(raw.address);
    resources.push({
      address: raw.address,
      type: raw.type,
      name: raw.name,
      mode: raw.mode,
      modulePath: raw.moduleAddress,
      baseAddress,
      unit,
      values,
      action,
      inlineWaivers: [],
      provider: raw.providerName,
      region: regions.get(`${configPath}|${localName}`),
    });
  }
  // Resource expressions were needed only to explain unknown values; module wiring stays.
  for (const m of config.values()) m.resources.clear();
  return { resources, modules: config };
}
