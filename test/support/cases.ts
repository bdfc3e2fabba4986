/**
 * Turn a RuleCase (Terraform resources written once) into both input formats:
 *  - cdk.tf.json as cdktf writes it (single nested blocks as objects, `${...}` references,
 *    `"//"` metadata);
 *  - `terraform show -json` plan JSON as Terraform writes it (blocks as lists, references
 *    unknown in `after` with `after_unknown` + `configuration` references, computed id/arn
 *    unknown).
 */
import type { RuleCase } from '../../policies/engine/types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Parsed {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  body: Obj;
}

function parseAddress(address: string): { mode: 'managed' | 'data'; type: string; name: string } {
  const parts = address.split('.');
  if (parts[0] === 'data') return { mode: 'data', type: parts[1], name: parts[2] };
  return { mode: 'managed', type: parts[0], name: parts[1] };
}

function resourcesOf(c: RuleCase): Parsed[] {
  return Object.entries(c.resources).map(([address, body]) => ({ address, ...parseAddress(address), body: body as Obj }));
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Set a value at a dotted path, in every element of lists met on the way. */
function setPath(o: unknown, path: string[], value: unknown): void {
  if (Array.isArray(o)) {
    o.forEach((x) => setPath(x, path, value));
    return;
  }
  if (!isObj(o) || !path.length) return;
  const [head, ...rest] = path;
  if (!rest.length) {
    o[head] = value;
    return;
  }
  if (o[head] === undefined) o[head] = {};
  setPath(o[head], rest, value);
}

/** cdktf writes single nested blocks as objects. */
function collapseBlocks(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(collapseBlocks);
    return items.length === 1 && isObj(items[0]) ? items[0] : items;
  }
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === 'tags' || k === 'tags_all' ? x : collapseBlocks(x);
    return out;
  }
  return v;
}

let unknownCounter = 0;

/** The case as a cdktf `cdk.tf.json` document. */
export function toSynth(c: RuleCase, stackName = 'case'): Obj {
  const doc: Obj = {
    '//': { metadata: { backend: 'local', stackName, version: '0.21.0' }, outputs: {} },
    provider: { aws: [{ region: 'us-east-1' }] },
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
  };
  const variables: Obj = {};
  for (const r of resourcesOf(c)) {
    if (c.actions?.[r.address] === 'delete') continue;
    const body = clone(r.body);
    for (const p of c.unknown?.[r.address] ?? []) {
      const v = `unknown_${++unknownCounter}`;
      variables[v] = { type: 'string' };
      setPath(body, p.split('.'), `\${var.${v}}`);
    }
    const section = r.mode === 'data' ? 'data' : 'resource';
    const sec = (doc[section] ??= {}) as Obj;
    const byType = (sec[r.type] ??= {}) as Obj;
    byType[r.name] = {
      '//': { metadata: { path: `${stackName}/${r.name}`, uniqueId: r.name } },
      ...(collapseBlocks(body) as Obj),
    };
  }
  if (Object.keys(variables).length) doc.variable = variables;
  return doc;
}

const REF = /\$\{([^}]*)\}/g;

function refsOf(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(REF)) {
    const expr = m[1].trim();
    const t = /^((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)(\.[A-Za-z0-9_]+)?/.exec(expr);
    if (t) {
      if (t[2]) out.add(t[1] + t[2]);
      out.add(t[1]);
    } else if (/^var\.[\w-]+/.test(expr)) out.add(/^var\.[\w-]+/.exec(expr)![0]);
    else {
      // A function call or list (`element([aws_subnet.a.id, aws_subnet.b.id], 0)`): Terraform lists every resource it names.
      for (const r of expr.matchAll(/(?<![\w.])((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)(\.[A-Za-z0-9_]+)?/g)) {
        if (r[2]) out.add(r[1] + r[2]);
        out.add(r[1]);
      }
    }
  }
  return [...out];
}

const hasRef = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('${') : Array.isArray(v) ? v.some(hasRef) : isObj(v) ? Object.values(v).some(hasRef) : false;

const isBlockList = (v: unknown): v is Obj[] => Array.isArray(v) && v.length > 0 && v.every(isObj);

/** Split a value into (known after, after_unknown, configuration expression). */
function planParts(v: unknown, key: string): { after: unknown; unknown: unknown; expr: unknown } {
  if (isBlockList(v) && key !== 'tags') {
    const parts = v.map((b) => blockParts(b));
    return { after: parts.map((p) => p.after), unknown: parts.map((p) => p.unknown), expr: parts.map((p) => p.expr) };
  }
  if (hasRef(v)) {
    const refs = new Set<string>();
    const collect = (x: unknown) => {
      if (typeof x === 'string') refsOf(x).forEach((r) => refs.add(r));
      else if (Array.isArray(x)) x.forEach(collect);
      else if (isObj(x)) Object.values(x).forEach(collect);
    };
    collect(v);
    return { after: undefined, unknown: true, expr: { references: [...refs] } };
  }
  return { after: v, unknown: isObj(v) ? {} : Array.isArray(v) ? v.map(() => false) : false, expr: { constant_value: v } };
}

function blockParts(b: Obj): { after: Obj; unknown: Obj; expr: Obj } {
  const after: Obj = {};
  const unknown: Obj = {};
  const expr: Obj = {};
  for (const [k, v] of Object.entries(b)) {
    const p = planParts(v, k);
    if (p.after !== undefined) after[k] = p.after;
    if (p.unknown === true || (isObj(p.unknown) && Object.keys(p.unknown).length) || Array.isArray(p.unknown)) unknown[k] = p.unknown;
    expr[k] = p.expr;
  }
  return { after, unknown, expr };
}

/** Mark a path unknown in (after, after_unknown). */
function markUnknown(after: unknown, unk: unknown, path: string[]): void {
  if (Array.isArray(after) && Array.isArray(unk)) {
    after.forEach((a, i) => {
      if (!isObj(unk[i])) unk[i] = {};
      markUnknown(a, unk[i], path);
    });
    return;
  }
  if (!isObj(after) || !isObj(unk)) return;
  const [head, ...rest] = path;
  if (!rest.length) {
    delete after[head];
    unk[head] = true;
    return;
  }
  if (after[head] === undefined) return;
  if (!isObj(unk[head]) && !Array.isArray(unk[head])) unk[head] = Array.isArray(after[head]) ? (after[head] as unknown[]).map(() => ({})) : {};
  markUnknown(after[head], unk[head], rest);
}

const META_ARGS = ['lifecycle', 'depends_on', 'count', 'for_each', 'provisioner', 'connection'];
const PLAN_ACTIONS: Record<string, string[]> = { replace: ['delete', 'create'], update: ['update'], 'no-op': ['no-op'] };

/** The case as `terraform show -json` plan output (format 1.2). */
export function toPlan(c: RuleCase): Obj {
  const planned: Obj[] = [];
  const changes: Obj[] = [];
  const config: Obj[] = [];
  for (const r of resourcesOf(c)) {
    // Meta-arguments (lifecycle, depends_on, …) never appear among a plan's attribute values.
    const body = clone(r.body);
    for (const m of META_ARGS) delete body[m];
    const action = c.actions?.[r.address];
    if (action === 'delete') {
      const common = { address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws' };
      changes.push({ ...common, change: { actions: ['delete'], before: blockParts(body).after, after: null, after_unknown: {}, before_sensitive: {}, after_sensitive: false } });
      continue;
    }
    const { after, unknown, expr } = blockParts(body);
    if (r.mode === 'managed') {
      if (after.id === undefined) unknown.id = true;
      if (after.arn === undefined) unknown.arn = true;
    }
    for (const p of c.unknown?.[r.address] ?? []) {
      markUnknown(after, unknown, p.split('.'));
      setPath(expr, p.split('.'), { references: ['var.unknown_input'] });
    }
    const common = { address: r.address, mode: r.mode, type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws' };
    planned.push({ ...common, schema_version: 0, values: after, sensitive_values: {} });
    changes.push({
      ...common,
      change: {
        actions: r.mode === 'data' ? ['read'] : action ? PLAN_ACTIONS[action] : ['create'],
        before: action ? after : null,
        after,
        after_unknown: unknown,
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    config.push({ ...common, provider_config_key: 'aws', expressions: expr, schema_version: 0 });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } }, root_module: { resources: config } },
    timestamp: '2026-11-28T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}
