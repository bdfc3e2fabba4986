/** `phikit report <paths...> --out DIR`: the reviewer reports (HTML + Markdown + JSON) in one go. */
import { Command, Option } from 'commander';
import { applyBaseline, loadBaseline } from '../engine/baseline';
import { LEVELS, Level, SEVERITIES, Severity } from '../engine/types';
import { applyConfig } from './config';
import { writeComplianceReports } from '../reporters/files';
import { CATALOGUE_VERSION } from '../rules';
import { VERSION } from '../version';
import { term } from '../reporters/escape';
import { UsageError } from '../model/errors';
import { DEFAULT_MAX_INPUT_BYTES } from '../model/load';
import { exitCodeFor, runCheck } from '../pipeline';
import { noteUnassessed } from './notes';
import { parseSize } from './size';
import { sourcesFor } from './source';

export function registerReport(program: Command, setCode: (code: number) => void): void {
  program
    .command('report')
    .description('write the HIPAA compliance mapping (HTML + Markdown + JSON) for security reviewers')
    .argument('[paths...]', 'plan JSON, cdk.tf.json, or cdktf.out directory (default: "inputs" of the config file)')
    .option('-c, --config <file>', 'project config file (default: the nearest phikit.config.yaml / .json from the current directory upward)')
    .option('-d, --out <dir>', 'output directory', 'phikit-report')
    .option('--synth <paths...>', 'cdktf synth output the plan was made from')
    .option('--stack <names...>', 'with --synth: the stack each plan was made from, in the order of the plans')
    .option('-r, --rule <ids...>', 'only these rule or control ids')
    .option('-s, --strategy <numbers...>', 'only these strategies (1-8)')
    .option('--account-elsewhere <reason>', 'account-level controls live in another stack or the organization: list them as gaps (not assessed), with this reason')
    .addOption(new Option('--level <level>', 'lowest rule level whose failures fail the run').choices([...LEVELS]).default('required'))
    .option('--strict', 'unknown and not-assessed findings fail the run')
    .option('-w, --waivers <file>', 'waivers file (JSON or YAML)')
    .option('-e, --evidence <dir>', 'organizational evidence directory')
    .option('-b, --baseline <report.json>', 'previous JSON report to compare with')
    .option('--now <iso-date>', 'run time to record (reproducible reports)')
    .option('--max-input-size <size>', 'largest input file accepted', `${DEFAULT_MAX_INPUT_BYTES / 1024 / 1024}MiB`)
    .option('--rows-per-rule <n>', 'HTML/Markdown: findings listed per rule and status, the rest counted (0 = all; the JSON lists all)', '100')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('low'))
    .option('--source <dirs...>', 'Terraform source of the plan (default: the plan file\'s directory when it holds .tf files)')
    .option('--no-source', 'do not read Terraform source beside the plan')
    .option('--var <name=value...>', 'Terraform source: set an input variable')
    .option('--var-file <files...>', 'Terraform source: read variable values from .tfvars files')
    .action(async (args: string[], o: { out: string; waivers?: string; evidence?: string; baseline?: string; now?: string; failOn: Severity; rowsPerRule: string; maxInputSize: string; var?: string[]; varFile?: string[]; synth?: string[]; stack?: string[]; rule?: string[]; strategy?: string[]; level: Level; strict?: boolean; config?: string; accountElsewhere?: string; source?: string[] | false }, cmd: Command) => {
      const { paths, scope } = applyConfig(cmd, args, o as unknown as Record<string, unknown>);
      const now = o.now ? new Date(o.now) : undefined;
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now: "${o.now}" is not a date`);
      const rowsPerRule = Number(o.rowsPerRule);
      if (!/^\d+$/.test(o.rowsPerRule) || !Number.isSafeInteger(rowsPerRule)) throw new UsageError(`--rows-per-rule: "${o.rowsPerRule}" is not a whole number`);
      const run = runCheck(paths, { waivers: o.waivers, now, evidenceDir: o.evidence, maxBytes: parseSize(o.maxInputSize), vars: o.var, varFiles: o.varFile, synth: o.synth, stacks: o.stack, rule: o.rule, strategy: o.strategy, scope, sources: await sourcesFor(paths, o.source) });
      noteUnassessed(run);
      const result = o.baseline ? applyBaseline(run.result, loadBaseline(o.baseline, { maxBytes: parseSize(o.maxInputSize) })) : run.result;
      const files = writeComplianceReports(result, o.out, { toolVersion: VERSION, catalogueVersion: CATALOGUE_VERSION, generatedAt: now, rowsPerRule, level: o.level });
      process.stdout.write(`HTML:     ${term(files.html)}\nMarkdown: ${term(files.markdown)}\nJSON:     ${term(files.json)}\n`);
      setCode(exitCodeFor(result, o.failOn, !!o.strict, false, o.level));
    });
}
