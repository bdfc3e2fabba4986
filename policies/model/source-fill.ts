/**
 * A plan read with its Terraform source beside it: where the plan knows a value only after apply,
 * the source can still say what most of it is. A policy written as
 * `jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Resource = aws_sqs_queue.q.arn }] })`
 * is unknown in the plan as a whole, because one member is; evaluated from the source it is the
 * template of that document with only the ARN open, which the policy reader judges like a cdktf
 * template (literal statements known, the reference unknown).
 *
 * Only plan values that are unknown after apply (not sensitive, not left to the provider) are
 * filled, and only with source values that are themselves still unknown expressions carrying a
 * template: the fill never makes a value known that the plan does not know, so nothing the plan
 * decides can change, and a wrong reading of the source can at worst leave a finding unknown.
 * Source evaluation uses the plan's own variable values. A source that cannot be read fills
 * nothing (the plan is still checked; the reason is returned as a warning).
 */
import { InputError } from './errors';
import type { Budget } from './input-file';
import type { ParsedInput } from './load';
import type { Resource } from './types';
import { setOwn } from './modules';
import { Unknown, Value, isPlainObject, isSensitiveUnknown } from './values';
import { loadSourceDir } from '../source/load';

const MAX_DEPTH = 64;

/** Is `v` a plan value the source may explain: unknown after apply, from references or nothing? */
const fillable = (v: Value | undefined): v is Unknown => v instanceof Unknown && !isSensitiveUnknown(v) && v.reason !== 'computed' && v.template === undefined;

/** A source value worth filling in: an expression still unknown, with its template text. */
const explains = (v: Value | undefined): v is Unknown => v instanceof Unknown && v.reason === 'expression' && typeof v.template === 'string';

/** Fill `plan`'s fillable unknowns from `src` at the same paths; returns the new value (or `plan` when nothing changed). */
function fill(plan: Value, src: Value | undefined, depth: number): Value {
  if (src === undefined || depth > MAX_DEPTH) return plan;
  if (fillable(plan)) return explains(src) ? src : plan;
  if (Array.isArray(plan)) {
    if (!Array.isArray(src) || src.length !== plan.length) return plan;
    let out: Value[] | undefined;
    for (let i = 0; i < plan.length; i++) {
      const v = fill(plan[i], src[i], depth + 1);
      if (v !== plan[i]) (out ??= plan.slice())[i] = v;
    }
    return out ?? plan;
  }
  if (isPlainObject(plan)) {
    if (!isPlainObject(src)) return plan;
    let out: Record<string, Value> | undefined;
    for (const k of Object.keys(plan)) {
      if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
      const v = fill(plan[k], src[k], depth + 1);
      if (v !== plan[k]) setOwn((out ??= { ...plan }), k, v);
    }
    return out ?? plan;
  }
  return plan;
}

/**
 * Fill one plan input's after-apply unknowns (in place) from the Terraform source in `rootDir`.
 * Returns a warning when the source could not be evaluated.
 */
export function fillFromSource(input: ParsedInput, rootDir: string, budget?: Budget): string | undefined {
  if (input.unit.format !== 'plan') return undefined;
  let bySource: Map<string, Resource>;
  try {
    const src = loadSourceDir(rootDir, { variables: input.planVariables, budget });
    bySource = new Map(src.resources.map((r) => [r.address, r]));
  } catch (e) {
    // The source only adds to what the plan says: whatever stops its evaluation, the plan is still checked.
    const why = e instanceof InputError ? e.message.split('\n')[0].slice(0, 200) : 'it could not be evaluated';
    return `${rootDir}: Terraform source not evaluated (${why})`;
  }
  for (const r of input.resources) {
    const s = bySource.get(r.address);
    if (s && s.type === r.type) (r as { values: Resource['values'] }).values = fill(r.values, s.values, 0) as Resource['values'];
  }
  return undefined;
}
