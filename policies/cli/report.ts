/** `phikit report <paths...> --out DIR`: the reviewer reports (HTML + Markdown + JSON) in one go. */
import { Command, Option } from 'commander';
import { applyBaseline, loadBaseline } from '../engine/baseline';
import { SEVERITIES, Severity } from '../engine/types';
import { writeComplianceReports } from '../reporters/files';
import { CATALOGUE_VERSION } from '../rules';
import { VERSION } from '../version';
import { term } from '../reporters/escape';
import { UsageError } from '../model/errors';
import { DEFAULT_MAX_INPUT_BYTES } from '../model/load';
import { exitCodeFor, runCheck } from '../pipeline';
import { noteUnassessed } from './notes';
import { parseSize } from './size';

export function registerReport(program: Command, setCode: (code: number) => void): void {
  program
    .command('report')
    .description('write the HIPAA compliance mapping (HTML + Markdown + JSON) for security reviewers')
    .argument('<paths...>', 'plan JSON, cdk.tf.json, or cdktf.out directory')
    .option('-d, --out <dir>', 'output directory', 'phikit-report')
    .option('-w, --waivers <file>', 'waivers file (JSON or YAML)')
    .option('-e, --evidence <dir>', 'organizational evidence directory')
    .option('-b, --baseline <report.json>', 'previous JSON report to compare with')
    .option('--now <iso-date>', 'run time to record (reproducible reports)')
    .option('--max-input-size <size>', 'largest input file accepted', `${DEFAULT_MAX_INPUT_BYTES / 1024 / 1024}MiB`)
    .option('--rows-per-rule <n>', 'HTML/Markdown: findings listed per rule and status, the rest counted (0 = all; the JSON lists all)', '100')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices([...SEVERITIES]).default('low'))
    .option('--var <name=value...>', 'Terraform source: set an input variable')
    .option('--var-file <files...>', 'Terraform source: read variable values from .tfvars files')
    .action((paths: string[], o: { out: string; waivers?: string; evidence?: string; baseline?: string; now?: string; failOn: Severity; rowsPerRule: string; maxInputSize: string; var?: string[]; varFile?: string[] }) => {
      const now = o.now ? new Date(o.now) : undefined;
      if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now: "${o.now}" is not a date`);
      const rowsPerRule = Number(o.rowsPerRule);
      if (!/^\d+$/.test(o.rowsPerRule) || !Number.isSafeInteger(rowsPerRule)) throw new UsageError(`--rows-per-rule: "${o.rowsPerRule}" is not a whole number`);
      const run = runCheck(paths, { waivers: o.waivers, now, evidenceDir: o.evidence, maxBytes: parseSize(o.maxInputSize), vars: o.var, varFiles: o.varFile });
      noteUnassessed(run.unassessedModules);
      const result = o.baseline ? applyBaseline(run.result, loadBaseline(o.baseline, { maxBytes: parseSize(o.maxInputSize) })) : run.result;
      const files = writeComplianceReports(result, o.out, { toolVersion: VERSION, catalogueVersion: CATALOGUE_VERSION, generatedAt: now, rowsPerRule });
      process.stdout.write(`HTML:     ${term(files.html)}\nMarkdown: ${term(files.markdown)}\nJSON:     ${term(files.json)}\n`);
      setCode(exitCodeFor(result, o.failOn, false));
    });
}
