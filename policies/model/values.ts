/**
 * Attribute values in the normalized model.
 *
 * Every attribute leaf is one of:
 *  - a known JSON value (string, number, boolean, null, array, object);
 *  - an {@link Unknown}: not known before apply. It may carry the references
 *    (`aws_kms_key.k.arn`) that will produce it, and for cdktf templates the raw
 *    template text (`arn:aws:s3:::${aws_s3_bucket.b.id}/*`);
 *  - a {@link Redacted}: a sensitive value. The real value is dropped when the
 *    input is loaded, so no report can ever print it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value that cannot be known from the input (unknown after apply, or an expression). */
export class Unknown {
  constructor(
    /** Raw references as written, relative to the resource's module (`aws_kms_key.k.arn`, `var.x`). */
    readonly refs: readonly string[],
    /** Why it is unknown. */
    readonly reason: 'after-apply' | 'reference' | 'expression' | 'computed',
    /** cdktf template text, when the value is a string template (never from sensitive input). */
    readonly template?: string,
  ) {}

  toJSON(): string {
    return this.refs.length ? `(known after apply: ${this.refs.join(', ')})` : '(known after apply)';
  }
}

/**
 * A plan value unknown until apply, with nothing known about where it comes from (no reference,
 * no template): e.g. a block a `dynamic` block builds from values known only at apply. Reads below
 * it are unknown too. Immutable and shared.
 */
export const AFTER_APPLY: Unknown = Object.freeze(new Unknown(Object.freeze([]), 'after-apply'));

/**
 * A sensitive value that is also unknown after apply. Read like any computed unknown, but marked
 * so nothing fills it in from elsewhere (a `--synth` template could print what the plan withholds).
 */
export const SENSITIVE_AFTER_APPLY: Unknown = Object.freeze(new Unknown(Object.freeze([]), 'after-apply'));

export function isSensitiveUnknown(v: unknown): boolean {
  return v === SENSITIVE_AFTER_APPLY;
}

/**
 * A plan value the provider computes because the configuration leaves it out: the resource's
 * `configuration` entry (and every enclosing block of it) is present and does not set it. Only
 * attributes, and blocks the provider schema computes, get it; see `isComputedOnly`. Immutable
 * and shared: a large plan has one for most resources' computed attributes.
 */
export const NOT_CONFIGURED: Unknown = Object.freeze(new Unknown(Object.freeze([]), 'computed'));

/** A sensitive value: present, but withheld from the model and every output. */
export class Redacted {
  toJSON(): string {
    return '(sensitive)';
  }
}

export const REDACTED = new Redacted();

export type Value = Json | Unknown | Redacted | Value[] | { [key: string]: Value };

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/**
 * A plan value the provider computes because the configuration does not set it ({@link NOT_CONFIGURED}).
 * Rules read it as "not configured", not as "configured from an unknown value". A value unknown for
 * any other reason ({@link AFTER_APPLY}: e.g. a block built by a `dynamic` block, or a plan without
 * its `configuration`) is not computed-only. Synth input never produces one.
 */
export function isComputedOnly(v: unknown): v is Unknown {
  return v instanceof Unknown && v.reason === 'computed';
}

export function isRedacted(v: unknown): v is Redacted {
  return v instanceof Redacted;
}

export function isPlainObject(v: unknown): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Redacted);
}

/**
 * Scan `${ ... }` interpolations in a cdktf/Terraform JSON string, honouring nested braces
 * and quoted strings inside the expression. Returns null when the string has none.
 * `$${` is Terraform's escape for a literal `${`.
 */
export function interpolations(s: string): string[] | null {
  if (s.indexOf('${') < 0) return null;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const at = s.indexOf('${', i);
    if (at < 0) break;
    if (at > 0 && s[at - 1] === '$') {
      i = at + 2;
      continue;
    }
    let depth = 1;
    let j = at + 2;
    let inStr = false;
    for (; j < s.length && depth > 0; j++) {
      const c = s[j];
      if (inStr) {
        if (c === '\\') j++;
        else if (c === '"') inStr = false;
      } else if (c === '"') inStr = true;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    out.push(s.slice(at + 2, j - 1));
    i = j;
  }
  return out.length ? out : null;
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLowerOrDigitOrUnderscore = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 95;
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameCode = (c: number) => isWordCode(c) || c === 45; /* - */

/**
 * The expression with every complete quoted string literal replaced by `""`, so
 * "aws_s3_bucket.x" inside a string does not count as a reference. One pass: once a quote has
 * no closing quote, no later one has either (the rest is kept as it is).
 */
function withoutStrings(expr: string): string {
  if (expr.indexOf('"') < 0) return expr;
  let out = '';
  let from = 0;
  for (let i = expr.indexOf('"'); i >= 0 && i < expr.length; ) {
    let j = i + 1;
    while (j < expr.length && expr.charCodeAt(j) !== 34) j += expr.charCodeAt(j) === 92 ? 2 : 1;
    if (j >= expr.length) break;
    out += `${expr.slice(from, i)}""`;
    from = j + 1;
    i = expr.indexOf('"', from);
  }
  return out + expr.slice(from);
}

/**
 * The references named by a Terraform expression (`aws_s3_bucket.b.id`, `var.x`, `module.m.out`,
 * `data.t.n.attr`, with `[index]` keys). A hand-written scanner, linear in the expression: a
 * regular expression for the same shapes backtracks quadratically on long identifier runs
 * (`${a_a_a_…}`) or many unclosed `[`.
 */
export function referencesIn(expr: string): string[] {
  const found = new Set<string>();
  const s = withoutStrings(expr);
  const n = s.length;
  // Next `]` at or after a position; positions only grow, so one cached answer serves many.
  let close = -2;
  const closeFrom = (at: number): number => {
    if (close === -1 || close >= at) return close;
    close = s.indexOf(']', at);
    return close;
  };
  /** End of a name (`[A-Za-z_][\w-]*`) starting at `at`, or -1. */
  const nameEnd = (at: number): number => {
    if (at >= n || !isNameStart(s.charCodeAt(at))) return -1;
    let j = at + 1;
    while (j < n && isNameCode(s.charCodeAt(j))) j++;
    return j;
  };
  /** End of an optional `[ … ]` key at `at` (at itself when there is none). */
  const keyEnd = (at: number): number => {
    if (s.charCodeAt(at) !== 91 /* [ */) return at;
    const c = closeFrom(at + 1);
    return c < 0 ? at : c + 1;
  };
  /** End of a lower-case run `[a-z0-9_]*` starting at `at`. */
  const runEnd = (at: number): number => {
    let j = at;
    while (j < n && isLowerOrDigitOrUnderscore(s.charCodeAt(j))) j++;
    return j;
  };
  /** A resource type `[a-z][a-z0-9_]*_[a-z0-9_]+` exactly spanning [at, end). */
  const isType = (at: number, end: number): boolean => {
    const c = s.charCodeAt(at);
    if (!(c >= 97 && c <= 122)) return false;
    const u = s.indexOf('_', at + 1);
    return u >= 0 && u < end - 1;
  };
  /** `type.name[key](.attr)*` from `at`, or -1. */
  const resourceRef = (at: number): number => {
    const t = runEnd(at);
    if (t >= n || s.charCodeAt(t) !== 46 || !isType(at, t)) return -1;
    let j = nameEnd(t + 1);
    if (j < 0) return -1;
    j = keyEnd(j);
    while (j < n && s.charCodeAt(j) === 46) {
      const e = nameEnd(j + 1);
      if (e < 0) break;
      j = e;
    }
    return j;
  };
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (!(c >= 97 && c <= 122) || isWordCode(prev) || prev === 46) {
      i++;
      continue;
    }
    const word = runEnd(i);
    const lead = s.slice(i, word);
    let end = -1;
    if (lead === 'data' && s.charCodeAt(word) === 46) end = resourceRef(word + 1);
    if (end < 0) end = resourceRef(i);
    if (end < 0 && s.charCodeAt(word) === 46) {
      if (lead === 'module') {
        const nm = nameEnd(word + 1);
        if (nm >= 0) {
          end = keyEnd(nm);
          if (s.charCodeAt(end) === 46) {
            const attr = nameEnd(end + 1);
            if (attr >= 0) end = attr;
          }
        }
      } else if (lead === 'var' || lead === 'local') end = nameEnd(word + 1);
    }
    if (end > i) {
      found.add(s.slice(i, end));
      i = end;
    } else i = word > i ? word : i + 1;
  }
  return [...found];
}

/**
 * Convert a string from cdk.tf.json into a model value: a plain string, or an Unknown
 * when it contains interpolations (a whole `${ref}` becomes a reference).
 */
export function fromTemplateString(s: string): string | Unknown {
  const parts = interpolations(s);
  if (!parts) return s.includes('$${') ? s.replace(/\$\$\{/g, '${') : s;
  const refs = new Set<string>();
  for (const p of parts) for (const r of referencesIn(p)) refs.add(r);
  const whole = parts.length === 1 && s.startsWith('${') && s.endsWith('}') && s.length === parts[0].length + 3;
  const simpleRef = whole && refs.size === 1 && parts[0].trim() === [...refs][0];
  return new Unknown([...refs], simpleRef ? 'reference' : 'expression', s);
}

/** Safe own-property read (never walks the prototype chain). */
export function own(obj: Record<string, Value>, key: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Render a value for a report: short, with unknown and sensitive values spelled out. */
export function render(v: Value | undefined, max = 120): string {
  if (v === undefined) return '(not set)';
  if (v instanceof Unknown) return v.toJSON();
  if (v instanceof Redacted) return '(sensitive)';
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  if (s === undefined) s = String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
