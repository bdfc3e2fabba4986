/**
 * `phikit` command line. Thin: parses arguments (commander), calls the library, writes output.
 *
 * Exit codes: 0 no failing finding at/above --fail-on; 1 failing findings (or rule errors);
 * 2 usage or input error (one line on stderr); 3 internal error.
 */
import { Command, CommanderError, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, loadBaseline } from '../engine/baseline';
import { levelBasisText } from '../engine/levels';
import { LEVELS, Level, SEVERITIES, Severity } from '../engine/types';
import { applyConfig } from './config';
import { InputError, UsageError } from '../model/errors';
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_RESOURCES, DEFAULT_MAX_TOTAL_BYTES } from '../model/input-file';
import { exitCodeFor, runCheck } from '../pipeline';
import { sourcesFor } from './source';
import { COUNTS_PASSES, REPORTERS, Write, buffered, writeFileChunked, writeReport } from '../reporters';
import { CATALOGUE_VERSION, RULES } from '../rules';
import { VERSION } from '../version';
import { term } from '../reporters/escape';
import { registerExtraCommands } from './commands';
import { noteUnassessed } from './notes';
import { parseCount, parseSize } from './size';


interface CheckOpts {
  format: string;
  output?: string;
  waivers?: string;
  failOn: Severity;
  strict?: boolean;
  rule?: string[];
  strategy?: string[];
  maxInputSize: string;
  maxTotalInputSize: string;
  maxResources: string;
  now?: string;
  color?: boolean;
  baseline?: string;
  failOnNew?: boolean;
  evidence?: string;
  synth?: string[];
  source?: string[] | false;
  var?: string[];
  varFile?: string[];
  stack?: string[];
  config?: string;
  level: Level;
  verbose?: boolean;
  accountElsewhere?: string;
}

/** Write a report to stdout or to `output`, chunk by chunk for formats that stream. */
function writeOut(produce: (write: Write) => void, output: string | undefined): void {
  if (!output) {
    const out = buffered((piece) => process.stdout.write(piece));
    produce(out.write);
    out.end();
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    writeFileChunked(output, produce);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw new InputError(`${output}: cannot write the report`);
    throw e;
  }
}

function buildProgram(setCode: (c: number) => void): Command {
  const program = new Command();
  program
    .name('phikit')
    .description('HIPAA policy checker for Terraform plans (terraform show -json) and cdktf synth output')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError(false);

  program
    .command('check')
    .description('check plan JSON, cdk.tf.json files or cdktf.out directories against the HIPAA rule catalogue')
    .argument('[paths...]', 'plan JSON, cdk.tf.json, or cdktf.out directory (default: "inputs" of the config file)')
    .option('-c, --config <file>', 'project config file (default: the nearest phikit.config.yaml / .json from the current directory upward)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(Object.keys(REPORTERS)).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-w, --waivers <file>', 'waivers file (JSON or YAML)')
    .option('-e, --evidence <dir>', 'organizational evidence directory (phikit evidence init writes templates)')
    .option('--synth <paths...>', 'cdktf synth output the plan was made from: adds construct paths and waivers, reads after-apply values from their templates')
    .option('--stack <names...>', 'with --synth: the stack each plan was made from, in the order of the plans (default: the one stack holding all of the plan\'s resources)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('low'))
    .addOption(new Option('--level <level>', 'lowest rule level whose failures fail the run: required (HIPAA baseline) or recommended (also phikit hardening)').choices([...LEVELS]).default('required'))
    .option('--strict', 'treat unknown (known only after apply) and not-assessed findings as failing')
    .option('--account-elsewhere <reason>', 'account-level controls live in another stack or the organization: report them as not assessed, with this reason')
    .option('-v, --verbose', 'text: every finding with its full detail instead of grouped by rule')
    .option('-r, --rule <ids...>', 'only these rule or control ids')
    .option('-s, --strategy <numbers...>', 'only these strategies (1-8)')
    .option('--max-input-size <size>', 'largest input file accepted', `${DEFAULT_MAX_INPUT_BYTES / 1024 / 1024}MiB`)
    .option('--max-total-input-size <size>', 'largest sum of all files the run reads (inputs, --synth, waivers, evidence)', `${DEFAULT_MAX_TOTAL_BYTES / 1024 / 1024}MiB`)
    .option('--max-resources <n>', 'most resources modelled across all inputs', String(DEFAULT_MAX_RESOURCES))
    .option('--now <iso-date>', 'evaluate waiver expiry and evidence recency at this time (reproducible reports)')
    .option('--no-color', 'never colour text output')
    .option('-b, --baseline <report.json>', 'previous --format json report: mark findings new/unchanged and list resolved ones')
    .option('--fail-on-new', 'with --baseline: only new failing findings fail the run')
    .option('--source <dirs...>', 'Terraform source of the plan (root module directory; default: the plan file\'s directory when it holds .tf files): joins through locals')
    .option('--no-source', 'do not read Terraform source beside the plan')
    .option('--var <name=value...>', 'Terraform source: set an input variable (as terraform plan -var)')
    .option('--var-file <files...>', 'Terraform source: read variable values from .tfvars files (after terraform.tfvars and *.auto.tfvars)')
    .action(async (args: string[], o: CheckOpts, cmd: Command) => {
      const { paths, scope } = applyConfig(cmd, args, o as unknown as Record<string, unknown>);
      const now = o.now ? new Date(o.now) : undefined;
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now: "${o.now}" is not a date`);
      if (o.failOnNew && !o.baseline) throw new UsageError('--fail-on-new needs --baseline');
      const baseline = o.baseline ? loadBaseline(o.baseline, { maxBytes: parseSize(o.maxInputSize) }) : undefined;
      const sources = await sourcesFor(paths, o.source);
      const run = runCheck(paths, { waivers: o.waivers, rule: o.rule, strategy: o.strategy, maxBytes: parseSize(o.maxInputSize), maxTotalBytes: parseSize(o.maxTotalInputSize, '--max-total-input-size'), maxResources: parseCount(o.maxResources, '--max-resources'), now, evidenceDir: o.evidence, synth: o.synth, stacks: o.stack, passes: COUNTS_PASSES.has(o.format) ? 'count' : 'list', vars: o.var, varFiles: o.varFile, scope, sources });
      noteUnassessed(run);
      const result = baseline ? applyBaseline(run.result, baseline) : run.result;
      const color = o.color !== false && !o.output && o.format === 'text' && !!process.stdout.isTTY && !process.env.NO_COLOR;
      const opts = { color, toolVersion: VERSION, catalogueVersion: CATALOGUE_VERSION, generatedAt: now, level: o.level, verbose: !!o.verbose };
      writeOut((write) => writeReport(o.format, result, opts, write), o.output);
      setCode(exitCodeFor(result, o.failOn, !!o.strict, !!o.failOnNew, o.level));
    });

  program
    .command('rules')
    .description('list the rule catalogue')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((o: { format: string }) => {
      if (o.format === 'json') {
        const rules = RULES.map((r) => ({
          id: r.id,
          control: r.control,
          title: r.title,
          strategy: r.strategy,
          severity: r.severity,
          level: r.level,
          levelBasis: levelBasisText(r),
          citations: r.citations,
          scope: r.scope,
          resourceTypes: r.resourceTypes,
          construct: r.construct,
          anchors: r.anchors ?? {},
          kind: r.kind ?? (r.scope === 'evidence' ? 'evidence' : 'technical'),
        }));
        process.stdout.write(`${JSON.stringify({ catalogueVersion: CATALOGUE_VERSION, count: rules.length, rules }, null, 2)}\n`);
      } else {
        const rows = RULES.map((r) => `${r.id.padEnd(8)} S${r.strategy} ${r.level.padEnd(11)} ${r.severity.padEnd(8)} ${r.title}  [${r.citations.join(', ')}]`);
        process.stdout.write(`${rows.join('\n')}\n${RULES.length} rules (catalogue ${CATALOGUE_VERSION})\n`);
      }
      setCode(0);
    });

  registerExtraCommands(program, setCode);
  return program;
}

let guarded = false;

/**
 * stdout that goes away or fills up: `phikit check … | head` closes the pipe (EPIPE), `> /dev/full`
 * has no space (ENOSPC). Node reports both as an 'error' event, which unhandled prints a stack
 * trace. A closed pipe ends the output quietly (the reader took what it wanted; the exit code
 * stays the run's); any other write error is one line on stderr and exit 2.
 */
function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    if (process.exitCode !== 2) process.stderr.write(`phikit: cannot write to standard output (${e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? 'write error')})\n`);
    process.exitCode = 2;
  });
}

/** Run the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  guardStdout();
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  if (!argv.length) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      process.stderr.write(`phikit: ${term(e.message.replace(/^error: /, '').split('\n')[0])}\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof UsageError) {
      process.stderr.write(`phikit: ${term(e.message.split('\n')[0])}\n`);
      return 2;
    }
    if (e instanceof RangeError) {
      process.stderr.write('phikit: input too large or too deeply nested to process\n');
      return 2;
    }
    process.stderr.write(`phikit: internal error (${e instanceof Error ? e.name : 'unknown'}); please report it\n`);
    return 3;
  }
}
