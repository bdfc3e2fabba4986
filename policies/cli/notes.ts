/** Lines the CLI writes to stderr beside a report. */
import { term } from '../reporters/escape';
import type { UnassessedModule } from '../source/load';

/** Terraform source: say which modules were not read (and so not assessed). */
export function noteUnassessed(mods: readonly UnassessedModule[]): void {
  for (const m of mods) process.stderr.write(`phikit: not assessed: ${term(m.address)} (${term(m.source.slice(0, 200))}): ${term(m.reason)}\n`);
}
