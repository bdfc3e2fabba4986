/**
 * The project config file on the command line: `--config FILE` (else the nearest
 * phikit.config.yaml from the current directory upward) fills every option not given as a flag;
 * `phikit init` writes a commented starter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_NAMES, ProjectConfig, STARTER_CONFIG, loadConfig } from '../config';
import type { DeclaredScope } from '../engine/types';
import { InputError, UsageError } from '../model/errors';

/** Option attribute (commander's camelCase name) → the config field that fills it. */
const FROM_CONFIG: ReadonlyArray<readonly [string, keyof ProjectConfig]> = [
  ['waivers', 'waivers'],
  ['evidence', 'evidence'],
  ['synth', 'synth'],
  ['source', 'source'],
  ['var', 'var'],
  ['varFile', 'varFile'],
  ['baseline', 'baseline'],
  ['failOnNew', 'failOnNew'],
  ['level', 'level'],
  ['failOn', 'failOn'],
  ['strict', 'strict'],
  ['rule', 'rule'],
  ['strategy', 'strategy'],
  ['format', 'format'],
  ['output', 'output'],
  ['verbose', 'verbose'],
  ['maxInputSize', 'maxInputSize'],
  ['out', 'reportOut'],
  ['rowsPerRule', 'rowsPerRule'],
];

export interface Configured {
  readonly paths: string[];
  readonly config?: ProjectConfig;
  readonly scope?: DeclaredScope;
}

/**
 * Fill `o` (the command's parsed options) from the config file wherever the flag was not given on
 * the command line, and pick the inputs (command-line paths win over `inputs`). Options the
 * command does not have are left alone.
 */
export function applyConfig(cmd: Command, paths: string[], o: Record<string, unknown>): Configured {
  const config = loadConfig(typeof o.config === 'string' ? o.config : undefined);
  const known = new Set(cmd.options.map((x) => x.attributeName()));
  if (config) {
    for (const [attr, key] of FROM_CONFIG) {
      const v = config[key];
      if (v === undefined || !known.has(attr) || cmd.getOptionValueSource(attr) === 'cli') continue;
      o[attr] = attr === 'rowsPerRule' ? String(v) : v;
    }
  }
  // Inputs from the config are named relative to the current directory, as typed ones are.
  const inputs = paths.length ? paths : (config?.inputs ?? []).map((p) => path.relative(process.cwd(), p) || '.');
  if (!inputs.length) throw new UsageError(`no inputs: give plan JSON, cdk.tf.json or cdktf.out paths${config ? `, or list them under "inputs" in ${config.file}` : ' (or "inputs" in phikit.config.yaml)'}`);
  const flagReason = typeof o.accountElsewhere === 'string' ? o.accountElsewhere : undefined;
  if (flagReason !== undefined && flagReason.trim().length < 10) throw new UsageError('--account-elsewhere: give a reason of at least 10 characters');
  const scope: DeclaredScope | undefined = flagReason ? { account: { reason: flagReason, ...(config?.scope?.account?.controls ? { controls: config.scope.account.controls } : {}) } } : config?.scope;
  return { paths: inputs, config, scope };
}

export function registerInit(program: Command, setCode: (code: number) => void): void {
  program
    .command('init')
    .description('write a commented starter phikit.config.yaml')
    .argument('[dir]', 'directory to write it in', '.')
    .option('--force', 'overwrite an existing phikit.config.yaml')
    .action((dir: string, o: { force?: boolean }) => {
      const file = path.join(dir, CONFIG_NAMES[0]);
      if (!o.force && fs.existsSync(file)) throw new UsageError(`${file} exists (use --force to overwrite)`);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, STARTER_CONFIG);
      } catch {
        throw new InputError(`${file}: cannot write the config file`);
      }
      process.stdout.write(`wrote ${file}\n`);
      setCode(0);
    });
}
