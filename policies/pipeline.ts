/**
 * The check pipeline as a library function: load → overlay → graph → evaluate. The CLI, the
 * reviewer report, the demo and the bench all run this; none of them reaches into `cli/`.
 */
import { evaluate } from './engine/evaluate';
import { SEVERITIES } from './engine/types';
import type { RunResult, Severity, Strategy } from './engine/types';
import { loadWaivers } from './engine/waivers';
import { loadEvidence } from './evidence';
import { UsageError } from './model/errors';
import { Graph } from './model/graph';
import { Budget } from './model/input-file';
import { DEFAULT_MAX_INPUT_BYTES, loadInputs } from './model/load';
import { overlaySynth } from './model/overlay';
import type { UnassessedModule } from './source/load';
import { RULES } from './rules';

/** Exit code for a result: 1 when a finding at/above the threshold fails (or unknown in strict mode). */
export function exitCodeFor(result: RunResult, failOn: Severity, strict: boolean, onlyNew = false): number {
  const threshold = SEVERITIES.indexOf(failOn);
  const counts = (s: Severity) => SEVERITIES.indexOf(s) <= threshold;
  const failing = result.findings.some(
    (f) =>
      (!onlyNew || f.baseline === 'new') &&
      (f.status === 'error' || (counts(f.severity) && (f.status === 'fail' || (strict && f.status === 'unknown')))),
  );
  return failing ? 1 : 0;
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
}

/** The check pipeline the CLI runs; exported for the demo and tests. */
export function runCheck(
  paths: string[],
  o: { waivers?: string; rule?: string[]; strategy?: string[]; maxBytes?: number; now?: Date; evidenceDir?: string; synth?: string[]; stacks?: string[]; passes?: 'list' | 'count'; vars?: string[]; varFiles?: string[]; maxTotalBytes?: number; maxResources?: number },
): CheckRun {
  // One budget for everything the run reads: inputs, synth output, waivers, evidence.
  const read = { maxBytes: o.maxBytes ?? DEFAULT_MAX_INPUT_BYTES, budget: new Budget({ totalBytes: o.maxTotalBytes, resources: o.maxResources }) };
  let inputs = loadInputs(paths, { ...read, source: { vars: o.vars, varFiles: o.varFiles } });
  if (o.synth?.length) inputs = overlaySynth(inputs, loadInputs(o.synth, read), { stacks: o.stacks });
  else if (o.stacks?.length) throw new UsageError('--stack needs --synth');
  const graph = Graph.from(inputs);
  const waivers = o.waivers ? loadWaivers(o.waivers, read) : undefined;
  const ruleIds = o.rule?.flatMap((r) => r.split(',')).filter(Boolean);
  if (ruleIds) for (const id of ruleIds) if (!RULES.some((r) => r.id === id || r.control === id || (r.aliases ?? []).includes(id))) throw new UsageError(`--rule: no rule "${id}" (see phikit rules)`);
  const evidence = o.evidenceDir ? loadEvidence(o.evidenceDir, read) : undefined;
  const result = evaluate(graph, { rules: RULES, waivers, now: o.now, ruleIds, strategies: parseStrategies(o.strategy), evidence, passes: o.passes });
  return { result, graph, unassessedModules: inputs.flatMap((i) => i.unassessedModules ?? []) };
}

