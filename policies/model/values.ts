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

const TRAVERSAL =
  /(?<![\w.])(?:(?:data\.)?[a-z][a-z0-9_]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*)*|module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*)?|var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*)/g;

/** The references named by a Terraform expression (`aws_s3_bucket.b.id`, `var.x`, `module.m.out`). */
export function referencesIn(expr: string): string[] {
  const found = new Set<string>();
  // Drop quoted string literals so "aws_s3_bucket.x" inside a string does not count.
  const stripped = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const m of stripped.matchAll(TRAVERSAL)) found.add(m[0]);
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
