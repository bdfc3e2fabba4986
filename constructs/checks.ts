/**
 * Synth-time checking: the same policy catalogue as `phikit check`, run over a stack's resolved
 * Terraform JSON while `app.synth()` runs, so `cdktf synth` fails on a failing finding.
 *
 * The aspect is added to the STACK, never the App: cdktf only invokes aspects from each stack
 * down (aspects added to an App are silently never run).
 */
import { Aspects, IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { evaluate } from '../policies/engine/evaluate';
import type { Finding, Level, RunResult, Strategy } from '../policies/engine/types';
import { loadWaivers, type WaiversFile } from '../policies/engine/waivers';
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
  /** Only these strategies (1-8). @default all */
  readonly strategies?: readonly Strategy[];
  /**
   * A waivers file (path to YAML/JSON, or its parsed content), applied as `phikit check --waivers`
   * applies it: waived findings do not fail synth; expired ones do. @default none
   */
  readonly waivers?: string | WaiversFile;
  /**
   * Lowest rule level whose failing findings fail synth: `required` (the HIPAA baseline; failing
   * `recommended` findings become warnings) or `recommended` (every failing finding is an error).
   * @default 'recommended' — the kit's own constructs pass both
   */
  readonly level?: Level;
  /** Unknown (known only after apply) findings become errors instead of warnings. @default false */
  readonly strict?: boolean;
  /**
   * Other stacks of the same app checked together with this one, so joins follow cdktf's
   * cross-stack references (a trail in a security stack selecting this stack's buckets). Only
   * this stack's findings are reported. @default none
   */
  readonly alongWith?: readonly TerraformStack[];
  /** Clock for waiver expiry. @default now */
  readonly now?: Date;
}

/** Terraform JSON computed by the check, handed to cdktf's own toTerraform() call once. */
const resolved = new WeakMap<TerraformStack, unknown>();
/** The stack's own toTerraform, before applyHipaaChecks wrapped it. */
const rawToTerraform = new WeakMap<TerraformStack, () => unknown>();

/** Run the catalogue over a stack's Terraform JSON (with its "//" metadata and construct waivers). */
export function checkStack(stack: TerraformStack, options: HipaaCheckOptions = {}, json?: unknown): RunResult {
  const raw = (s: TerraformStack) => (rawToTerraform.get(s) ?? (() => s.toTerraform()))();
  const others = (options.alongWith ?? []).filter((s) => s !== stack);
  // Stacks checked together join like the stacks of one cdktf.out (by their backends and outputs).
  const group = others.length ? `(app ${stack.node.scope?.node.path ?? ''})` : undefined;
  const parse = (s: TerraformStack, doc: unknown) => {
    const text = JSON.stringify(doc);
    const input = parseDocument(JSON.parse(text), `${s.node.path}/cdk.tf.json`, text, s.node.id);
    return group ? { ...input, outDir: group } : input;
  };
  const inputs = [parse(stack, json ?? raw(stack)), ...others.map((s) => parse(s, raw(s)))];
  const graph = Graph.from(inputs);
  const rules = RULES.filter((r) => r.scope !== 'evidence' && (options.accountRules !== false || r.scope !== 'account'));
  const waivers = typeof options.waivers === 'string' ? loadWaivers(options.waivers) : options.waivers;
  const result = evaluate(graph, { rules, ruleIds: options.rules, strategies: options.strategies, waivers, now: options.now });
  if (!others.length) return result;
  const mine = inputs[0].unit;
  return { ...result, findings: result.findings.filter((f) => f.unitId === mine.id || (f.address.startsWith('(') && f.unitId === '')) };
}

/** Findings that make synth fail: failing ones at or above the level, rule errors, and (strict) unknown. */
export function failingFindings(result: RunResult, strict = false, level: Level = 'recommended'): Finding[] {
  return result.findings.filter((f) => isError(f, strict, level));
}

function isError(f: Finding, strict = false, level: Level = 'recommended'): boolean {
  if (f.status === 'error') return true;
  if (level === 'required' && f.level === 'recommended') return false;
  return f.status === 'fail' || (strict && f.status === 'unknown');
}

function describe(f: Finding): string {
  return `[phikit ${f.ruleId}] ${f.title}: ${f.message}${f.evidence ? ` (${f.evidence.attribute} = ${f.evidence.value})` : ''}. Fix: ${f.remediation} (45 CFR ${f.citations.join(', ')})`;
}

/** Annotation types as cdktf writes them (plain strings, so any copy of cdktf reads them). */
const ERROR = '@cdktf/error';
const WARN = '@cdktf/warn';

/** Check the stack once and record its findings as annotations on the offending constructs. */
function annotate(stack: TerraformStack, options: HipaaCheckOptions, json: unknown): void {
  const result = checkStack(stack, options, json);
  const byPath = new Map<string, IConstruct>();
  for (const c of stack.node.findAll()) byPath.set(c.node.path, c);
  for (const f of result.findings) {
    if (f.status === 'pass' || f.status === 'waived') continue;
    // cdktf resource paths end in the resource id; annotate the construct that owns it.
    const target = (f.constructPath && (byPath.get(f.constructPath) ?? byPath.get(f.constructPath.split('/').slice(0, -1).join('/')))) || stack;
    const level = isError(f, options.strict, options.level) ? ERROR : WARN;
    // What Annotations.of(target).addError/addWarning record, minus the stack trace: it would
    // point into this check, not at the user's code, and capturing one per finding is costly.
    target.node.addMetadata(level, describe(f), { stackTrace: false });
  }
}

class HipaaChecksAspect implements IAspect {
  constructor(
    private readonly stack: TerraformStack,
    private readonly run: () => void,
  ) {}

  visit(node: IConstruct): void {
    if (node === this.stack) this.run();
  }
}

/** Thrown when a synth writes a stack whose checks could not run as annotations, and it fails them. */
export class HipaaChecksFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HipaaChecksFailedError';
  }
}

/**
 * Check the stack against the phikit catalogue at synth time: failing findings become ERROR
 * annotations (synth fails), unknown ones warnings. Idempotent across repeated synths.
 *
 * The gate cannot be silently off. When the stack's cdktf is the copy phikit loaded, the check is
 * an aspect on the stack. When it is another copy (phikit installed from a folder or `file:`
 * dependency resolves its own cdktf, whose aspects that copy's synthesizer never sees), the check
 * runs from the stack's own validation step instead, which any cdktf copy calls after aspects and
 * before it collects annotations. If neither ran when cdktf writes the stack (validations skipped
 * by `new App({ skipValidation: true })`, or `Testing.synth`), the check runs then and a failing
 * finding throws HipaaChecksFailedError.
 *
 * @example
 * const stack = new PhiPlatformStack(app, 'phi');
 * applyHipaaChecks(stack);           // not Aspects.of(app): aspects on the App never run
 * app.synth();
 */
export function applyHipaaChecks(stack: TerraformStack, options: HipaaCheckOptions = {}): void {
  if (!stack || typeof stack.toTerraform !== 'function' || !stack.node) throw new TypeError('applyHipaaChecks: the argument is not a cdktf TerraformStack');
  if (rawToTerraform.has(stack)) return;
  const original = stack.toTerraform.bind(stack);
  rawToTerraform.set(stack, original);
  let checked = false;
  // Resolving a stack is the costly part of a synth: resolve once for the check, and let cdktf
  // reuse the result when it writes cdk.tf.json (nothing changes the stack in between).
  const run = () => {
    if (checked) return;
    checked = true;
    const json = original();
    resolved.set(stack, json);
    annotate(stack, options, json);
  };
  stack.toTerraform = () => {
    const cached = resolved.get(stack);
    if (cached !== undefined) {
      resolved.delete(stack);
      checked = false;
      return cached as ReturnType<typeof original>;
    }
    const json = original();
    if (!checked) {
      const bad = failingFindings(checkStack(stack, options, json), options.strict, options.level);
      if (bad.length) {
        throw new HipaaChecksFailedError(
          `phikit: stack ${stack.node.path} fails ${bad.length} HIPAA check(s) and synth-time annotations did not run (validations skipped?):\n${bad
            .slice(0, 25)
            .map((f) => `[${f.constructPath ?? f.address}] ${describe(f)}`)
            .join('\n')}`,
        );
      }
    }
    checked = false;
    return json;
  };
  if (stack instanceof TerraformStack) {
    Aspects.of(stack).add(new HipaaChecksAspect(stack, run));
  } else {
    // A second copy of cdktf: its synthesizer never reads this copy's aspects. Hook the stack's
    // own validation step instead (called by its App.synth() after aspects, before annotations).
    const s = stack as unknown as { runAllValidations?: () => void; node: { path: string } };
    if (typeof s.runAllValidations !== 'function') {
      throw new TypeError(`applyHipaaChecks: stack ${s.node.path} comes from a cdktf copy phikit cannot hook; install phikit from its npm pack tarball or make cdktf resolve to one copy (npm dedupe)`);
    }
    const validations = s.runAllValidations.bind(stack);
    s.runAllValidations = () => {
      run();
      validations();
    };
  }
}
