/**
 * Provider defaults (policies/data/provider-defaults.ts) as the model applies them: an attribute
 * the configuration does not set — absent in cdk.tf.json, null or computed-only in a plan — reads
 * as the provider's default, a known value flagged `providerDefault`. Nested paths apply only
 * inside a block that is written. A default that depends on a related resource (`when`) is
 * resolved once per graph; until then, or when the related resource is outside the inputs, there
 * is no default and the attribute keeps its plain state.
 */
import { PROVIDER_DEFAULTS, ProviderDefault } from '../data/provider-defaults';
import type { Resource } from './types';
import type { Json } from './values';

/** The table entry for `type` / `path`, if any. */
export function defaultEntry(type: string, path: string): ProviderDefault | undefined {
  const t = Object.prototype.hasOwnProperty.call(PROVIDER_DEFAULTS, type) ? PROVIDER_DEFAULTS[type] : undefined;
  return t && Object.prototype.hasOwnProperty.call(t, path) ? t[path] : undefined;
}

/** Conditional defaults decided for a resource (by the graph that holds it): path → value, or null when the condition fails or cannot be decided. */
const decided = new WeakMap<Resource, Map<string, Json | null>>();

/** The default value for `path` of `res`, or undefined when there is none (or it cannot be decided). */
export function defaultValue(res: Resource, path: string): Json | undefined {
  const d = defaultEntry(res.type, path);
  if (!d) return undefined;
  if (!d.when) return d.value;
  const v = decided.get(res)?.get(path);
  return v === null ? undefined : v;
}

/** Resources a resource refers to at `path`, as the graph resolves them. */
export type Deref = (res: Resource, path: string) => readonly Resource[];

/** Attribute reader without defaults (the condition's own attribute is read plainly). */
export type PlainRead = (res: Resource, path: string) => { readonly known: boolean; readonly value?: Json };

/** Decide every conditional default of `resources` once (called when a graph is built). */
export function decideConditionalDefaults(resources: readonly Resource[], deref: Deref, read: PlainRead): void {
  for (const r of resources) {
    const t = Object.prototype.hasOwnProperty.call(PROVIDER_DEFAULTS, r.type) ? PROVIDER_DEFAULTS[r.type] : undefined;
    if (!t) continue;
    for (const [path, d] of Object.entries(t)) {
      if (!d.when) continue;
      const w = d.when;
      const target = deref(r, w.via).find((x) => w.types.includes(x.type));
      let value: Json | null = null;
      if (target) {
        const a = read(target, w.attr);
        const v = a.known ? (a.value ?? w.fallback) : undefined;
        if (v !== undefined && v === w.equals) value = d.value;
      }
      let m = decided.get(r);
      if (!m) decided.set(r, (m = new Map()));
      m.set(path, value);
    }
  }
}
