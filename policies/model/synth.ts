/**
 * cdktf `cdk.tf.json` (or any Terraform JSON configuration) → model resources.
 *
 * `"//"` comment keys are dropped at every level (the top-level one of a resource gives the
 * construct path and phikit waivers). Strings with `${...}` become Unknown values that keep
 * their references. Meta-arguments (`lifecycle`, `count`, `for_each`, `depends_on`, `provider`)
 * are kept apart from the attributes in `meta`.
 */
import { InputError, MAX_DEPTH, tooDeep } from './errors';
import { setOwn } from './modules';
import type { InlineWaiver, Resource, Unit } from './types';
import { Json, Value, fromTemplateString } from './values';
import { synthProviderRegions } from './regions';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const META_ARGS = new Set(['lifecycle', 'count', 'for_each', 'depends_on', 'provider', 'provisioner', 'connection']);

/** `formatVersion` of a unit read from Terraform source (.tf files), which is otherwise a configuration unit like cdk.tf.json. */
export const TERRAFORM_SOURCE = 'terraform-source';

/** Read from .tf source: a configuration, with no planned actions and no values known only from a plan. */
export function isSourceUnit(unit: Unit): boolean {
  return unit.formatVersion === TERRAFORM_SOURCE;
}

export function isSynthDocument(doc: unknown): boolean {
  if (!isObj(doc)) return false;
  return ['resource', 'data', 'terraform', 'provider', 'module', '//'].some((k) => Object.prototype.hasOwnProperty.call(doc, k));
}

function convert(v: unknown, depth: number, file: string): Value {
  if (depth > MAX_DEPTH) throw tooDeep(file);
  if (typeof v === 'string') return fromTemplateString(v);
  if (Array.isArray(v)) return v.map((x) => convert(x, depth + 1, file));
  if (isObj(v)) {
    const o: Record<string, Value> = {};
    for (const k of Object.keys(v)) {
      if (k === '//') continue;
      setOwn(o, k, convert(v[k], depth + 1, file));
    }
    return o;
  }
  return v as Json;
}

function readWaivers(comment: unknown): InlineWaiver[] {
  const phikit = isObj(comment) ? comment.phikit : undefined;
  const list = isObj(phikit) ? phikit.waivers : undefined;
  if (!Array.isArray(list)) return [];
  const out: InlineWaiver[] = [];
  for (const w of list) {
    if (!isObj(w) || typeof w.ruleId !== 'string' || typeof w.reason !== 'string') continue;
    out.push({
      ruleId: w.ruleId,
      reason: w.reason,
      expires: typeof w.expires === 'string' ? w.expires : undefined,
      approvedBy: typeof w.approvedBy === 'string' ? w.approvedBy : undefined,
    });
  }
  return out;
}

export interface SynthResource extends Resource {
  /** Meta-arguments as written (lifecycle, count, for_each, depends_on, provider). */
  readonly meta: Readonly<Record<string, Value>>;
}

export function stackNameOf(doc: Obj): string | undefined {
  const c = doc['//'];
  const md = isObj(c) ? c.metadata : undefined;
  return isObj(md) && typeof md.stackName === 'string' ? md.stackName : undefined;
}

export function loadSynth(doc: Obj, unit: Unit): Resource[] {
  const out: Resource[] = [];
  const regions = synthProviderRegions(doc);
  for (const mode of ['resource', 'data'] as const) {
    const section = doc[mode];
    if (section === undefined) continue;
    if (!isObj(section)) throw new InputError(`${unit.file}: "${mode}" is not an object`);
    for (const type of Object.keys(section)) {
      if (type === '//') continue;
      const byName = section[type];
      if (!isObj(byName)) throw new InputError(`${unit.file}: ${mode} type block is not an object`);
      for (const name of Object.keys(byName)) {
        if (name === '//') continue;
        const body = byName[name];
        if (!isObj(body)) throw new InputError(`${unit.file}: ${mode} body is not an object`);
        const comment = body['//'];
        const md = isObj(comment) ? comment.metadata : undefined;
        const values: Record<string, Value> = {};
        const meta: Record<string, Value> = {};
        for (const k of Object.keys(body)) {
          if (k === '//') continue;
          setOwn(META_ARGS.has(k) ? meta : values, k, convert(body[k], 1, unit.file));
        }
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const provider = typeof body.provider === 'string' ? body.provider.replace(/^\$\{(.*)\}$/, '$1') : undefined;
        const r: SynthResource = {
          address,
          type,
          name,
          mode: mode === 'data' ? 'data' : 'managed',
          modulePath: '',
          baseAddress: address,
          unit,
          values,
          action: 'config',
          constructPath: isObj(md) && typeof md.path === 'string' ? md.path : undefined,
          inlineWaivers: readWaivers(comment),
          provider,
          region: regions.get(provider ?? 'aws'),
          meta,
        };
        out.push(r);
      }
    }
  }
  return out;
}

/**
 * What other stacks of the same cdktf.out see of this one: its backend (the state a
 * `terraform_remote_state` data source reads) and the references of its outputs. cdktf writes a
 * cross-stack reference as an output here and `data.terraform_remote_state.<x>.outputs.<name>`
 * in the consuming stack.
 */
export interface StackInterface {
  /** `<backend type>` + canonical JSON of its config; undefined without a backend block. */
  readonly backend?: string;
  /** Output name → the references of its value. */
  readonly outputs: ReadonlyMap<string, readonly string[]>;
}

/** Canonical key of a backend: type plus its config with keys sorted (known strings/numbers/booleans only). */
export function backendKey(type: string, config: unknown): string | undefined {
  const canon = (v: unknown, depth: number): string | undefined => {
    if (depth > 8) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
    if (Array.isArray(v)) {
      const parts = v.map((x) => canon(x, depth + 1));
      return parts.some((x) => x === undefined) ? undefined : `[${parts.join(',')}]`;
    }
    if (isObj(v)) {
      const parts: string[] = [];
      for (const k of Object.keys(v).sort()) {
        const c = canon(v[k], depth + 1);
        if (c === undefined) return undefined;
        parts.push(`${JSON.stringify(k)}:${c}`);
      }
      return `{${parts.join(',')}}`;
    }
    return undefined;
  };
  const c = canon(config ?? {}, 0);
  return c === undefined ? undefined : `${type}\u0000${c}`;
}

export function stackInterfaceOf(doc: Obj): StackInterface {
  const outputs = new Map<string, string[]>();
  const section = doc.output;
  if (isObj(section)) {
    for (const name of Object.keys(section)) {
      const o = section[name];
      const v = isObj(o) ? o.value : undefined;
      if (typeof v !== 'string') continue;
      const t = fromTemplateString(v);
      if (typeof t !== 'string' && t.refs.length) outputs.set(name, [...t.refs]);
    }
  }
  const tf = isObj(doc.terraform) ? doc.terraform : undefined;
  const be = tf && isObj(tf.backend) ? tf.backend : undefined;
  const types = be ? Object.keys(be) : [];
  const backend = types.length === 1 ? backendKey(types[0], (be as Obj)[types[0]]) : undefined;
  return { backend, outputs };
}
