/**
 * Extra sub-commands (explain, evidence, report, ...) register here, so main.ts stays small.
 */
import type { Command } from 'commander';

export function registerExtraCommands(_program: Command, _setCode: (code: number) => void): void {
  // Filled by the catalogue and reporting features.
}
