/**
 * Combine a plan with the cdktf synth output it was planned from.
 *
 * A plan loses what cdktf wrote into `"//"` metadata (construct paths, construct waivers), and
 * shows any attribute built from a reference — a bucket policy with the bucket ARN in it, an IAM
 * policy naming a log group — as known only after apply. The cdk.tf.json still has those as
 * templates (`{"Resource": "${aws_s3_bucket.b.arn}/*"}`), which the model can read. For each plan
 * resource with the same address in the synth output, this copies the construct path and waivers
 * and replaces top-level values the plan marks unknown with the synth's template of them.
 * Known plan values always win: the plan is what will be applied; a sensitive plan value is
 * never replaced (the template could print what the plan withholds).
 *
 * Stacks often share addresses (dev/prod, one stack per tenant), so a plan is matched to ONE
 * stack of the synth output, never to "the first stack with that address": the stack named by
 * `--stack`, or else the one stack whose resources cover the plan's root-module resources
 * (same address and type). When none does, or several do equally well, the overlay is refused
 * with a reason (exit 2): a waiver or template is never carried to a stack it was not written for.
 */
import { InputError, UsageError } from './errors';
import type { ParsedInput } from './load';
import type { Resource } from './types';
import { Unknown, Value, isComputedOnly, isSensitiveUnknown } from './values';

export interface OverlayOptions {
  /** Stack names (or unit ids) for the plans, in the order the plans are given; one name for one plan. */
  readonly stacks?: readonly string[];
}

const keyOf = (r: Resource) => `${r.type}\u0000${r.baseAddress}`;

/** Managed resources of a unit, by type + address without instance key. */
function managedKeys(resources: readonly Resource[], rootOnly: boolean): Set<string> {
  const out = new Set<string>();
  for (const r of resources) if (r.mode === 'managed' && (!rootOnly || r.modulePath === '')) out.add(keyOf(r));
  return out;
}

const nameOf = (s: ParsedInput) => s.unit.stack ?? s.unit.id;

/** The one synth stack a plan was made from, or an input error saying why there is none. */
export function stackForPlan(plan: ParsedInput, synths: readonly ParsedInput[], named?: string): ParsedInput {
  if (named !== undefined) {
    const hit = synths.filter((s) => s.unit.stack === named || s.unit.id === named);
    if (hit.length === 1) return hit[0];
    const names = synths.map(nameOf).join(', ');
    throw new UsageError(hit.length ? `--stack: "${named}" names several synth inputs; pass one --synth directory` : `--stack: no stack "${named}" in the --synth inputs (stacks: ${names})`);
  }
  if (synths.length === 1) {
    const only = synths[0];
    const missing = missingFrom(plan, only);
    if (missing > 0) throw new InputError(`${plan.unit.file}: ${missing} of its resources are not in the --synth stack ${nameOf(only)}; is this the synth output the plan was made from? (pass --stack to overlay anyway)`);
    return only;
  }
  const planKeys = managedKeys(plan.resources, true);
  const covering = synths.filter((s) => missingFrom(plan, s, planKeys) === 0);
  if (covering.length === 1) return covering[0];
  // Several stacks hold every resource of the plan: prefer the one with nothing else in it.
  const exact = covering.filter((s) => managedKeys(s.resources, false).size === planKeys.size);
  if (exact.length === 1) return exact[0];
  if (!covering.length) {
    throw new InputError(`${plan.unit.file}: no stack of the --synth inputs holds all of the plan's resources (stacks: ${synths.map(nameOf).join(', ')}); pass --stack NAME`);
  }
  throw new InputError(`${plan.unit.file}: matches several --synth stacks equally (${(exact.length ? exact : covering).map(nameOf).join(', ')}); pass --stack NAME so waivers and construct paths come from the right one`);
}

/** How many of the plan's root-module managed resources the stack lacks. */
function missingFrom(plan: ParsedInput, stack: ParsedInput, planKeys = managedKeys(plan.resources, true)): number {
  const have = managedKeys(stack.resources, false);
  let missing = 0;
  for (const k of planKeys) if (!have.has(k)) missing++;
  return missing;
}

export function overlaySynth(plans: readonly ParsedInput[], synths: readonly ParsedInput[], opts: OverlayOptions = {}): ParsedInput[] {
  const planInputs = plans.filter((p) => p.unit.format === 'plan');
  const names = opts.stacks ?? [];
  if (names.length && names.length !== planInputs.length) {
    throw new UsageError(`--stack: ${names.length} stack name(s) for ${planInputs.length} plan(s); give one per plan, in the same order`);
  }
  if (!synths.length) throw new UsageError('--synth: no synth stacks read');
  let n = 0;
  return plans.map((p) => {
    if (p.unit.format !== 'plan') return p;
    const stack = stackForPlan(p, synths, names.length ? names[n] : undefined);
    n++;
    const byAddress = new Map<string, Resource>();
    for (const r of stack.resources) if (!byAddress.has(r.address)) byAddress.set(r.address, r);
    const resources = p.resources.map((r) => {
      const s = byAddress.get(r.baseAddress) ?? byAddress.get(r.address);
      if (!s || s.type !== r.type) return r;
      let values: Record<string, Value> | undefined;
      for (const [k, v] of Object.entries(r.values)) {
        const sv = Object.prototype.hasOwnProperty.call(s.values, k) ? s.values[k] : undefined;
        if (v instanceof Unknown && !isSensitiveUnknown(v) && !isComputedOnly(v) && sv instanceof Unknown && sv.template !== undefined) {
          values ??= { ...r.values };
          Object.defineProperty(values, k, { value: sv, enumerable: true, writable: true, configurable: true });
        }
      }
      return { ...r, values: values ?? r.values, constructPath: r.constructPath ?? s.constructPath, inlineWaivers: r.inlineWaivers.length ? r.inlineWaivers : s.inlineWaivers };
    });
    return { ...p, resources };
  });
}
