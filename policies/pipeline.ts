/**
 * The check pipeline as a library function: load → overlay → graph → evaluate. The CLI, the
 * reviewer report, the demo and the bench all run this; none of them reaches into `cli/`.
 */
import { evaluate } from './engine/evaluate';
import { SEVERITIES } from './engine/types';
import type { DeclaredScope, Finding, Level, RunResult, Severity, Strategy } from './engine/types';
import { levelGates } from './engine/levels';
import { loadWaivers } from './engine/waivers';
import { loadEvidence } from './evidence';
import { UsageError } from './model/errors';
import { Graph } from './model/graph';
import { Budget } from './model/input-file';
import { DEFAULT_MAX_INPUT_BYTES, loadInputs } from './model/load';
import { overlaySynth } from './model/overlay';
import { fillFromSource } from './model/source-fill';
import type { UnassessedModule } from './source/load';
import { RULES } from './rules';
import type { ParsedInput } from './model/load';
import type { SourceSet } from './model/source';

export { loadSources } from './model/source';

/**
 * Attach each plan input's Terraform source (read beforehand by the async {@link loadSources}) for
 * joins through locals, and fill the plan's after-apply unknowns that the source explains
 * (model/source-fill.ts). Warnings go to `warnings`.
 */
function withSources(inputs: ParsedInput[], sources: SourceSet, budget: Budget, warnings: string[]): ParsedInput[] {
  return inputs.map((i) => {
    const source = i.unit.format === 'plan' ? sources.get(i.unit.file) : undefined;
    if (!source) return i;
    const warning = fillFromSource(i, source.root, budget);
    if (warning) warnings.push(warning);
    return { ...i, source };
  });
}

/**
 * Exit code for a result: 1 when a finding that gates fails — at/above the `failOn` severity and of
 * a gating level (`required` always; `recommended` only with `level` = `recommended`) — or, with
 * `strict`, is unknown or not assessed; a rule error always fails.
 */
export function exitCodeFor(result: RunResult, failOn: Severity, strict: boolean, onlyNew = false, level: Level = 'required'): number {
  return result.findings.some((f) => (!onlyNew || f.baseline === 'new') && gates(f, failOn, strict, level)) ? 1 : 0;
}

/** Does this finding fail the run (see {@link exitCodeFor})? */
export function gates(f: Finding, failOn: Severity, strict: boolean, level: Level = 'required'): boolean {
  if (f.status === 'error') return true;
  if (SEVERITIES.indexOf(f.severity) > SEVERITIES.indexOf(failOn) || !levelGates(f.level, level)) return false;
  return f.status === 'fail' || (strict && (f.status === 'unknown' || f.status === 'not_assessed'));
}

export function parseStrategies(values: string[] | undefined): Strategy[] | undefined {
  if (!values) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 8) throw new UsageError(`--strategy: "${v}" is not a strategy number 1-8`);
      return n as Strategy;
    });
}

export interface CheckRun {
  readonly result: RunResult;
  readonly graph: Graph;
  /** Terraform source: modules whose source could not be read, so their resources were not assessed. */
  readonly unassessedModules: readonly UnassessedModule[];
  /** Terraform source beside a plan that could not be evaluated (the plan is checked without it). */
  readonly sourceWarnings: readonly string[];
}

/** The check pipeline the CLI runs; exported for the demo and tests. */
export interface CheckOptions {
  waivers?: string;
  rule?: string[];
  strategy?: string[];
  maxBytes?: number;
  now?: Date;
  evidenceDir?: string;
  synth?: string[];
  /** With `synth`: the stacks of the synth output the plan was made from. */
  stacks?: string[];
  passes?: 'list' | 'count';
  /** Terraform source: input variables (`name=value`) and .tfvars files. */
  vars?: string[];
  varFiles?: string[];
  /** Declared scope (phikit.config.yaml `scope`): account-level controls owned elsewhere. */
  scope?: DeclaredScope;
  /**
   * Without `evidenceDir`: `not_assessed` (default; `check`) — evidence rules are listed as not
   * assessed; `fail` — they fail on the missing files, as the evidence directory was asked for.
   */
  withoutEvidence?: 'not_assessed' | 'fail';
  /** Terraform source beside plan inputs (read beforehand by the async {@link loadSources}): joins through locals. */
  sources?: SourceSet;
  /** Whole-run budgets (see model/input-file.ts): bytes read across all files, resources modelled. */
  maxTotalBytes?: number;
  maxResources?: number;
}

export function runCheck(paths: string[], o: CheckOptions): CheckRun {
  // One budget for everything the run reads: inputs, synth output, waivers, evidence.
  const read = { maxBytes: o.maxBytes ?? DEFAULT_MAX_INPUT_BYTES, budget: new Budget({ totalBytes: o.maxTotalBytes, resources: o.maxResources }) };
  let inputs = loadInputs(paths, { ...read, source: { vars: o.vars, varFiles: o.varFiles } });
  const sourceWarnings: string[] = [];
  if (o.sources?.size) inputs = withSources(inputs, o.sources, read.budget, sourceWarnings);
  if (o.synth?.length) inputs = overlaySynth(inputs, loadInputs(o.synth, read), { stacks: o.stacks });
  else if (o.stacks?.length) throw new UsageError('--stack needs --synth');
  const graph = Graph.from(inputs);
  const waivers = o.waivers ? loadWaivers(o.waivers, read) : undefined;
  const ruleIds = o.rule?.flatMap((r) => r.split(',')).filter(Boolean);
  if (ruleIds) for (const id of ruleIds) if (!RULES.some((r) => r.id === id || r.control === id || (r.aliases ?? []).includes(id))) throw new UsageError(`--rule: no rule "${id}" (see phikit rules)`);
  const evidence = o.evidenceDir ? loadEvidence(o.evidenceDir, read) : undefined;
  const evidenceNotGiven = !o.evidenceDir && (o.withoutEvidence ?? 'not_assessed') === 'not_assessed';
  const result = evaluate(graph, { rules: RULES, waivers, now: o.now, ruleIds, strategies: parseStrategies(o.strategy), evidence, passes: o.passes, scope: o.scope, evidenceNotGiven });
  return { result, graph, unassessedModules: inputs.flatMap((i) => i.unassessedModules ?? []), sourceWarnings };
}

