/**
 * The normalized resource graph: every resource of every input, indexed by type, address and
 * literal identity (bucket name, ARN, id, name), with reference edges resolved once.
 *
 * Joins (`related`, `deref`) never cross units — two stacks or two plan files are two Terraform
 * states — except along cdktf's own cross-stack references within one cdktf.out (an output of one
 * stack read through `terraform_remote_state` by another). Account-level rules can still look at
 * `ofType` across all units.
 */
import { attr, str } from './attrs';
import { decideConditionalDefaults } from './defaults';
import type { ParsedInput } from './load';
import { backendKey } from './synth';
import { ModuleIndex, stripInstanceKeys } from './modules';
import { splitAddress } from './plan';
import type { SourceModule } from './source';
import type { Edge, Resource, Unit } from './types';
import { Unknown, Value, isPlainObject } from './values';

/** Attributes whose known string values identify a resource for literal joins. */
const IDENTITY_ATTRS = [
  'id',
  'arn',
  'bucket',
  'name',
  'key_id',
  'function_name',
  'identifier',
  'cluster_identifier',
  'table_name',
  'topic_arn',
  'queue_url',
  'url',
  'role_name',
];

/** What an attribute points at. */
export interface Target {
  /** Resources in the same unit it refers to (by reference or literal name/ARN/id). */
  readonly resources: readonly Resource[];
  /** Refers to something outside the inputs (another stack, a literal ARN of an unmanaged resource, var.*). */
  readonly external: boolean;
  /** The attribute is not set at all. */
  readonly absent: boolean;
  /**
   * Module instances ('' = root) where a reference of the attribute could not be followed (a
   * `local.*` without Terraform source, `each.value`, …): the target is somewhere in their
   * subtree, but which one is not known. Empty when every reference was followed or is external.
   */
  readonly unresolved: readonly string[];
}

const IN_PROGRESS: LocalResolution = Object.freeze({ resources: undefined, stuck: Object.freeze([]) as readonly string[] });

/** Resolution of a local: what it resolved to, and where it got stuck. */
interface LocalResolution {
  readonly resources: Resource[] | undefined;
  readonly stuck: readonly string[];
}

const RESOURCE_REF = /^(data\.)?([a-zA-Z][a-zA-Z0-9_-]*)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\])?)/;

export class Graph {
  readonly units: Unit[];
  readonly resources: Resource[];
  private readonly byTypeIdx = new Map<string, Resource[]>();
  // Indexes per unit (unit id → key → resources): joins never cross units.
  private readonly byAddress = new Map<string, Map<string, Resource>>();
  private readonly byBase = new Map<string, Map<string, Resource[]>>();
  private readonly literal = new Map<string, Map<string, Resource[]>>();
  private readonly modules = new Map<string, ModuleIndex>();
  /** unit id → module configuration path → locals read from Terraform source (`--source`). */
  private readonly sources = new Map<string, ReadonlyMap<string, SourceModule>>();
  private readonly edgesIn = new Map<Resource, Edge[]>();
  private readonly edgesOut = new Map<Resource, Edge[]>();
  private edgesBuilt = false;
  // cdktf cross-stack references: (cdktf.out dir, backend) → the stack writing that state.
  private readonly stackByState = new Map<string, { unit: Unit; outputs: ReadonlyMap<string, readonly string[]> }>();
  private readonly outDirOf = new Map<string, string>();

  private constructor(inputs: readonly ParsedInput[]) {
    this.units = inputs.map((i) => i.unit);
    const all: Resource[] = [];
    for (const input of inputs) {
      if (input.modules) this.modules.set(input.unit.id, input.modules);
      if (input.source) this.sources.set(input.unit.id, input.source.modules);
      if (input.outDir && input.stackInterface?.backend) {
        this.outDirOf.set(input.unit.id, input.outDir);
        this.stackByState.set(`${input.outDir}\u0000${input.stackInterface.backend}`, { unit: input.unit, outputs: input.stackInterface.outputs });
      }
      const sorted = [...input.resources].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
      for (const r of sorted) all.push(r);
    }
    this.resources = all;
    for (const r of all) {
      inUnit(this.byAddress, r.unit).set(r.address, r);
      push(inUnit(this.byBase, r.unit), r.baseAddress, r);
      push(this.byTypeIdx, r.type, r);
      if (r.mode === 'data') continue;
      const literal = inUnit(this.literal, r.unit);
      for (const a of IDENTITY_ATTRS) {
        const v = Object.prototype.hasOwnProperty.call(r.values, a) ? r.values[a] : undefined;
        if (typeof v === 'string' && v.length > 0) addUnique(literal, v, r);
      }
    }
  }

  static from(inputs: readonly ParsedInput[]): Graph {
    const g = new Graph(inputs);
    // Provider defaults that depend on a related resource (a listener's protocol on its load balancer's type).
    decideConditionalDefaults(g.resources, (r, p) => g.deref(r, p).resources, (r, p) => {
      const a = attr(r, p);
      return a.state === 'known' ? { known: true, value: a.value } : { known: a.state === 'absent' };
    });
    return g;
  }

  /** Resources of a type across every unit (managed resources unless `mode` says otherwise). */
  ofType(type: string, mode: 'managed' | 'data' = 'managed'): Resource[] {
    // One map per mode: a lookup (several per check) builds no key string.
    const byType = mode === 'managed' ? this.ofTypeManaged : this.ofTypeData;
    let cached = byType.get(type);
    if (!cached) {
      cached = (this.byTypeIdx.get(type) ?? []).filter((r) => r.mode === mode && r.action !== 'delete');
      byType.set(type, cached);
    }
    return cached;
  }

  private readonly ofTypeManaged = new Map<string, Resource[]>();
  private readonly ofTypeData = new Map<string, Resource[]>();

  /** Resources of a type in one unit (shared, read-only). */
  ofTypeIn(unit: Unit, type: string, mode: 'managed' | 'data' = 'managed'): readonly Resource[] {
    const key = `${mode}\u0000${type}`;
    let byUnit = this.ofTypeInCache.get(key);
    if (!byUnit) {
      byUnit = new Map();
      for (const r of this.ofType(type, mode)) push(byUnit, r.unit, r);
      this.ofTypeInCache.set(key, byUnit);
    }
    return byUnit.get(unit) ?? [];
  }

  private readonly ofTypeInCache = new Map<string, Map<Unit, Resource[]>>();

  /**
   * Resources of a type in one unit whose attribute at `path` is the known string `value`: a join by
   * literal value through an index, not a scan of the type per lookup (shared, read-only).
   */
  withValue(unit: Unit, type: string, path: string, value: string): readonly Resource[] {
    const key = `${type}\u0000${path}`;
    let byUnit = this.valueIndexes.get(key);
    if (!byUnit) {
      byUnit = new Map();
      for (const r of this.ofType(type)) {
        const v = str(attr(r, path));
        if (v === undefined) continue;
        let byValue = byUnit.get(r.unit);
        if (!byValue) byUnit.set(r.unit, (byValue = new Map()));
        push(byValue, v, r);
      }
      this.valueIndexes.set(key, byUnit);
    }
    return byUnit.get(unit)?.get(value) ?? [];
  }

  private readonly valueIndexes = new Map<string, Map<Unit, Map<string, Resource[]>>>();

  /** A resource by exact address within a unit. */
  get(unit: Unit, address: string): Resource | undefined {
    return this.byAddress.get(unit.id)?.get(address);
  }

  /** Resources whose identity (id, arn, name, bucket, …) equals a literal string, in one unit. */
  byLiteral(unit: Unit, value: string): Resource[] {
    return this.literal.get(unit.id)?.get(value) ?? [];
  }

  /**
   * Resolve a raw reference (`aws_kms_key.k.arn`, `module.m.out`, `var.x`) made from inside
   * `from`'s module to resources. `undefined` = cannot be followed (external or local).
   */
  resolveRef(from: Resource, ref: string, depth = 0): Resource[] | undefined {
    return this.resolveIn(from.unit, from.modulePath, ref, depth);
  }

  /** Does this unit have Terraform source for the module configuration path? */
  hasSource(unit: Unit, modulePath: string): boolean {
    return this.sources.get(unit.id)?.has(stripInstanceKeys(modulePath)) ?? false;
  }

  /**
   * `stuck` collects the module instances where a reference could not be followed although it
   * names something of these inputs (a local without source, `each.value`, a module without
   * configuration): see {@link Target.unresolved}.
   */
  private resolveIn(unit: Unit, modulePath: string, ref: string, depth: number, stuck?: Set<string>): Resource[] | undefined {
    if (depth > 32) return undefined;
    const mods = this.modules.get(unit.id);
    const prefix = modulePath ? `${modulePath}.` : '';
    if (ref.startsWith('var.')) {
      if (!mods || !modulePath) return undefined;
      const name = ref.slice(4).split('.')[0];
      const lastMod = lastModuleSegment(modulePath);
      if (!lastMod) return undefined;
      const parentPath = modulePath.slice(0, Math.max(0, modulePath.length - lastMod.full.length - 1));
      const call = mods.get(stripInstanceKeys(parentPath))?.calls.get(lastMod.name);
      if (!call) {
        stuck?.add(parentPath);
        return undefined;
      }
      const callRefs = call.get(name);
      if (!callRefs || !callRefs.length) return undefined;
      return this.resolveMany(unit, parentPath, callRefs, depth + 1, stuck);
    }
    if (ref.startsWith('data.terraform_remote_state.')) return this.resolveRemoteState(unit, modulePath, ref, depth);
    if (ref.startsWith('local.')) return this.resolveLocal(unit, modulePath, ref, depth, stuck);
    if (ref.startsWith('each.')) {
      stuck?.add(modulePath);
      return undefined;
    }
    if (ref.startsWith('count.') || ref.startsWith('path.') || ref.startsWith('terraform.') || ref.startsWith('self.')) return undefined;
    if (ref.startsWith('module.')) {
      const m = /^module\.([A-Za-z_][\w-]*)((?:\[[^\]]*\])?)\.([A-Za-z_][\w-]*)/.exec(ref);
      if (!m || !mods) return undefined;
      const childCfg = stripInstanceKeys(`${prefix}module.${m[1]}`);
      const child = mods.get(childCfg);
      if (!child) {
        stuck?.add(modulePath);
        return undefined;
      }
      const outRefs = child.outputs.get(m[3]);
      if (!outRefs || !outRefs.length) return undefined;
      // Every instance of the child module when no key is given.
      const childPaths = m[2]
        ? [`${prefix}module.${m[1]}${m[2]}`]
        : this.moduleInstances(unit, `${prefix}module.${m[1]}`);
      const out: Resource[] = [];
      let any = false;
      for (const cp of childPaths) {
        const r = this.resolveMany(unit, cp, outRefs, depth + 1, stuck);
        if (r) {
          any = true;
          out.push(...r);
        }
      }
      return any ? dedupe(out) : undefined;
    }
    const m = RESOURCE_REF.exec(ref);
    if (!m) return undefined;
    const base = `${prefix}${m[1] ?? ''}${m[2]}.${m[3]}`;
    if (m[4]) {
      const exact = this.byAddress.get(unit.id)?.get(`${base}${m[4]}`);
      if (exact) return [exact];
    }
    const found = this.byBase.get(unit.id)?.get(base);
    return found && found.length ? found : undefined;
  }

  /**
   * `data.terraform_remote_state.<x>.outputs.<name>` as cdktf writes a cross-stack reference: the
   * data source reads the state of another stack of the same cdktf.out (same backend config), whose
   * output `<name>` refers to resources there. Never across cdktf.out directories or plan files.
   */
  private resolveRemoteState(unit: Unit, modulePath: string, ref: string, depth: number): Resource[] | undefined {
    const m = /^data\.terraform_remote_state\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/.exec(ref);
    const outDir = this.outDirOf.get(unit.id);
    if (!m || !outDir || modulePath) return undefined;
    const ds = this.byAddress.get(unit.id)?.get(`data.terraform_remote_state.${m[1]}`);
    const type = ds && typeof ds.values.backend === 'string' ? ds.values.backend : undefined;
    const key = type ? backendKey(type, ds?.values.config) : undefined;
    const producer = key ? this.stackByState.get(`${outDir}\u0000${key}`) : undefined;
    if (!producer || producer.unit === unit) return undefined;
    const refs = producer.outputs.get(m[2]);
    return refs?.length ? this.resolveMany(producer.unit, '', refs, depth + 1) : undefined;
  }

  /**
   * `local.name` in one module instance: the references of the local's expression in the
   * Terraform source, followed in the same instance (recursively; each local of each instance is
   * resolved once, and a cycle resolves to nothing). Without source the reference is stuck there.
   */
  private resolveLocal(unit: Unit, modulePath: string, ref: string, depth: number, stuck?: Set<string>): Resource[] | undefined {
    const name = /^local\.([A-Za-z_][\w-]*)/.exec(ref)?.[1];
    if (!name) return undefined;
    const refs = this.sources.get(unit.id)?.get(stripInstanceKeys(modulePath))?.locals.get(name);
    if (!refs) {
      stuck?.add(modulePath);
      return undefined;
    }
    const key = `${unit.id}\u0000${modulePath}\u0000${name}`;
    let res = this.localCache.get(key);
    if (res === IN_PROGRESS) {
      // A cycle (Terraform refuses one; hostile input): nothing is known through it.
      stuck?.add(modulePath);
      return undefined;
    }
    if (res === undefined) {
      this.localCache.set(key, IN_PROGRESS);
      const inner = new Set<string>();
      res = { resources: this.resolveMany(unit, modulePath, refs, depth + 1, inner), stuck: [...inner] };
      this.localCache.set(key, res);
    }
    if (stuck) for (const s of res.stuck) stuck.add(s);
    return res.resources;
  }

  private readonly localCache = new Map<string, LocalResolution>();

  private resolveMany(unit: Unit, modulePath: string, refs: readonly string[], depth: number, stuck?: Set<string>): Resource[] | undefined {
    const out: Resource[] = [];
    let any = false;
    // Terraform lists both `aws_x.y.attr` and `aws_x.y`; resolving either is enough.
    for (const r of refs) {
      const got = this.resolveIn(unit, modulePath, r, depth, stuck);
      if (got) {
        any = true;
        out.push(...got);
      }
    }
    return any ? dedupe(out) : undefined;
  }

  /** Per unit: module call path without an instance key → its instance paths (built once per unit). */
  private readonly instanceIndex = new Map<string, Map<string, string[]>>();

  /**
   * The instances of the module call `modulePrefix` (`module.a[1].module.b`) that hold resources:
   * `module.a[1].module.b["x"]`, … (or the call itself when it has no key). From one index per
   * unit over the distinct module paths of its resources, so a lookup never scans the resources
   * (a plan with many module instances would otherwise cost instances × resources).
   */
  private moduleInstances(unit: Unit, modulePrefix: string): readonly string[] {
    let index = this.instanceIndex.get(unit.id);
    if (!index) {
      index = new Map();
      const seen = new Set<string>();
      for (const r of this.resources) {
        if (r.unit !== unit || !r.modulePath || seen.has(r.modulePath)) continue;
        seen.add(r.modulePath);
        for (const { call, instance } of moduleSegments(r.modulePath)) addUnique(index, call, instance);
      }
      this.instanceIndex.set(unit.id, index);
    }
    return index.get(modulePrefix) ?? [];
  }

  /** What the attribute at `path` of `res` points at. Resolved once per resource and path (the answer is shared, read-only). */
  deref(res: Resource, path: string): Target {
    let byRes = this.derefCache.get(path);
    if (!byRes) this.derefCache.set(path, (byRes = new Map()));
    let target = byRes.get(res);
    if (!target) byRes.set(res, (target = this.resolveAttribute(res, path)));
    return target;
  }

  private readonly derefCache = new Map<string, Map<Resource, Target>>();

  private resolveAttribute(res: Resource, path: string): Target {
    const vals = collectAt(res.values, path);
    if (!vals.length) return { resources: [], external: false, absent: true, unresolved: [] };
    const out: Resource[] = [];
    let external = false;
    const unresolved = new Set<string>();
    for (const v of vals) {
      if (v instanceof Unknown) {
        if (!v.refs.length) {
          external = true;
          continue;
        }
        const stuck = new Set<string>();
        const got = this.resolveMany(res.unit, res.modulePath, v.refs, 0, stuck);
        if (got) out.push(...got.filter((r) => r !== res));
        else {
          external = true;
          for (const s of stuck) unresolved.add(s);
        }
      } else if (typeof v === 'string') {
        const got = this.literalTargets(res.unit, v).filter((r) => r !== res);
        if (got.length) out.push(...got);
        else if (v) external = true;
      }
    }
    return { resources: dedupe(out), external, absent: false, unresolved: [...unresolved] };
  }

  /** What one attribute leaf of `from` refers to: resources by reference (an unknown value's refs) or by literal name/ARN/id. */
  private leafTargets(from: Resource, v: Value): Resource[] | undefined {
    if (v instanceof Unknown) return v.refs.length ? this.resolveMany(from.unit, from.modulePath, v.refs, 0) : undefined;
    if (typeof v === 'string' && v.length > 0 && v.length < 2048) {
      const t = this.literalTargets(from.unit, v);
      return t.length ? t : undefined;
    }
    return undefined;
  }

  private literalTargets(unit: Unit, v: string): Resource[] {
    const direct = this.byLiteral(unit, v);
    if (direct.length) return direct;
    // `arn:aws:s3:::bucket` names a bucket by name.
    const s3 = /^arn:aws[\w-]*:s3:::([^/]+)$/.exec(v);
    if (s3) return this.byLiteral(unit, s3[1]);
    return [];
  }

  /**
   * How many `path` leaves of `type` resources refer to `res` (counted as {@link referrers} counts
   * edges), from the per-type-and-path join index: no other resource is walked.
   */
  referrerCount(res: Resource, type: string, path: string): number {
    return this.joinIndex(type, path).get(res)?.length ?? 0;
  }

  /** The resource types (any mode) of which some resource has the top-level attribute `name`. */
  typesWithAttribute(name: string): readonly string[] {
    let types = this.typesByAttribute.get(name);
    if (!types) {
      const found = new Set<string>();
      for (const r of this.resources) if (!found.has(r.type) && Object.prototype.hasOwnProperty.call(r.values, name)) found.add(r.type);
      this.typesByAttribute.set(name, (types = [...found]));
    }
    return types;
  }

  private readonly typesByAttribute = new Map<string, string[]>();

  /** Edges pointing at `res` (who refers to it), optionally of one type and path. */
  referrers(res: Resource, type?: string, path?: string): Edge[] {
    this.buildEdges();
    const edges = this.edgesIn.get(res) ?? [];
    return edges.filter((e) => (!type || e.from.type === type) && (!path || e.path === path));
  }

  /** Resources of `type` whose `path` refers to `res`, by reference or by literal name/id. */
  related(res: Resource, type: string, path?: string): Resource[] {
    const from = type && path ? this.joinIndex(type, path).get(res) ?? [] : this.referrers(res, type, path).map((e) => e.from);
    if (type && path) {
      const byScope = this.scopeIndex(type, path, res.type).joined.get(res);
      if (byScope) {
        const live = byScope.filter((j) => j.from.action !== 'delete');
        if (live.length) {
          for (const j of live) this.joinNotes.push(j.note);
          return dedupe([...from, ...live.map((j) => j.from)]).filter((r) => r.action !== 'delete');
        }
      }
    }
    return dedupe(from).filter((r) => r.action !== 'delete');
  }

  /**
   * `type` resources whose `path` refers to something these inputs cannot name (a `local.*`
   * without source, `each.value`, …) from a module instance whose subtree holds `res` and other
   * resources of its type: they may refer to `res`, so "nothing refers to it" is not known.
   * A rule that fails on "no X refers to this Y" gives unknown instead while this is not empty.
   */
  unresolvedReferrers(res: Resource, type: string, path: string): Resource[] {
    const idx = this.scopeIndex(type, path, res.type).pending;
    const out: Resource[] = [];
    // At most a few: callers need to know whether there are any and name some (linear overall).
    for (const scope of moduleAncestors(res.modulePath)) {
      const l = idx.get(`${res.unit.id}\u0000${scope}`);
      if (!l) continue;
      for (const f of l) {
        if (f !== res && f.action !== 'delete' && !out.includes(f)) out.push(f);
        if (out.length >= UNRESOLVED_SAMPLE) return out;
      }
    }
    return out;
  }

  /**
   * The resources of `types` the attribute at `path` of `res` refers to. When its reference cannot
   * be followed (see {@link Target.unresolved}) and exactly one resource of those types is in the
   * module instance where it got stuck (that instance and its child modules), that one: joined by
   * scope, and the finding says so. Otherwise none.
   */
  targetsOfType(res: Resource, path: string, types: readonly string[]): Resource[] {
    const t = this.deref(res, path);
    const hit = t.resources.filter((r) => types.includes(r.type));
    if (hit.length || !t.unresolved.length) return hit;
    const cands = this.fewInScopes(res.unit, t.unresolved, types, res);
    if (cands.length !== 1) return [];
    this.joinNotes.push(scopeNote(this, res, path, cands[0], t.unresolved));
    return [cands[0]];
  }

  /**
   * Notes on the joins made by scope since the last call (the engine adds them to the finding
   * the rule gave, so a reviewer sees which joins were not made by reference).
   */
  takeJoinNotes(): string[] {
    const n = this.joinNotes;
    if (n.length) this.joinNotes = [];
    return n;
  }

  private joinNotes: string[] = [];

  /** unit id + type → module instance ('' = root) → resources of the type in its subtree. */
  private readonly subtreeIndex = new Map<string, Map<string, Resource[]>>();

  /**
   * Up to two resources of `types` (other than `self`) in the subtree of any of the module
   * instances `scopes` of one unit: enough to tell "exactly one" from "several" in constant time
   * per scope, whatever the size of the subtree.
   */
  private fewInScopes(unit: Unit, scopes: readonly string[], types: readonly string[], self: Resource): Resource[] {
    const out: Resource[] = [];
    for (const type of types) {
      const key = `${unit.id}\u0000${type}`;
      let idx = this.subtreeIndex.get(key);
      if (!idx) {
        idx = new Map();
        for (const r of this.ofTypeIn(unit, type)) for (const a of moduleAncestors(r.modulePath)) push(idx, a, r);
        this.subtreeIndex.set(key, idx);
      }
      for (const s of scopes) {
        const l = idx.get(s);
        if (!l) continue;
        for (let i = 0; i < l.length && i < 3; i++) {
          if (l[i] !== self && !out.includes(l[i])) out.push(l[i]);
          if (out.length >= 2) return out;
        }
      }
    }
    return out;
  }

  /** type + path + target type → scope joins and pending scopes (see {@link related}, {@link unresolvedReferrers}). */
  private readonly scopeIndexes = new Map<string, Map<string, Map<string, ScopeIndex>>>();

  private scopeIndex(type: string, path: string, targetType: string): ScopeIndex {
    // Nested maps: asked once per joined resource, so a lookup builds no key string.
    let byPath = this.scopeIndexes.get(type);
    if (!byPath) this.scopeIndexes.set(type, (byPath = new Map()));
    let byTarget = byPath.get(path);
    if (!byTarget) byPath.set(path, (byTarget = new Map()));
    let idx = byTarget.get(targetType);
    if (idx) return idx;
    idx = { joined: new Map(), pending: new Map() };
    for (const from of this.ofType(type)) {
      const t = this.deref(from, path);
      if (t.resources.length || !t.unresolved.length) continue;
      const cands = this.fewInScopes(from.unit, t.unresolved, [targetType], from);
      if (cands.length === 1) push(idx.joined, cands[0], { from, note: scopeNote(this, from, path, cands[0], t.unresolved) });
      else if (cands.length > 1) for (const s of t.unresolved) push(idx.pending, `${from.unit.id}\u0000${s}`, from);
    }
    byTarget.set(targetType, idx);
    return idx;
  }

  /** type → path → join index (nested, so a lookup builds no key string). */
  private readonly joinIndexes = new Map<string, Map<string, Map<Resource, Resource[]>>>();

  /**
   * Who refers to what through one attribute of one resource type: target → the `type` resources
   * of the edges `referrers(target, type, path)` lists, in the same order. Built by walking only
   * that attribute of only that type, so a join does not need every edge of the graph.
   */
  private joinIndex(type: string, path: string): Map<Resource, Resource[]> {
    let byPath = this.joinIndexes.get(type);
    if (!byPath) this.joinIndexes.set(type, (byPath = new Map()));
    let index = byPath.get(path);
    if (!index) {
      index = new Map();
      for (const from of this.byTypeIdx.get(type) ?? []) this.indexLeavesAt(from, from.values as Value, path, '', 0, index);
      byPath.set(path, index);
    }
    return index;
  }

  /**
   * Add `from` to `index` under every resource a leaf of `v` refers to, for the leaves whose
   * attribute path (see {@link joinPath}; `at` is the path of `v`) is `want`. Walks the values as
   * {@link addEdgesFrom} does, skipping the keys whose path cannot lead to `want`.
   */
  private indexLeavesAt(from: Resource, v: Value, want: string, at: string, depth: number, index: Map<Resource, Resource[]>): void {
    if (depth > 300) return;
    if (Array.isArray(v)) {
      for (const x of v) this.indexLeavesAt(from, x, want, at, depth + 1, index);
      return;
    }
    if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        const next = at ? `${at}.${k}` : k;
        // Once a path is not empty, the paths below it are itself or longer with a '.' after it.
        if (next === '' || next === want || (want.charCodeAt(next.length) === 46 && want.startsWith(next))) this.indexLeavesAt(from, v[k], want, next, depth + 1, index);
      }
      return;
    }
    if (at !== want) return;
    for (const to of this.leafTargets(from, v) ?? []) if (to !== from) push(index, to, from);
  }

  /** Edges from `res` to other resources. */
  references(res: Resource): Edge[] {
    this.buildEdges();
    return this.edgesOut.get(res) ?? [];
  }

  private buildEdges(): void {
    if (this.edgesBuilt) return;
    this.edgesBuilt = true;
    for (const r of this.resources) this.addEdgesFrom(r, r.values as Value, [], 0);
  }

  /** Add an edge for every leaf under `v` (found at the attribute names `path`) of `from` that refers to other resources. */
  private addEdgesFrom(from: Resource, v: Value, path: string[], depth: number): void {
    if (depth > 300) return;
    if (Array.isArray(v)) {
      for (const x of v) this.addEdgesFrom(from, x, path, depth + 1);
      return;
    }
    if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        path.push(k);
        this.addEdgesFrom(from, v[k], path, depth + 1);
        path.pop();
      }
      return;
    }
    const targets = this.leafTargets(from, v);
    if (!targets) return;
    const via: Edge['via'] = v instanceof Unknown ? 'reference' : 'literal';
    const at = joinPath(path);
    for (const to of targets) {
      if (to === from) continue;
      const e: Edge = { from, to, path: at, via };
      push(this.edgesIn, to, e);
      push(this.edgesOut, from, e);
    }
  }
}

/** How many unresolved referrers {@link Graph.unresolvedReferrers} names at most. */
export const UNRESOLVED_SAMPLE = 4;

interface ScopeIndex {
  /** target → the referrers joined to it by scope, with the note that says so. */
  readonly joined: Map<Resource, Array<{ from: Resource; note: string }>>;
  /** unit id + module instance → referrers stuck there with several candidates. */
  readonly pending: Map<string, Resource[]>;
}

const scopeLabel = (s: string) => (s === '' ? 'the root module' : s);

function scopeNote(graph: Graph, from: Resource, path: string, to: Resource, scopes: readonly string[]): string {
  const noSource = scopes.some((s) => !graph.hasSource(from.unit, s));
  return `joined by scope: ${from.address}.${path} refers to it through a reference phikit cannot follow${noSource ? ' without the Terraform source (--source)' : ''}, and ${to.address} is the only ${to.type} in ${scopes.map(scopeLabel).join(', ')}`;
}

/** `module.a["x"].module.b` → '', `module.a["x"]`, `module.a["x"].module.b` (the instance and every ancestor). */
export function moduleAncestors(modulePath: string): string[] {
  return ['', ...moduleSegments(modulePath).map((s) => s.instance)];
}

const MODULE_SEGMENT = /module\.([A-Za-z_][\w-]*)((?:\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\])?)(?:\.|$)/y;

/**
 * The module calls along a module path, each as the path up to the call's name (`call`) and up
 * to its instance key (`instance`): `module.a[1].module.b` → (`module.a`, `module.a[1]`),
 * (`module.a[1].module.b`, `module.a[1].module.b`). Empty for a path that is not all module calls.
 */
function moduleSegments(modulePath: string): Array<{ call: string; instance: string }> {
  const out: Array<{ call: string; instance: string }> = [];
  MODULE_SEGMENT.lastIndex = 0;
  while (MODULE_SEGMENT.lastIndex < modulePath.length) {
    const start = MODULE_SEGMENT.lastIndex;
    const m = MODULE_SEGMENT.exec(modulePath);
    if (!m) return out;
    const nameEnd = start + 'module.'.length + m[1].length;
    out.push({ call: modulePath.slice(0, nameEnd), instance: modulePath.slice(0, nameEnd + m[2].length) });
  }
  return out;
}

function lastModuleSegment(modulePath: string): { name: string; full: string } | undefined {
  // Split on dots outside keys (linear): `…module.<name>[key]` at the end.
  const parts = splitAddress(modulePath);
  if (parts.length < 2 || parts[parts.length - 2] !== 'module') return undefined;
  const last = parts[parts.length - 1];
  const br = last.indexOf('[');
  const name = br < 0 ? last : last.slice(0, br);
  if (!/^[A-Za-z_][\w-]*$/.test(name) || (br >= 0 && !last.endsWith(']'))) return undefined;
  return { name, full: `module.${last}` };
}

/** Attribute names joined with dots (list indices are not part of a path). */
function joinPath(names: readonly string[]): string {
  let path = '';
  for (const k of names) path = path ? `${path}.${k}` : k;
  return path;
}

/** The index of one unit in a per-unit index, created when missing. */
function inUnit<V>(index: Map<string, Map<string, V>>, unit: Unit): Map<string, V> {
  let m = index.get(unit.id);
  if (!m) index.set(unit.id, (m = new Map()));
  return m;
}

function collectAt(values: Readonly<Record<string, Value>>, path: string): Value[] {
  const out: Value[] = [];
  collectFrom(values as Value, path.split('.'), 0, out);
  return out;
}

function collectFrom(v: Value, segs: readonly string[], i: number, out: Value[]): void {
  if (Array.isArray(v)) {
    for (const x of v) collectFrom(x, segs, i, out);
    return;
  }
  if (i === segs.length) {
    if (v !== null) out.push(v);
    return;
  }
  if (v instanceof Unknown) {
    out.push(v);
    return;
  }
  if (isPlainObject(v) && Object.prototype.hasOwnProperty.call(v, segs[i])) collectFrom((v as Record<string, Value>)[segs[i]], segs, i + 1, out);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** Members of the longer lists built by {@link addUnique}, so adding to one stays O(1). */
const listMembers = new WeakMap<readonly unknown[], Set<unknown>>();

/** Append `v` to the list at `k` unless it is there already; O(1) however long the list grows. */
function addUnique<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (!l) {
    m.set(k, [v]);
    return;
  }
  if (l.length < 16) {
    if (!l.includes(v)) l.push(v);
    return;
  }
  let members = listMembers.get(l);
  if (!members) listMembers.set(l, (members = new Set(l)));
  if (!members.has(v)) {
    members.add(v);
    l.push(v);
  }
}

function dedupe<T>(xs: T[]): T[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}
