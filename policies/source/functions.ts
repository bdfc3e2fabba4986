/**
 * Terraform built-in functions over known arguments, for source mode. A function phikit does not
 * implement (or `file()`, `templatefile()`, `cidrsubnet()` …) returns undefined, and the caller
 * keeps the call as an unknown value: never a guess.
 */
import { setOwn } from '../model/modules';
import { EvalError, Json } from './expr';

type Fn = (args: Json[]) => Json | undefined;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function str(v: Json): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EvalError('not a string');
}
function num(v: Json): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new EvalError('not a number');
}
function list(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  throw new EvalError('not a list');
}
function obj(v: Json): Obj {
  if (isObj(v)) return v;
  throw new EvalError('not a map');
}
const sortedKeys = (o: Obj) => Object.keys(o).sort();
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
function distinct(xs: Json[]): Json[] {
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const x of xs) {
    const k = JSON.stringify(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

/** JSON text as Terraform's jsonencode writes it: object keys sorted. */
function jsonencode(v: Json): string {
  const sortDeep = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(sortDeep);
    if (isObj(x)) {
      const o: Obj = {};
      for (const k of sortedKeys(x)) setOwn(o, k, sortDeep(x[k]));
      return o;
    }
    return x;
  };
  return JSON.stringify(sortDeep(v));
}

/** `format()` with %s, %d, %q, %v, %% (flags and widths are not read: unknown then). */
function format(spec: string, args: Json[]): string | undefined {
  let out = '';
  let a = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const verb = spec[++i];
    if (verb === '%') out += '%';
    else if (verb === 's' || verb === 'v') out += str(args[a++] ?? '');
    else if (verb === 'd') out += String(Math.trunc(num(args[a++] ?? 0)));
    else if (verb === 'q') out += JSON.stringify(str(args[a++] ?? ''));
    else return undefined;
  }
  return out;
}

function flatten(xs: Json[], depth = 0): Json[] {
  if (depth > 64) throw new EvalError('nested too deeply');
  const out: Json[] = [];
  for (const x of xs) {
    if (Array.isArray(x)) out.push(...flatten(x, depth + 1));
    else out.push(x);
  }
  return out;
}

const FUNCTIONS: Record<string, Fn> = {
  lower: ([s]) => str(s).toLowerCase(),
  upper: ([s]) => str(s).toUpperCase(),
  title: ([s]) => str(s).replace(/\b[a-z]/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => str(s).trim(),
  trimprefix: ([s, p]) => (str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)),
  trimsuffix: ([s, p]) => (str(p) && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s)),
  startswith: ([s, p]) => str(s).startsWith(str(p)),
  endswith: ([s, p]) => str(s).endsWith(str(p)),
  strcontains: ([s, p]) => str(s).includes(str(p)),
  substr: ([s, off, len]) => {
    const chars = [...str(s)];
    const o = num(off) < 0 ? chars.length + num(off) : num(off);
    return chars.slice(o, num(len) < 0 ? undefined : o + num(len)).join('');
  },
  // Plain-string replace only; a /regex/ pattern is not evaluated (unknown).
  replace: ([s, from, to]) => (/^\/.*\/$/.test(str(from)) ? undefined : str(s).split(str(from)).join(str(to))),
  format: ([spec, ...args]) => format(str(spec), args),
  join: ([sep, ...lists]) => flatten(lists.map(list)).map(str).join(str(sep)),
  split: ([sep, s]) => str(s).split(str(sep)),
  concat: (lists) => lists.flatMap(list),
  flatten: ([l]) => flatten(list(l)),
  distinct: ([l]) => distinct(list(l)),
  compact: ([l]) => list(l).filter((x) => x !== null && x !== ''),
  contains: ([l, v]) => list(l).some((x) => same(x, v)),
  length: ([v]) => (typeof v === 'string' ? [...v].length : Array.isArray(v) ? v.length : isObj(v) ? Object.keys(v).length : undefined),
  element: ([l, i]) => {
    const xs = list(l);
    if (!xs.length) throw new EvalError('element() of an empty list');
    return xs[((Math.trunc(num(i)) % xs.length) + xs.length) % xs.length];
  },
  index: ([l, v]) => {
    const i = list(l).findIndex((x) => same(x, v));
    if (i < 0) throw new EvalError('not in the list');
    return i;
  },
  one: ([l]) => {
    const xs = l === null ? [] : list(l);
    if (xs.length > 1) throw new EvalError('one() of several elements');
    return xs.length ? xs[0] : null;
  },
  reverse: ([l]) => [...list(l)].reverse(),
  sort: ([l]) => list(l).map(str).sort(),
  slice: ([l, a, b]) => list(l).slice(num(a), num(b)),
  range: (args) => {
    const [start, end, step] = args.length === 1 ? [0, num(args[0]), 1] : [num(args[0]), num(args[1]), args[2] === undefined ? 1 : num(args[2])];
    if (step === 0 || Math.abs((end - start) / step) > 1024) return undefined;
    const out: number[] = [];
    for (let x = start; step > 0 ? x < end : x > end; x += step) out.push(x);
    return out;
  },
  keys: ([m]) => sortedKeys(obj(m)),
  values: ([m]) => sortedKeys(obj(m)).map((k) => obj(m)[k]),
  lookup: ([m, k, dflt]) => {
    const o = obj(m);
    const key = str(k);
    if (Object.prototype.hasOwnProperty.call(o, key)) return o[key];
    if (dflt === undefined) throw new EvalError(`no key ${key}`);
    return dflt;
  },
  merge: (maps) => {
    const out: Obj = {};
    for (const m of maps) if (m !== null) for (const k of Object.keys(obj(m))) setOwn(out, k, (m as Obj)[k]);
    return out;
  },
  zipmap: ([ks, vs]) => {
    const out: Obj = {};
    list(ks).forEach((k, i) => setOwn(out, str(k), list(vs)[i] ?? null));
    return out;
  },
  coalesce: (args) => {
    for (const a of args) if (a !== null && a !== '') return a;
    throw new EvalError('no non-empty argument');
  },
  coalescelist: (args) => {
    for (const a of args) if (Array.isArray(a) && a.length) return a;
    throw new EvalError('no non-empty list');
  },
  tostring: ([v]) => (v === null ? null : str(v)),
  tonumber: ([v]) => (v === null ? null : num(v)),
  tobool: ([v]) => (v === null ? null : v === true || v === 'true' ? true : v === false || v === 'false' ? false : (() => { throw new EvalError('not a bool'); })()),
  tolist: ([v]) => list(v),
  toset: ([v]) => distinct(list(v)),
  tomap: ([v]) => obj(v),
  jsonencode: ([v]) => jsonencode(v),
  jsondecode: ([s]) => {
    try {
      return JSON.parse(str(s)) as Json;
    } catch {
      throw new EvalError('not JSON');
    }
  },
  max: (args) => Math.max(...flatten(args).map(num)),
  min: (args) => Math.min(...flatten(args).map(num)),
  abs: ([x]) => Math.abs(num(x)),
  ceil: ([x]) => Math.ceil(num(x)),
  floor: ([x]) => Math.floor(num(x)),
  sum: ([l]) => list(l).reduce<number>((a, b) => a + num(b), 0),
  alltrue: ([l]) => list(l).every((x) => x === true || x === 'true'),
  anytrue: ([l]) => list(l).some((x) => x === true || x === 'true'),
  setunion: (ls) => distinct(ls.flatMap(list)),
  setintersection: ([first, ...rest]) => list(first).filter((x) => rest.every((l) => list(l).some((y) => same(x, y)))),
  setsubtract: ([a, b]) => list(a).filter((x) => !list(b).some((y) => same(x, y))),
  chunklist: ([l, n]) => {
    const size = num(n);
    if (size <= 0) return undefined;
    const xs = list(l);
    const out: Json[] = [];
    for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
    return out;
  },
  formatlist: ([spec, ...lists]) => {
    const n = Math.max(0, ...lists.filter(Array.isArray).map((l) => (l as Json[]).length));
    const out: Json[] = [];
    for (let i = 0; i < n; i++) {
      const s = format(str(spec), lists.map((l) => (Array.isArray(l) ? l[i] : l)));
      if (s === undefined) return undefined;
      out.push(s);
    }
    return out;
  },
};

/** Result of a built-in over known arguments; undefined when phikit does not evaluate it. */
export function callFunction(name: string, args: Json[]): Json | undefined {
  const f = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  return f ? f(args) : undefined;
}
