/** Lines the CLI writes to stderr beside a report. */
import { term } from '../reporters/escape';
import type { CheckRun } from '../pipeline';

/** Terraform source: say which modules were not read (and so not assessed), and which source beside a plan could not be evaluated. */
export function noteUnassessed(run: Pick<CheckRun, 'unassessedModules' | 'sourceWarnings'>): void {
  for (const m of run.unassessedModules) process.stderr.write(`phikit: not assessed: ${term(m.address)} (${term(m.source.slice(0, 200))}): ${term(m.reason)}\n`);
  for (const w of run.sourceWarnings) process.stderr.write(`phikit: warning: ${term(w)}\n`);
}
