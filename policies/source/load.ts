/**
 * Source mode: a directory of Terraform files (`phikit check ./infra`) into the same model as a
 * cdk.tf.json, so every rule applies unchanged.
 *
 * - Variables: declared defaults, then `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 *   (sorted), then `--var-file` files, then `--var NAME=VALUE`, as Terraform orders them.
 * - Locals, conditionals, string templates and the common functions are evaluated where every input
 *   is known; `count` and `for_each` expand when they are known.
 * - Local module sources (`./modules/x`) are read and evaluated with their inputs; registry and git
 *   modules are read from `.terraform/modules/modules.json` when `terraform init` has run, and are
 *   otherwise listed as not assessed (with the module named).
 * - Anything that cannot be evaluated stays an unknown value that keeps its references (joins by
 *   reference work, no rule reads it as "not set", `--strict` fails it).
 * - Every resource carries the file and line of its block.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import { Budget, readInputBytes } from '../model/input-file';
import type { ParsedInput } from '../model/load';
import { ModuleConfig, ModuleIndex, setOwn, stripInstanceKeys } from '../model/modules';
import type { Resource, Unit } from '../model/types';
import { isRegion } from '../model/regions';
import { TERRAFORM_SOURCE } from '../model/synth';
import { Unknown, Value, referencesIn } from '../model/values';
import { EV, EvalError, Json, Residual, isKnown, isResidual, parseExpression, parseTemplateString, refsIn } from './expr';
import { Scope, evaluate, withIterators } from './eval';
import { BlockLocation, ModuleSource, ReadLimits, hasTerraformFiles, readModuleDir } from './parse';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface SourceOptions {
  /** `--var NAME=VALUE` (later wins). Values are read as HCL literals when they parse as one, else as strings. */
  readonly vars?: readonly string[];
  /** `--var-file FILE` (in order). */
  readonly varFiles?: readonly string[];
  /** Root variable values already decided (a plan's `variables`): they win over tfvars and `vars`. */
  readonly variables?: Readonly<Record<string, Json>>;
  /** Largest file, bytes. */
  readonly maxBytes?: number;
  /** The run's budget of bytes read (shared with the other inputs). */
  readonly budget?: Budget;
}

/** A module whose source phikit could not read (registry/git without `terraform init`). */
export interface UnassessedModule {
  readonly address: string;
  readonly source: string;
  readonly reason: string;
}

export interface SourceInput extends ParsedInput {
  readonly unassessedModules: readonly UnassessedModule[];
}

const META_ARGS = new Set(['lifecycle', 'count', 'for_each', 'depends_on', 'provider', 'provisioner', 'connection']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
const MAX_MODULE_DEPTH = 16;
const MAX_INSTANCES = 10_000;
const MAX_RESOURCES = 200_000;

export function isTerraformSourceDir(dir: string): boolean {
  return hasTerraformFiles(dir) && !fs.existsSync(path.join(dir, 'manifest.json')) && !fs.existsSync(path.join(dir, 'cdk.tf.json'));
}

// ------------------------------------------------------------ values

/** A value as hcl2json wrote it (literal, `${expr}` string, nested lists/objects) evaluated in `scope`. */
function evalRaw(raw: unknown, scope: Scope, depth = 0): EV {
  if (depth > 256) throw new InputError('source value nested too deeply');
  if (typeof raw === 'string') {
    if (raw.indexOf('${') < 0 && raw.indexOf('%{') < 0) return raw;
    try {
      return evaluate(parseTemplateString(raw), scope);
    } catch (e) {
      // Syntax phikit does not read (provider-defined functions, a heredoc inside an expression):
      // unknown, keeping the references the text names so joins still work.
      if (e instanceof EvalError) return new Residual(raw, referencesIn(raw), raw);
      throw e;
    }
  }
  if (Array.isArray(raw)) return raw.map((x) => evalRaw(x, scope, depth + 1));
  if (isObj(raw)) {
    const out: Record<string, EV> = {};
    for (const [k, v] of Object.entries(raw)) setOwn(out, k, evalRaw(v, scope, depth + 1));
    return out;
  }
  return raw as Json;
}

/** A residual as a model value: unknown, keeping its references and (for templates/expressions) its text. */
function unknownOf(r: Residual): Unknown {
  const simple = r.refs.length === 1 && r.text === r.refs[0];
  return new Unknown(r.refs, simple ? 'reference' : 'expression', r.template ?? `\${${r.text}}`);
}

/** An evaluated value into the model: residual parts become unknown values. */
function toModel(v: EV, depth = 0): Value {
  if (isResidual(v)) return unknownOf(v);
  if (v === null || typeof v !== 'object') return v;
  if (depth > 256) throw new InputError('source value nested too deeply');
  if (Array.isArray(v)) return v.map((x) => toModel(x, depth + 1));
  const o: Record<string, Value> = {};
  for (const k of Object.keys(v)) setOwn(o, k, toModel((v as Record<string, EV>)[k], depth + 1));
  return o;
}

/**
 * A resource body into model values. Attribute values are evaluated; nested blocks stay
 * structured (a block whose own attributes are unknown is still a block); dynamic blocks expand
 * when their `for_each` is known and are an unknown block otherwise.
 */
function bodyValues(body: Obj, scope: Scope, depth: number): Record<string, Value> {
  if (depth > 64) throw new InputError('source blocks nested too deeply');
  const out: Record<string, Value> = {};
  for (const [k, raw] of Object.entries(body)) {
    if (k === 'dynamic' || k === '//') continue;
    setOwn(out, k, valueOf(raw, scope, depth));
  }
  if (isObj(body.dynamic)) {
    for (const [blockName, specs] of Object.entries(body.dynamic)) {
      const list: Value[] = Array.isArray(out[blockName]) ? [...(out[blockName] as Value[])] : out[blockName] !== undefined ? [out[blockName] as Value] : [];
      for (const spec of Array.isArray(specs) ? specs.filter(isObj) : isObj(specs) ? [specs] : []) {
        const iterName = typeof spec.iterator === 'string' ? spec.iterator.replace(/^\$\{(.*)\}$/, '$1') : blockName;
        const coll = evalRaw(spec.for_each, scope);
        const content = Array.isArray(spec.content) ? spec.content.find(isObj) : isObj(spec.content) ? spec.content : undefined;
        if (!content) continue;
        if (isResidual(coll) || coll === null || typeof coll !== 'object') {
          const refs = isResidual(coll) ? coll.refs : [];
          list.push(new Unknown(refs, 'expression', `\${${isResidual(coll) ? coll.text : 'dynamic'}}`));
          continue;
        }
        const entries: Array<[EV, EV]> = Array.isArray(coll) ? coll.map((v, i) => [i, v] as [EV, EV]) : Object.keys(coll).map((key) => [key, (coll as Record<string, EV>)[key]] as [EV, EV]);
        for (const [key, value] of entries) {
          list.push(bodyValues(content, withIterators(scope, new Map<string, EV>([[iterName, { key, value }]])), depth + 1));
        }
      }
      setOwn(out, blockName, list);
    }
  }
  return out;
}

function valueOf(raw: unknown, scope: Scope, depth: number): Value {
  if (Array.isArray(raw)) return raw.map((x) => (isObj(x) ? bodyValues(x, scope, depth + 1) : valueOf(x, scope, depth + 1)));
  if (isObj(raw)) return bodyValues(raw, scope, depth + 1);
  return toModel(evalRaw(raw, scope));
}

/**
 * A module input as the child module sees it. Known parts stay known; each unknown part becomes
 * `var.<name>` (references are relative to the module they are written in, so the child follows
 * them through the call, as for plans).
 */
function crossScope(v: EV, arg: string, depth = 0): EV {
  if (isResidual(v)) return new Residual(`var.${arg}`, v.refs.length ? [`var.${arg}`] : []);
  if (v === null || typeof v !== 'object' || depth > 256) return v;
  if (Array.isArray(v)) return v.map((x) => crossScope(x, arg, depth + 1));
  const o: Record<string, EV> = {};
  for (const k of Object.keys(v)) setOwn(o, k, crossScope((v as Record<string, EV>)[k], arg, depth + 1));
  return o;
}

// ------------------------------------------------------------ variables

/** A `--var` value or a .tfvars value: an HCL literal when it parses as one, else the string. */
function literalOf(text: string): Json {
  try {
    const v = evaluate(parseExpression(text), NO_SCOPE);
    return isKnown(v) ? v : text;
  } catch {
    return text;
  }
}

const NO_SCOPE: Scope = { variable: () => undefined, local: () => undefined, paths: { module: '.', root: '.', cwd: '.' } };

function readTfvars(file: string, limits: ReadLimits): Record<string, Json> {
  // An empty .tfvars sets nothing (so not `readInputFile`, which refuses empty inputs).
  const text = readInputBytes(file, { what: 'variables file', maxBytes: limits.maxFileBytes, budget: limits.budget }).toString('utf8');
  if (file.endsWith('.json')) {
    try {
      const d = JSON.parse(text);
      if (!isObj(d)) throw new Error('x');
      return d as Record<string, Json>;
    } catch {
      throw new InputError(`${file}: not a JSON object of variable values`);
    }
  }
  // `name = value` lines; values may span lines (lists, maps, heredocs are not read: the variable
  // then keeps its default). A literal parse of each assignment's value.
  const out: Record<string, Json> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let value = m[2];
    // Gather a multi-line [ … ] or { … } value.
    let open = [...value].reduce((n, c) => n + (c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0), 0);
    while (open > 0 && i + 1 < lines.length) {
      const next = lines[++i];
      value += `\n${next}`;
      open += [...next].reduce((n, c) => n + (c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0), 0);
    }
    setOwn(out, m[1], literalOf(value.replace(/\s+#.*$/, '').trim()));
  }
  return out;
}

function rootVariables(dir: string, opts: SourceOptions, limits: ReadLimits): Record<string, Json> {
  const vals: Record<string, Json> = {};
  const merge = (x: Record<string, Json>) => {
    for (const [k, v] of Object.entries(x)) setOwn(vals, k, v);
  };
  for (const f of ['terraform.tfvars', 'terraform.tfvars.json']) if (fs.existsSync(path.join(dir, f))) merge(readTfvars(path.join(dir, f), limits));
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort()) merge(readTfvars(path.join(dir, f), limits));
  for (const f of opts.varFiles ?? []) merge(readTfvars(f, limits));
  for (const kv of opts.vars ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new InputError(`--var: "${kv.slice(0, 60)}" is not NAME=VALUE`);
    setOwn(vals, kv.slice(0, eq).trim(), literalOf(kv.slice(eq + 1)));
  }
  if (opts.variables) merge(opts.variables as Record<string, Json>);
  return vals;
}

// ------------------------------------------------------------ modules

interface ModulesJson {
  byKey: Map<string, string>;
}

function readModulesJson(root: string): ModulesJson {
  const byKey = new Map<string, string>();
  const file = path.join(root, '.terraform', 'modules', 'modules.json');
  try {
    if (fs.statSync(file).isFile() && fs.statSync(file).size < 16 * 1024 * 1024) {
      const d = JSON.parse(fs.readFileSync(file, 'utf8')) as { Modules?: Array<{ Key?: unknown; Dir?: unknown }> };
      for (const m of d.Modules ?? []) if (typeof m.Key === 'string' && typeof m.Dir === 'string') byKey.set(m.Key, path.resolve(root, m.Dir));
    }
  } catch {
    // no modules.json: registry and git modules are not assessed
  }
  return { byKey };
}

const isLocalSource = (s: string) => s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';

interface Ctx {
  readonly root: string;
  readonly limits: ReadLimits;
  readonly unit: Unit;
  readonly modulesJson: ModulesJson;
  readonly parsed: Map<string, ModuleSource>;
  readonly index: ModuleIndex;
  readonly resources: Resource[];
  readonly unassessed: UnassessedModule[];
}

function moduleSource(ctx: Ctx, dir: string): ModuleSource {
  const real = fs.realpathSync(dir);
  let m = ctx.parsed.get(real);
  if (!m) {
    m = readModuleDir(real, ctx.limits);
    ctx.parsed.set(real, m);
  }
  return m;
}

/** The scope of one module instance: its variables and lazily evaluated locals. */
function moduleScope(src: ModuleSource, inputs: ReadonlyMap<string, EV>, rootVars: Record<string, Json> | undefined, ctx: Ctx): Scope {
  const locals = new Map<string, EV>();
  const evaluating = new Set<string>();
  const vars = new Map<string, EV>();
  for (const [name, decl] of src.config.variable) {
    const sensitive = decl.sensitive === true || decl.sensitive === '${true}';
    let v: EV | undefined;
    if (inputs.has(name)) v = inputs.get(name);
    else if (rootVars && Object.prototype.hasOwnProperty.call(rootVars, name)) v = rootVars[name];
    else if (Object.prototype.hasOwnProperty.call(decl, 'default')) v = evalRaw(decl.default, NO_SCOPE);
    // No value: unknown (Terraform would ask for it). Sensitive: never a value in the model.
    if (v === undefined || sensitive) v = new Residual(`var.${name}`, []);
    vars.set(name, v);
  }
  const scope: Scope = {
    variable: (name) => vars.get(name),
    local: (name) => {
      if (locals.has(name)) return locals.get(name);
      if (!src.config.locals.has(name)) return undefined;
      if (evaluating.has(name)) return new Residual(`local.${name}`, []);
      evaluating.add(name);
      const v = evalRaw(src.config.locals.get(name), scope);
      evaluating.delete(name);
      locals.set(name, v);
      return v;
    },
    paths: { module: path.relative(ctx.root, src.dir) || '.', root: '.', cwd: '.' },
  };
  return scope;
}

/** Instances of a block from its `count` / `for_each`: the key suffix and the scope of each. */
function instances(body: Obj, scope: Scope, what: string): Array<{ key: string; scope: Scope }> | 'unknown' {
  if (body.count !== undefined) {
    const n = evalRaw(body.count, scope);
    if (isResidual(n)) return 'unknown';
    const count = typeof n === 'number' ? n : Number(n);
    if (!Number.isInteger(count) || count < 0) throw new InputError(`${what}: count is not a whole number`);
    if (count > MAX_INSTANCES) throw new InputError(`${what}: count ${count} is over the limit of ${MAX_INSTANCES} instances`);
    return Array.from({ length: count }, (_, i) => ({ key: `[${i}]`, scope: { ...scope, countIndex: i } }));
  }
  if (body.for_each !== undefined) {
    const c = evalRaw(body.for_each, scope);
    if (isResidual(c)) return 'unknown';
    const entries: Array<[string, EV]> = Array.isArray(c) ? c.map((v) => [String(v), v] as [string, EV]) : isObj(c) ? Object.keys(c).sort().map((k) => [k, (c as Record<string, EV>)[k]] as [string, EV]) : [];
    if (Array.isArray(c) && !c.every((x) => typeof x === 'string')) return 'unknown';
    if (entries.length > MAX_INSTANCES) throw new InputError(`${what}: for_each over ${entries.length} items is over the limit of ${MAX_INSTANCES}`);
    return entries.map(([k, v]) => ({ key: `[${JSON.stringify(k)}]`, scope: { ...scope, each: { key: k, value: v } } }));
  }
  return [{ key: '', scope }];
}

function configFor(ctx: Ctx, configPath: string): ModuleConfig {
  let c = ctx.index.get(configPath);
  if (!c) {
    c = { resources: new Map(), calls: new Map(), outputs: new Map() };
    ctx.index.set(configPath, c);
  }
  return c;
}

function refsOfRaw(raw: unknown, scope: Scope): string[] {
  return [...refsIn(evalRaw(raw, scope))];
}

function evaluateModule(ctx: Ctx, src: ModuleSource, modulePath: string, scope: Scope, depth: number, inherited: ReadonlyMap<string, string>): void {
  if (depth > MAX_MODULE_DEPTH) throw new InputError(`${src.dir}: modules nested deeper than ${MAX_MODULE_DEPTH} levels`);
  const configPath = stripInstanceKeys(modulePath);
  const cfg = configFor(ctx, configPath);
  const regions = providerRegions(src, scope, inherited);
  const prefix = modulePath ? `${modulePath}.` : '';

  for (const mode of ['resource', 'data'] as const) {
    for (const [base, { type, name, body, at }] of src.config[mode]) {
      const what = `${prefix}${base}`;
      const inst = instances(body, scope, what);
      // count/for_each known only after apply: one instance stands for them all, read as unknown where it matters.
      const list = inst === 'unknown' ? [{ key: '', scope: { ...scope, countIndex: undefined, each: undefined } }] : inst;
      for (const { key, scope: s } of list) {
        if (ctx.resources.length >= MAX_RESOURCES) throw new InputError(`${ctx.root}: more than ${MAX_RESOURCES} resources`);
        ctx.resources.push(makeResource(ctx, { mode, type, name, body, at, modulePath, key, scope: s, regions }));
      }
    }
  }

  for (const [name, { body }] of src.config.module) {
    const source = typeof body.source === 'string' ? body.source : '';
    const keyPath = [...configPath.split('.').filter((_seg, i, a) => a[i - 1] === 'module'), name].join('.');
    let dir: string | undefined;
    if (isLocalSource(source)) dir = path.resolve(src.dir, source);
    else dir = ctx.modulesJson.byKey.get(keyPath);
    const address = `${prefix}module.${name}`;
    const calls = new Map<string, string[]>();
    cfg.calls.set(name, calls);
    if (!dir || !fs.existsSync(dir) || !hasTerraformFiles(dir)) {
      ctx.unassessed.push({ address, source, reason: isLocalSource(source) ? 'the local module directory has no Terraform files' : 'registry/git module not installed (run terraform init so .terraform/modules/modules.json lists it)' });
      continue;
    }
    // `../modules/x` from an environment directory is the usual monorepo layout, so a local source
    // may leave the root; only .tf/.tf.json files are read there, within the same budgets.
    const real = fs.realpathSync(dir);
    const child = moduleSource(ctx, real);
    const inst = instances(body, scope, address);
    const list = inst === 'unknown' ? [{ key: '', scope }] : inst;
    for (const { key, scope: s } of list) {
      const inputs = new Map<string, EV>();
      for (const [arg, raw] of Object.entries(body)) {
        if (MODULE_META.has(arg)) continue;
        const v = evalRaw(raw, s);
        // Parts known only after apply keep their references in the caller's scope: the child
        // sees `var.<arg>` there, which the graph follows through the call (as for plans).
        const refs = refsIn(v);
        if (refs.size) calls.set(arg, [...new Set([...(calls.get(arg) ?? []), ...refs])]);
        inputs.set(arg, crossScope(v, arg));
      }
      evaluateModule(ctx, child, `${address}${key}`, moduleScope(child, inputs, undefined, ctx), depth + 1, passedProviders(body, regions));
    }
  }

  for (const [name, out] of src.config.output) {
    const refs = refsOfRaw(out.value, scope);
    if (refs.length) cfg.outputs.set(name, [...new Set([...(cfg.outputs.get(name) ?? []), ...refs])]);
  }
}

/**
 * Regions of the provider configurations a module instance sees, by reference (`aws`, `aws.dr`):
 * what the caller passed (or the default configuration it inherits), then the module's own
 * `provider` blocks, whose `region` counts when it evaluates to a region.
 */
function providerRegions(src: ModuleSource, scope: Scope, inherited: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(inherited);
  for (const { name, body } of src.config.provider) {
    if (name !== 'aws') continue;
    const alias = evalRaw(body.alias, scope);
    const region = evalRaw(body.region, scope);
    const key = typeof alias === 'string' && alias ? `aws.${alias}` : 'aws';
    if (isRegion(region)) out.set(key, region);
    else out.delete(key);
  }
  return out;
}

/** `providers = { aws = aws.dr }` of a module call: the child's configurations by the caller's ones. */
function passedProviders(body: Obj, regions: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const def = regions.get('aws');
  if (def) out.set('aws', def);
  if (isObj(body.providers)) {
    for (const [child, raw] of Object.entries(body.providers)) {
      const from = typeof raw === 'string' ? raw.replace(/^\$\{(.*)\}$/, '$1') : '';
      const region = regions.get(from);
      if (region) out.set(child, region);
      else out.delete(child);
    }
  }
  return out;
}

function makeResource(
  ctx: Ctx,
  r: { mode: 'resource' | 'data'; type: string; name: string; body: Obj; at: BlockLocation; modulePath: string; key: string; scope: Scope; regions: ReadonlyMap<string, string> },
): Resource {
  const values: Record<string, Value> = {};
  const meta: Record<string, Value> = {};
  const evaluated = bodyValues(
    Object.fromEntries(Object.entries(r.body).filter(([k]) => !META_ARGS.has(k))),
    r.scope,
    0,
  );
  for (const [k, v] of Object.entries(evaluated)) setOwn(values, k, v);
  for (const k of META_ARGS) if (Object.prototype.hasOwnProperty.call(r.body, k)) setOwn(meta, k, valueOf(r.body[k], r.scope, 0));
  const prefix = r.modulePath ? `${r.modulePath}.` : '';
  const baseAddress = `${prefix}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
  const provider = typeof r.body.provider === 'string' ? r.body.provider.replace(/^\$\{(.*)\}$/, '$1') : undefined;
  const res: Resource & { meta: Record<string, Value>; location: BlockLocation } = {
    address: `${baseAddress}${r.key}`,
    type: r.type,
    name: r.name,
    mode: r.mode === 'data' ? 'data' : 'managed',
    modulePath: r.modulePath,
    baseAddress,
    unit: ctx.unit,
    values,
    action: 'config',
    inlineWaivers: [],
    provider,
    region: r.regions.get(provider ?? 'aws'),
    meta,
    location: r.at,
  };
  return res;
}

/** Read a Terraform source directory into the model. */
export function loadSourceDir(dir: string, opts: SourceOptions = {}): SourceInput {
  const limits: ReadLimits = { maxFileBytes: opts.maxBytes ?? 256 * 1024 * 1024, maxFiles: 2_000, budget: opts.budget };
  const root = path.resolve(dir);
  const realRoot = fs.realpathSync(root);
  const modulesJson = readModulesJson(root);
  const src = readModuleDir(realRoot, limits);
  const hash = createHash('sha256');
  const unit: Unit = { id: dir, file: dir, format: 'synth', sha256: '', formatVersion: TERRAFORM_SOURCE };
  const ctx: Ctx = { root: realRoot, limits, unit, modulesJson, parsed: new Map([[realRoot, src]]), index: new Map(), resources: [], unassessed: [] };
  evaluateModule(ctx, src, '', moduleScope(src, new Map(), rootVariables(realRoot, opts, limits), ctx), 0, new Map());
  for (const m of [...ctx.parsed.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1))) for (const f of m.files) hash.update(f.path).update('\0').update(f.text);
  (unit as { sha256: string }).sha256 = hash.digest('hex');
  return { unit, resources: ctx.resources, modules: ctx.index, unassessedModules: ctx.unassessed };
}
