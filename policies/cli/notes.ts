/** Lines the CLI writes to stderr beside a report. */
import type { UnassessedModule } from '../source/load';

/** Terraform source: say which modules were not read (and so not assessed). */
export function noteUnassessed(mods: readonly UnassessedModule[]): void {
  for (const m of mods) process.stderr.write(`phikit: not assessed: ${m.address} (${m.source.slice(0, 200)}): ${m.reason}\n`);
}
