/**
 * Extra sub-commands register here, one line each, so main.ts stays small.
 */
import type { Command } from 'commander';
import { registerInit } from './config';
import { registerEvidence } from './evidence';
import { registerExplain } from './explain';
import { registerReport } from './report';

export function registerExtraCommands(program: Command, setCode: (code: number) => void): void {
  registerReport(program, setCode);
  registerEvidence(program, setCode);
  registerExplain(program, setCode);
  registerInit(program, setCode);
}
