/**
 * Derived data computed once per resource (and graph) instead of once per rule that asks.
 *
 * Many rules read the same thing of the same resource: a role's trust policy, the policies
 * attached to it, a resource's tags. A graph and its resources do not change once loaded, so
 * an answer stays valid for as long as the graph lives. Cached answers are shared between
 * callers: they are typed read-only and must not be modified.
 */
import type { Graph } from './graph';
import type { Resource } from './types';

/**
 * `fn` with its answers cached per graph, resource and `key` (an attribute path, or '' when
 * the answer depends on the resource alone). `fn` must not return undefined.
 */
export function memoizeByResource<V>(fn: (graph: Graph, res: Resource, key: string) => V): (graph: Graph, res: Resource, key: string) => V {
  const cache = new WeakMap<Graph, Map<string, Map<Resource, V>>>();
  return (graph, res, key) => {
    let byKey = cache.get(graph);
    if (!byKey) cache.set(graph, (byKey = new Map()));
    let byRes = byKey.get(key);
    if (!byRes) byKey.set(key, (byRes = new Map()));
    let v = byRes.get(res);
    if (v === undefined) byRes.set(res, (v = fn(graph, res, key)));
    return v;
  };
}

/** `fn` with its answers cached per object (a resource, a policy document). `fn` must not return undefined. */
export function memoizeByObject<K extends object, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new WeakMap<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) cache.set(k, (v = fn(k)));
    return v;
  };
}
