/**
 * The module-shaped bench input: real plans of community modules (test/fixtures/modules/NAME/
 * plan.json, or — where that directory is absent — the shared fixture plans that have child
 * modules), tiled to N resources. Tile k of plan P is P's whole root module moved under
 * `module.tile_k_P`: every address, module address and planned/prior-state module gets that
 * prefix and P's configuration becomes a module call, so the result keeps what made the source
 * plans real — nested `module.` addresses, `configuration` module calls with their expressions and
 * references, data-source policy documents, locals, unknown nested blocks — at any size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The source plans: the community-module fixtures when present, else shared plans with modules. */
export function modulePlanSources(repoRoot: string, sharedRoot = '/work/shared'): string[] {
  const dir = process.env.PHIKIT_BENCH_MODULES ?? path.join(repoRoot, 'test', 'fixtures', 'modules');
  const own = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .map((d) => path.join(dir, d, 'plan.json'))
        .filter((f) => fs.existsSync(f))
        .sort()
    : [];
  if (own.length) return own;
  const plans = path.join(process.env.PHIKIT_SHARED ?? sharedRoot, 'fixtures', 'plans');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) {
        const doc = JSON.parse(fs.readFileSync(p, 'utf8')) as Obj;
        const rc = (doc.resource_changes ?? []) as Obj[];
        if (rc.some((r) => typeof r.module_address === 'string')) out.push(p);
      }
    }
  };
  if (fs.existsSync(plans)) walk(plans);
  return out.sort();
}

/** Prefix a module address (`module.a`) or the root (undefined) with `module.<tile>`. */
const under = (tile: string, moduleAddress: unknown) => `module.${tile}${typeof moduleAddress === 'string' && moduleAddress ? `.${moduleAddress}` : ''}`;

/** A planned_values / prior_state module moved under the tile (recursively), its values renamed. */
function moveModule(m: Obj, tile: string, isRoot: boolean, rename: (v: unknown) => unknown): Obj {
  const out: Obj = { ...m, address: isRoot ? `module.${tile}` : under(tile, m.address) };
  if (Array.isArray(m.resources)) out.resources = (m.resources as Obj[]).map((r) => ({ ...r, address: `module.${tile}.${r.address as string}`, values: rename(r.values) }));
  if (Array.isArray(m.child_modules)) out.child_modules = (m.child_modules as Obj[]).map((c) => moveModule(c, tile, false, rename));
  return out;
}

/** Attributes that name a resource (as the model's literal-name joins read them). */
const IDENTITY = ['id', 'arn', 'name', 'bucket', 'name_prefix', 'bucket_prefix', 'identifier', 'identifier_prefix', 'function_name', 'role_name', 'policy_name', 'topic_arn', 'queue_url', 'key_id', 'alias'];

/** One pattern matching the plan's identity values, longest first (no backtracking: literals only). */
function identityPattern(plan: Obj): RegExp | undefined {
  const values = new Set<string>();
  for (const rc of (plan.resource_changes ?? []) as Obj[]) {
    const after = (rc.change as Obj | undefined)?.after;
    if (!isObj(after)) continue;
    for (const k of IDENTITY) if (typeof after[k] === 'string' && (after[k] as string).length >= 3) values.add(after[k] as string);
  }
  if (!values.size) return undefined;
  const escaped = [...values].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

/** `v` with every string value (not key) renamed for one instance. */
function renamed(v: unknown, re: RegExp | undefined, suffix: string): unknown {
  if (!re || !suffix) return v;
  if (typeof v === 'string') return v.replace(re, (m) => `${m}${suffix}`);
  if (Array.isArray(v)) return v.map((x) => renamed(x, re, suffix));
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = renamed(x, re, suffix);
    return out;
  }
  return v;
}

function resourceCount(plan: Obj): number {
  return ((plan.resource_changes ?? []) as unknown[]).length;
}

/** One plan of at least `n` resources (whole tiles): the sources round-robin, each tile in its own module. */
export function tileModulePlans(sources: readonly string[], n: number): Obj {
  const plans = sources
    .map((f) => ({ name: path.basename(path.dirname(f)).replace(/[^A-Za-z0-9_]+/g, '_'), plan: JSON.parse(fs.readFileSync(f, 'utf8')) as Obj }))
    .filter((p) => resourceCount(p.plan) > 0)
    .map((p) => ({ ...p, identity: identityPattern(p.plan) }));
  if (!plans.length) throw new Error('no module plans to tile');
  const changes: Obj[] = [];
  const plannedChildren: Obj[] = [];
  const priorChildren: Obj[] = [];
  const calls: Obj = {};
  const relevant: Obj[] = [];
  let providerConfig: Obj = {};
  const instances = new Map<string, number>();
  for (let k = 0; changes.length < n; k++) {
    const { name, plan, identity } = plans[k % plans.length];
    const i = Math.floor(k / plans.length);
    const suffix = i ? `-t${i}` : '';
    const call = `tile_${name}`;
    const tile = `${call}[${i}]`;
    instances.set(call, i + 1);
    // Whole tiles only (the last one may pass n by less than one source plan).
    for (const rc of (plan.resource_changes ?? []) as Obj[]) {
      changes.push({ ...rc, change: renamed(rc.change, identity, suffix), address: `module.${tile}.${rc.address as string}`, module_address: under(tile, rc.module_address) });
    }
    const planned = (plan.planned_values as Obj | undefined)?.root_module;
    const rename = (v: unknown) => renamed(v, identity, suffix);
    if (isObj(planned)) plannedChildren.push(moveModule(planned, tile, true, rename));
    const prior = ((plan.prior_state as Obj | undefined)?.values as Obj | undefined)?.root_module;
    if (isObj(prior)) priorChildren.push(moveModule(prior, tile, true, rename));
    const config = plan.configuration as Obj | undefined;
    if (isObj(config?.root_module) && !(call in calls)) calls[call] = { source: `./modules/${name}`, module: config!.root_module };
    if (isObj(config?.provider_config) && !Object.keys(providerConfig).length) providerConfig = config!.provider_config as Obj;
    for (const ra of (plan.relevant_attributes ?? []) as Obj[]) relevant.push({ ...ra, resource: `module.${tile}.${ra.resource as string}` });
  }
  for (const [call, count] of instances) if (isObj(calls[call])) (calls[call] as Obj).count_expression = { constant_value: count };
  const first = plans[0].plan;
  return {
    format_version: first.format_version ?? '1.2',
    terraform_version: first.terraform_version,
    planned_values: { root_module: { child_modules: plannedChildren } },
    resource_changes: changes,
    ...(priorChildren.length ? { prior_state: { format_version: first.format_version ?? '1.2', terraform_version: first.terraform_version, values: { root_module: { child_modules: priorChildren } } } } : {}),
    configuration: { provider_config: providerConfig, root_module: { module_calls: calls } },
    relevant_attributes: relevant,
    timestamp: '2026-11-28T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
