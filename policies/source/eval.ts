/**
 * Evaluate parsed Terraform expressions against a scope (variables, locals, `each`, `count`,
 * iterators). Known inputs give known values; anything else (a resource attribute, an unknown
 * variable, a function phikit does not implement) gives a {@link Residual} carrying the
 * references it depends on. See expr.ts.
 */
import { EV, EvalError, Json, MAX_EXPR_DEPTH, Node, Residual, isKnown, isResidual, refsIn } from './expr';
import { callFunction } from './functions';
import { setOwn } from '../model/modules';

export interface Scope {
  /** `var.NAME` in this module: a value, a residual, or undefined when the variable is not declared. */
  variable(name: string): EV | undefined;
  /** `local.NAME` in this module (evaluated lazily, cycle-safe). */
  local(name: string): EV | undefined;
  /** `each.key` / `each.value` of the resource or module instance. */
  readonly each?: { readonly key: Json; readonly value: EV };
  /** `count.index` of the instance. */
  readonly countIndex?: number;
  /** for-expression variables and dynamic-block iterators (`rule.value`). */
  readonly iterators?: ReadonlyMap<string, EV>;
  /** `path.module`, `path.root`, `path.cwd`. */
  readonly paths: { readonly module: string; readonly root: string; readonly cwd: string };
}

export function withIterators(scope: Scope, vars: ReadonlyMap<string, EV>): Scope {
  const merged = new Map(scope.iterators ?? []);
  for (const [k, v] of vars) merged.set(k, v);
  return { ...scope, variable: scope.variable, local: scope.local, iterators: merged };
}

// ------------------------------------------------------------ HCL text of values and residuals

/** An HCL string literal (`${` and `%{` escaped so the text is never read as a template). */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** HCL text of a value (JSON syntax is valid HCL once strings escape `${`); residual parts as their expression text. */
export function hclValue(v: EV, depth = 0): string {
  if (isResidual(v)) return v.text;
  if (typeof v === 'string') return hclString(v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (depth > 256) return 'null';
  if (Array.isArray(v)) return `[${v.map((x) => hclValue(x, depth + 1)).join(', ')}]`;
  return `{${Object.keys(v)
    .map((k) => `${hclString(k)} = ${hclValue((v as Record<string, EV>)[k], depth + 1)}`)
    .join(', ')}}`;
}

const textOf = (v: EV): string => hclValue(v);

/** Literal template text: `${` and `%{` escaped. */
const escapeTemplate = (s: string): string => s.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');

/** A raw template as an HCL quoted string (quotes, backslashes and control characters escaped; interpolations kept). */
function quoteTemplate(raw: string): string {
  return `"${JSON.stringify(raw).slice(1, -1)}"`;
}

function refsOf(parts: readonly Residual[]): string[] {
  const refs = new Set<string>();
  for (const p of parts) for (const r of p.refs) refs.add(r);
  return [...refs];
}

function residual(text: string, ...parts: EV[]): Residual {
  const refs = new Set<string>();
  for (const p of parts) refsIn(p, refs);
  return new Residual(text, [...refs]);
}

// ------------------------------------------------------------ traversals

type Step = { attr: string } | { index: Node };

function flatten(node: Node): { root: string; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let n = node;
  for (;;) {
    if (n.k === 'attr') {
      steps.unshift({ attr: n.name });
      n = n.obj;
    } else if (n.k === 'index') {
      steps.unshift({ index: n.key });
      n = n.obj;
    } else if (n.k === 'var') return { root: n.name, steps };
    else return undefined;
  }
}

/** `[0]` / `["k"]` for a known index, '' when the index is not known (every instance). */
function indexText(v: EV): string {
  if (typeof v === 'number') return `[${v}]`;
  if (typeof v === 'string') return `[${JSON.stringify(v)}]`;
  return '';
}

function getStep(base: EV, step: Step, scope: Scope, depth: number): EV {
  if ('attr' in step) return getKey(base, step.attr, `.${step.attr}`);
  const key = evaluate(step.index, scope, depth + 1);
  if (isResidual(key)) return residual(`${textOf(base)}[${key.text}]`, base, key);
  return getKey(base, key, `[${hclValue(key)}]`);
}

function getKey(base: EV, key: EV, suffix: string): EV {
  if (isResidual(base)) return residual(`${base.text}${suffix}`, base);
  if (Array.isArray(base)) {
    const i = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isInteger(i) || i < 0 || i >= base.length) throw new EvalError('index out of range');
    return base[i];
  }
  if (base !== null && typeof base === 'object' && (typeof key === 'string' || typeof key === 'number')) {
    const k = String(key);
    if (!Object.prototype.hasOwnProperty.call(base, k)) throw new EvalError(`no key ${k}`);
    return (base as Record<string, EV>)[k];
  }
  throw new EvalError('cannot index this value');
}

/** Resource, data-source and module-output references keep the reference; their values are known only after apply. */
function reference(root: string, steps: Step[], scope: Scope, depth: number): Residual {
  // data.TYPE.NAME[idx].attr… / TYPE.NAME[idx].attr… / module.NAME[idx].OUTPUT…
  const fixed = root === 'data' ? 2 : root === 'module' ? 1 : 1;
  let text = root;
  let i = 0;
  let named = 0;
  for (; i < steps.length; i++) {
    const s = steps[i];
    if ('attr' in s) {
      text += `.${s.attr}`;
      named++;
      if (named > fixed) break;
    } else {
      if (named < fixed) return new Residual(text, []);
      const key = evaluate(s.index, scope, depth + 1);
      text += isResidual(key) ? '' : indexText(key);
    }
  }
  // The reference as Terraform lists it: up to the first attribute after the address (module:
  // the output name), instance key included when known.
  const ref = text;
  let full = text;
  for (i = i + 1; i < steps.length; i++) {
    const s = steps[i];
    if ('attr' in s) full += `.${s.attr}`;
    else {
      const key = evaluate(s.index, scope, depth + 1);
      full += isResidual(key) ? `[${key.text}]` : `[${hclValue(key)}]`;
    }
  }
  return new Residual(full, named >= fixed ? [ref] : []);
}

function traversal(node: Node, scope: Scope, depth: number): EV | undefined {
  const t = flatten(node);
  if (!t) return undefined;
  const { root, steps } = t;
  const first = steps[0];
  const rest = (from: number, base: EV): EV => {
    let v = base;
    for (let i = from; i < steps.length; i++) v = getStep(v, steps[i], scope, depth);
    return v;
  };
  const iter = scope.iterators?.get(root);
  if (iter !== undefined) return rest(0, iter);
  switch (root) {
    case 'var':
    case 'local': {
      if (!first || !('attr' in first)) throw new EvalError(`${root} needs a name`);
      const v = root === 'var' ? scope.variable(first.attr) : scope.local(first.attr);
      // An undeclared variable or local: Terraform would reject the configuration; phikit keeps it unknown.
      return rest(1, v === undefined ? new Residual(`${root}.${first.attr}`, []) : v);
    }
    case 'each': {
      if (!scope.each || !first || !('attr' in first)) return rest(0, new Residual('each', []));
      if (first.attr === 'key') return rest(1, scope.each.key);
      if (first.attr === 'value') return rest(1, scope.each.value);
      throw new EvalError('each has key and value only');
    }
    case 'count':
      if (scope.countIndex === undefined || !first || !('attr' in first) || first.attr !== 'index') return rest(0, new Residual('count.index', []));
      return rest(1, scope.countIndex);
    case 'path':
      if (first && 'attr' in first && (first.attr === 'module' || first.attr === 'root' || first.attr === 'cwd')) return rest(1, scope.paths[first.attr]);
      return new Residual('path', []);
    case 'terraform':
      if (first && 'attr' in first && first.attr === 'workspace') return rest(1, 'default');
      return new Residual('terraform', []);
    case 'self':
      return new Residual('self', []);
    case 'data':
    case 'module':
      return reference(root, steps, scope, depth);
    default:
      // A resource type (`aws_s3_bucket`) or a provider name.
      if (root.includes('_') && steps.length && 'attr' in steps[0]) return reference(root, steps, scope, depth);
      return new Residual(root, []);
  }
}

// ------------------------------------------------------------ operators

const truthy = (v: Json): boolean => {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError('not a boolean');
};

const toNum = (v: Json): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new EvalError('not a number');
};

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof b === 'number' && typeof a === 'string') return String(b) === a;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function binary(op: string, l: Json, r: Json): Json {
  switch (op) {
    case '&&':
      return truthy(l) && truthy(r);
    case '||':
      return truthy(l) || truthy(r);
    case '==':
      return equal(l, r);
    case '!=':
      return !equal(l, r);
    case '<':
      return toNum(l) < toNum(r);
    case '<=':
      return toNum(l) <= toNum(r);
    case '>':
      return toNum(l) > toNum(r);
    case '>=':
      return toNum(l) >= toNum(r);
    case '+':
      return toNum(l) + toNum(r);
    case '-':
      return toNum(l) - toNum(r);
    case '*':
      return toNum(l) * toNum(r);
    case '/':
      return toNum(l) / toNum(r);
    case '%':
      return toNum(l) % toNum(r);
    default:
      throw new EvalError(`operator ${op}`);
  }
}

// ------------------------------------------------------------ evaluation

export function evaluate(node: Node, scope: Scope, depth = 0): EV {
  if (depth > MAX_EXPR_DEPTH) throw new EvalError('expression nested too deeply');
  const d = depth + 1;
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'paren': {
      const v = evaluate(node.x, scope, d);
      return isResidual(v) ? residual(`(${v.text})`, v) : v;
    }
    case 'tpl': {
      const vals: Array<EV | { directive: string }> = node.parts.map((p) => ('lit' in p ? p.lit : 'directive' in p ? p : evaluate(p.node, scope, d)));
      if (vals.every((v) => !isResidual(v) && !(typeof v === 'object' && v !== null && 'directive' in v && Object.keys(v).length === 1 && typeof (v as { directive?: unknown }).directive === 'string'))) {
        return vals
          .map((v) => {
            const j = v as Json;
            if (j !== null && typeof j === 'object') throw new EvalError('a template interpolates a collection');
            return j === null ? '' : String(j);
          })
          .join('');
      }
      // Residual template: the raw template (what cdk.tf.json would hold) and its quoted HCL form.
      const raw = vals
        .map((v) => (isResidual(v) ? `\${${v.text}}` : typeof v === 'object' && v !== null && 'directive' in v ? `%{${v.directive}}` : escapeTemplate(String(v ?? ''))))
        .join('');
      return new Residual(quoteTemplate(raw), refsOf(vals.filter(isResidual) as Residual[]), raw);
    }
    case 'tuple':
      // Members stay apart: a tuple with one unknown member keeps its known ones.
      return node.items.map((x) => evaluate(x, scope, d));
    case 'object': {
      const keys = node.items.map((it) => evaluate(it.key, scope, d));
      const vals = node.items.map((it) => evaluate(it.value, scope, d));
      if (keys.some(isResidual)) {
        return residual(`{${keys.map((k, i) => `${isResidual(k) ? `(${k.text})` : hclValue(k)} = ${textOf(vals[i])}`).join(', ')}}`, ...keys, ...vals);
      }
      const out: Record<string, EV> = {};
      keys.forEach((k, i) => {
        if (k === null || typeof k === 'object') throw new EvalError('object key is not a string');
        setOwn(out, String(k), vals[i]);
      });
      return out;
    }
    case 'var':
    case 'attr':
    case 'index': {
      const t = traversal(node, scope, d);
      if (t !== undefined) return t;
      // An index or attribute on a computed value: `[a, b][0]`, `func(x).attr`.
      if (node.k === 'var') return new Residual(node.name, []);
      const base = evaluate(node.obj, scope, d);
      return node.k === 'attr' ? getKey(base, node.name, `.${node.name}`) : getStep(base, { index: node.key }, scope, d);
    }
    case 'splat': {
      const base = evaluate(node.obj, scope, d);
      if (isResidual(base)) return residual(`${base.text}[*]${node.each.map((s) => ('attr' in s ? `.${s.attr}` : '[…]')).join('')}`, base);
      const list = base === null ? [] : Array.isArray(base) ? base : [base];
      return list.map((item) => {
        let v: EV = item;
        for (const s of node.each) v = getStep(v, s, scope, d);
        return v;
      });
    }
    case 'call':
      return call(node, scope, d);
    case 'unary': {
      const x = evaluate(node.x, scope, d);
      if (!isKnown(x)) return residual(`${node.op}${textOf(x)}`, x);
      return node.op === '!' ? !truthy(x) : -toNum(x);
    }
    case 'binary': {
      const l = evaluate(node.l, scope, d);
      // Short-circuit where the left side decides, as Terraform's result would be the same.
      if ((node.op === '&&' && l === false) || (node.op === '||' && l === true)) return l;
      const r = evaluate(node.r, scope, d);
      if (!isKnown(l) || !isKnown(r)) return residual(`${textOf(l)} ${node.op} ${textOf(r)}`, l, r);
      return binary(node.op, l, r);
    }
    case 'cond': {
      const c = evaluate(node.c, scope, d);
      if (isKnown(c)) return truthy(c) ? evaluate(node.t, scope, d) : evaluate(node.f, scope, d);
      const t = safe(() => evaluate(node.t, scope, d));
      const f = safe(() => evaluate(node.f, scope, d));
      return residual(`${textOf(c)} ? ${textOf(t)} : ${textOf(f)}`, c, t, f);
    }
    case 'for':
      return forExpr(node, scope, d);
  }
}

/** A branch that fails to evaluate contributes nothing to a residual (it may never be taken). */
function safe(f: () => EV): EV {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError) return new Residual('null', []);
    throw e;
  }
}

/** Functions that work on collections whose members may be unknown (module inputs usually are). */
function structural(name: string, args: EV[]): EV | undefined {
  const [a, b, c] = args;
  const isObjEV = (v: EV): v is Record<string, EV> => v !== null && typeof v === 'object' && !Array.isArray(v) && !isResidual(v);
  switch (name) {
    case 'length':
      if (Array.isArray(a)) return a.length;
      if (isObjEV(a)) return Object.keys(a).length;
      return undefined;
    case 'keys':
      return isObjEV(a) ? Object.keys(a).sort() : undefined;
    case 'values':
      return isObjEV(a) ? Object.keys(a).sort().map((k) => a[k]) : undefined;
    case 'lookup':
      if (isObjEV(a) && typeof b === 'string') {
        if (Object.prototype.hasOwnProperty.call(a, b)) return a[b];
        if (c !== undefined) return c;
        throw new EvalError(`no key ${b}`);
      }
      return undefined;
    case 'merge': {
      if (!args.every((m) => m === null || isObjEV(m))) return undefined;
      const out: Record<string, EV> = {};
      for (const m of args) if (m) for (const k of Object.keys(m)) setOwn(out, k, (m as Record<string, EV>)[k]);
      return out;
    }
    case 'concat':
      return args.every(Array.isArray) ? (args as EV[][]).flat() : undefined;
    case 'flatten': {
      if (!Array.isArray(a)) return undefined;
      const out: EV[] = [];
      const walk = (xs: EV[], depth: number): boolean => {
        if (depth > 64) return false;
        for (const x of xs) {
          if (Array.isArray(x)) {
            if (!walk(x, depth + 1)) return false;
          } else if (isResidual(x)) return false; // might itself be a list
          else out.push(x);
        }
        return true;
      };
      return walk(a, 0) ? out : undefined;
    }
    case 'tolist':
    case 'toset':
      return Array.isArray(a) ? a : undefined;
    case 'compact':
      // Known empty members drop out; members known only after apply stay (they may be empty).
      return Array.isArray(a) ? a.filter((x) => x !== null && x !== '') : undefined;
    case 'tomap':
      return isObjEV(a) ? a : undefined;
    case 'element':
      if (Array.isArray(a) && typeof b === 'number' && a.length) return a[((Math.trunc(b) % a.length) + a.length) % a.length];
      return undefined;
    case 'replace':
      // A known text with a plain (non-regex) known pattern replaced by a value known only after
      // apply (`replace(var.policy, "__TABLE_ARN__", aws_dynamodb_table.t.arn)`): the text stays
      // known around it, as the template `...${aws_dynamodb_table.t.arn}...`.
      if (typeof a === 'string' && typeof b === 'string' && b !== '' && !/^\/.*\/$/.test(b) && isResidual(c)) {
        const raw = a.split(b).map(escapeTemplate).join(`\${${c.text}}`);
        return new Residual(quoteTemplate(raw), c.refs, raw);
      }
      return undefined;
    case 'one':
      if (a === null) return null;
      if (Array.isArray(a)) {
        if (a.length > 1) throw new EvalError('one() of several elements');
        return a.length ? a[0] : null;
      }
      return undefined;
    case 'coalesce':
      // The first argument known to be non-empty decides, even when a later one is unknown.
      for (const x of args) {
        if (isResidual(x)) return undefined;
        if (x !== null && x !== '') return x;
      }
      return undefined;
    default:
      return undefined;
  }
}

function call(node: Extract<Node, { k: 'call' }>, scope: Scope, d: number): EV {
  const name = node.name;
  // try(): the first argument that evaluates; while one is only known after apply, the result is
  // that argument or a later one, so the residual keeps the references of all that remain.
  if (name === 'try' || name === 'can') {
    const rest: EV[] = [];
    for (const a of node.args) {
      let v: EV;
      try {
        v = evaluate(a, scope, d);
      } catch (e) {
        if (e instanceof EvalError) {
          if (name === 'can') return false;
          continue;
        }
        throw e;
      }
      if (name === 'can') return isKnown(v) ? true : residual(`can(${textOf(v)})`, v);
      if (!isResidual(v) && !rest.length) return v;
      rest.push(v);
      if (!isResidual(v)) break;
    }
    if (!rest.length) throw new EvalError('no argument of try() evaluates');
    return rest.length === 1 ? rest[0] : residual(`try(${rest.map(textOf).join(', ')})`, ...rest);
  }
  let args = node.args.map((a) => evaluate(a, scope, d));
  if (node.expand && args.length) {
    const last = args[args.length - 1];
    if (Array.isArray(last)) args = [...args.slice(0, -1), ...last];
    else return residual(`${name}(${args.map(textOf).join(', ')}...)`, ...args);
  }
  if (!args.every((a) => isKnown(a))) {
    const partial = structural(name, args);
    return partial !== undefined ? partial : residual(`${name}(${args.map(textOf).join(', ')})`, ...args);
  }
  const out = callFunction(name, args as Json[]);
  return out === undefined ? new Residual(`${name}(${args.map(textOf).join(', ')})`, []) : out;
}

function forExpr(node: Extract<Node, { k: 'for' }>, scope: Scope, d: number): EV {
  const coll = evaluate(node.coll, scope, d);
  if (isResidual(coll)) {
    const inner = safe(() => evaluate(node.valExpr, withIterators(scope, new Map([[node.valVar, new Residual(node.valVar, [])]])), d));
    return residual(`[for ${node.keyVar ? `${node.keyVar}, ` : ''}${node.valVar} in ${coll.text} : ${textOf(inner)}]`, coll, inner);
  }
  if (coll !== null && typeof coll !== 'object') throw new EvalError('for over a scalar');
  const entries: Array<[EV, EV]> =
    coll === null ? [] : Array.isArray(coll) ? coll.map((v, i) => [i, v] as [EV, EV]) : Object.keys(coll).sort().map((k) => [k, (coll as Record<string, EV>)[k]] as [EV, EV]);
  const list: EV[] = [];
  const obj: Record<string, EV> = {};
  const grouped: Record<string, EV[]> = {};
  let res: Residual | undefined;
  for (const [k, v] of entries) {
    const vars = new Map<string, EV>([[node.valVar, v]]);
    if (node.keyVar) vars.set(node.keyVar, k);
    const s = withIterators(scope, vars);
    if (node.cond) {
      const c = evaluate(node.cond, s, d);
      if (!isKnown(c)) {
        res = residual('[for …]', c, res ?? null);
        continue;
      }
      if (!truthy(c)) continue;
    }
    const val = evaluate(node.valExpr, s, d);
    if (!node.object) {
      list.push(val);
      continue;
    }
    const key = evaluate(node.keyExpr as Node, s, d);
    if (!isKnown(key) || (key !== null && typeof key === 'object')) {
      res = residual('{for …}', key, val, res ?? null);
      continue;
    }
    const ks = String(key);
    if (node.group) (grouped[ks] ??= []).push(val);
    else setOwn(obj, ks, val);
  }
  if (res) return res;
  if (!node.object) return list;
  return node.group ? grouped : obj;
}
