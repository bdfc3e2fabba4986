/**
 * The project config file: `phikit.config.yaml` (or `.yml`, `.json`), found from the current
 * directory upward as linters do, or named with `--config FILE`. Validated with ajv against
 * schemas/config.schema.json; every key is a `check` / `report` option name without its dashes
 * (flags given on the command line win). Relative paths are resolved against the file's directory.
 */
import { readInputFile } from './model/input-file';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import YAML from 'yaml';
import type { DeclaredScope, Level, Severity } from './engine/types';
import { InputError } from './model/errors';
import { RULES } from './rules';
import { compileSchema } from './schemas';

export const CONFIG_NAMES = ['phikit.config.yaml', 'phikit.config.yml', 'phikit.config.json'] as const;

/** Config files are small: anything larger is refused before it is read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ProjectConfig {
  /** The file it was read from (absolute). */
  readonly file: string;
  readonly inputs?: string[];
  readonly synth?: string[];
  readonly source?: string[];
  readonly var?: string[];
  readonly varFile?: string[];
  readonly waivers?: string;
  readonly evidence?: string;
  readonly baseline?: string;
  readonly failOnNew?: boolean;
  readonly level?: Level;
  readonly failOn?: Severity;
  readonly strict?: boolean;
  readonly rule?: string[];
  readonly strategy?: string[];
  readonly format?: string;
  readonly output?: string;
  readonly verbose?: boolean;
  readonly maxInputSize?: string;
  readonly reportOut?: string;
  readonly rowsPerRule?: number;
  readonly scope?: DeclaredScope;
}

/** The nearest config file from `dir` upward, or undefined. */
export function findConfig(dir: string = process.cwd()): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(d, name);
      try {
        if (fs.statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** The first schema error as `key.path[0]: message` (names keys and positions, never values). */
function errorText(e: ErrorObject): string {
  const parts = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty?: string }).additionalProperty : e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
  if (extra !== undefined) parts.push(extra);
  const key = parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const msg =
    e.keyword === 'additionalProperties'
      ? 'is not a phikit config key'
      : e.keyword === 'required'
        ? 'is required'
        : e.keyword === 'enum'
          ? `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
          : e.keyword === 'const'
            ? `must be ${JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue)}`
            : e.keyword === 'dependencies'
              ? `needs ${(e.params as { missingProperty?: string }).missingProperty} too`
              : (e.message ?? 'is invalid');
  return `${key || '(top level)'}: ${msg}`;
}

/** Read a small auxiliary file under the rules every input follows (model/input-file.ts): a regular file within the size limit. */
function readSmallFile(file: string, what: string): string {
  return readInputFile(file, { what, maxBytes: MAX_CONFIG_BYTES });
}

/** Parse and validate config text; `file` names it in errors and anchors relative paths. */
export function parseConfig(text: string, file: string): ProjectConfig {
  const yaml = !/\.json$/i.test(file);
  let doc: unknown;
  try {
    doc = yaml ? YAML.parse(text, { maxAliasCount: 100, uniqueKeys: true }) : JSON.parse(text);
  } catch {
    throw new InputError(`${file}: config file is not valid ${yaml ? 'YAML' : 'JSON'}`);
  }
  if (doc === null || doc === undefined) doc = {};
  const validate = compileSchema('config.schema.json');
  if (!validate(doc)) throw new InputError(`${file}: invalid config: ${errorText(validate.errors![0])}`);
  const c = doc as Record<string, unknown> & { scope?: { account?: string; reason?: string; controls?: string[] }; report?: { out?: string; 'rows-per-rule'?: number } };
  const controls = c.scope?.controls;
  if (controls) {
    controls.forEach((id, i) => {
      const r = RULES.find((x) => x.id === id || x.control === id || (x.aliases ?? []).includes(id));
      if (!r) throw new InputError(`${file}: invalid config: scope.controls[${i}]: no rule or control "${id}" (see phikit rules)`);
      if (!RULES.some((x) => x.scope === 'account' && (x.id === id || x.control === id || (x.aliases ?? []).includes(id)))) {
        throw new InputError(`${file}: invalid config: scope.controls[${i}]: ${id} is not an account-level rule`);
      }
    });
  }
  const dir = path.dirname(path.resolve(file));
  const abs = (p: unknown) => (typeof p === 'string' ? path.resolve(dir, p) : undefined);
  const absAll = (ps: unknown) => (Array.isArray(ps) ? ps.map((p) => path.resolve(dir, String(p))) : undefined);
  return {
    file: path.resolve(file),
    inputs: absAll(c.inputs),
    synth: absAll(c.synth),
    source: absAll(c.source),
    var: c.var as string[] | undefined,
    varFile: absAll(c['var-file']),
    waivers: abs(c.waivers),
    evidence: abs(c.evidence),
    baseline: abs(c.baseline),
    failOnNew: c['fail-on-new'] as boolean | undefined,
    level: c.level as Level | undefined,
    failOn: c['fail-on'] as Severity | undefined,
    strict: c.strict as boolean | undefined,
    rule: c.rule as string[] | undefined,
    strategy: (c.strategy as number[] | undefined)?.map(String),
    format: c.format as string | undefined,
    output: abs(c.output),
    verbose: c.verbose as boolean | undefined,
    maxInputSize: c['max-input-size'] as string | undefined,
    reportOut: abs(c.report?.out),
    rowsPerRule: c.report?.['rows-per-rule'],
    scope: c.scope?.account === 'elsewhere' ? { account: { reason: c.scope.reason!, ...(controls ? { controls } : {}) } } : undefined,
  };
}

/** Load `explicit` (from `--config`), else the nearest config file from `cwd` upward, else undefined. */
export function loadConfig(explicit?: string, cwd: string = process.cwd()): ProjectConfig | undefined {
  const file = explicit ?? findConfig(cwd);
  if (!file) return undefined;
  return parseConfig(readSmallFile(file, 'config file'), file);
}

/** The commented starter `phikit init` writes (valid as it stands: every optional key is commented out). */
export const STARTER_CONFIG = `# phikit project configuration — https://github.com/phikit (schema: policies/schemas/config.schema.json)
# Found from the current directory upward (or pass --config FILE). Every key is the name of a
# \`phikit check\` / \`phikit report\` option without its dashes; a flag on the command line wins.
# Relative paths are resolved against this file's directory.
version: 1

# What to check when no paths are given: plan JSON (terraform show -json), cdk.tf.json or cdktf.out.
# inputs:
#   - plan.json
# synth: [cdktf.out]            # the cdktf synth output the plan was made from
# var: [env=prod]               # Terraform source: input variables (as terraform plan -var)
# var-file: [prod.tfvars]

# Levels: "required" rules are the HIPAA baseline (an anchor asks the same thing, or the Security
# Rule names the control); "recommended" rules are phikit hardening. By default only required
# failures fail the run; recommended ones are reported. Set "recommended" to gate on both.
level: required
fail-on: low                    # lowest severity that fails the run: critical | high | medium | low
# strict: true                  # unknown (known only after apply) and not-assessed findings fail too

# Declared scope: account-level controls (CloudTrail, GuardDuty, Security Hub, password policy,
# EBS default encryption, ...) that another stack or the organization owns. They are reported as
# "not assessed here — declared elsewhere: <reason>" instead of failing, fail with strict, and
# stay listed as gaps in the reviewer report.
# scope:
#   account: elsewhere
#   reason: Organization baseline (repo platform/aws-baseline) owns CloudTrail, GuardDuty and Config
#   controls: [AUD-01, IR-01]   # optional: only these; default every account-level rule

# Organizational evidence (training, risk assessment, BAAs, IR plan...). Without it, evidence
# rules are not assessed. \`phikit evidence init evidence/\` writes templates.
# evidence: evidence/
# waivers: waivers.yaml
# baseline: previous-report.json
# fail-on-new: true

# Selection and output
# rule: [ENC-01, ACC-04]
# strategy: [1, 5]
# format: text                  # text | json | sarif | junit | markdown | html
# output: phikit.sarif
# verbose: true                 # text: every finding in full instead of grouped by rule
# max-input-size: 256MiB
# report:
#   out: phikit-report
#   rows-per-rule: 100
`;
