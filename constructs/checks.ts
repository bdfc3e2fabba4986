/**
 * Synth-time checking: the same policy catalogue as `phikit check`, run over a stack's resolved
 * Terraform JSON while `app.synth()` runs, so `cdktf synth` fails on a failing finding.
 *
 * The aspect is added to the STACK, never the App: cdktf only invokes aspects from each stack
 * down (aspects added to an App are silently never run).
 */
import { AnnotationMetadataEntryType, Aspects, IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { evaluate } from '../policies/engine/evaluate';
import type { Finding, RunResult } from '../policies/engine/types';
import { Graph } from '../policies/model/graph';
import { parseDocument } from '../policies/model/load';
import { RULES } from '../policies/rules';

export interface HipaaCheckOptions {
  /**
   * Run account-level rules (CloudTrail, GuardDuty, password policy …). Turn off for application
   * stacks whose account baseline lives in another stack.
   * @default true
   */
  readonly accountRules?: boolean;
  /** Only these rule or control ids. @default every technical rule */
  readonly rules?: readonly string[];
  /** Unknown (known only after apply) findings become errors instead of warnings. @default false */
  readonly strict?: boolean;
  /** Clock for waiver expiry. @default now */
  readonly now?: Date;
}

/** Terraform JSON computed by the check aspect, handed to cdktf's own toTerraform() call once. */
const resolved = new WeakMap<TerraformStack, unknown>();

/** Run the catalogue over a stack's Terraform JSON (with its "//" metadata and construct waivers). */
export function checkStack(stack: TerraformStack, options: HipaaCheckOptions = {}, json: unknown = stack.toTerraform()): RunResult {
  const text = JSON.stringify(json);
  const graph = Graph.from([parseDocument(JSON.parse(text), `${stack.node.path}/cdk.tf.json`, text, stack.node.id)]);
  const rules = RULES.filter((r) => r.scope !== 'evidence' && (options.accountRules !== false || r.scope !== 'account'));
  return evaluate(graph, { rules, ruleIds: options.rules, now: options.now });
}

function describe(f: Finding): string {
  return `[phikit ${f.ruleId}] ${f.title}: ${f.message}${f.evidence ? ` (${f.evidence.attribute} = ${f.evidence.value})` : ''}. Fix: ${f.remediation} (45 CFR ${f.citations.join(', ')})`;
}

class HipaaChecksAspect implements IAspect {
  private readonly done = new WeakSet<TerraformStack>();

  constructor(
    private readonly stack: TerraformStack,
    private readonly options: HipaaCheckOptions,
  ) {}

  visit(node: IConstruct): void {
    if (node !== this.stack || this.done.has(this.stack)) return;
    this.done.add(this.stack);
    // Resolving a stack is the costly part of a synth: resolve once, and let cdktf reuse the
    // result when it writes cdk.tf.json (nothing changes the stack between aspects and writing).
    const json = this.stack.toTerraform();
    resolved.set(this.stack, json);
    const result = checkStack(this.stack, this.options, json);
    const byPath = new Map<string, IConstruct>();
    for (const c of this.stack.node.findAll()) byPath.set(c.node.path, c);
    for (const f of result.findings) {
      if (f.status === 'pass' || f.status === 'waived') continue;
      // cdktf resource paths end in the resource id; annotate the construct that owns it.
      const target = (f.constructPath && (byPath.get(f.constructPath) ?? byPath.get(f.constructPath.split('/').slice(0, -1).join('/')))) || this.stack;
      const level = f.status === 'unknown' && !this.options.strict ? AnnotationMetadataEntryType.WARN : AnnotationMetadataEntryType.ERROR;
      // What Annotations.of(target).addError/addWarning record, minus the stack trace: it would
      // point into this aspect, not at the user's code, and capturing one per finding is costly.
      target.node.addMetadata(level, describe(f), { stackTrace: false });
    }
  }
}

/**
 * Check the stack against the phikit catalogue at synth time: failing findings become ERROR
 * annotations (synth fails), unknown ones warnings. Idempotent across repeated synths.
 *
 * @example
 * const stack = new PhiPlatformStack(app, 'phi');
 * applyHipaaChecks(stack);           // not Aspects.of(app): aspects on the App never run
 * app.synth();
 */
export function applyHipaaChecks(stack: TerraformStack, options: HipaaCheckOptions = {}): void {
  const original = stack.toTerraform.bind(stack);
  stack.toTerraform = () => {
    const cached = resolved.get(stack);
    if (cached !== undefined) {
      resolved.delete(stack);
      return cached as ReturnType<typeof original>;
    }
    return original();
  };
  Aspects.of(stack).add(new HipaaChecksAspect(stack, options));
}
