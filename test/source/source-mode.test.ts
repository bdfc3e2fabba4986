/**
 * Source mode (`phikit check DIR` on .tf files) against plan mode on the same configurations:
 * every directory under test/fixtures/source/ (and the other fixture directories that keep their
 * .tf source beside a plan.json) was planned offline with terraform (plan.sh), so both modes can
 * be compared. Source mode must find the failures plan mode finds and add none of its own except
 * where it knows a value the plan does not (listed with a reason below).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Finding } from '../../policies/engine/types';
import { runCheck } from '../../policies/pipeline';
import { loadSourceDir } from '../../policies/source/load';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const CLI = path.resolve(__dirname, '../../bin/phikit.js');

/** Fixture directories with .tf source and a plan.json planned from it (any fixture set). */
function pairedDirs(): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 3) return;
    const names = fs.readdirSync(d);
    const isConfig = names.some((n) => n.endsWith('.tf'));
    if (isConfig && names.includes('plan.json')) out.push(d);
    // A configuration's own subdirectories are its local modules, not fixtures.
    if (isConfig) return;
    for (const n of names) {
      const p = path.join(d, n);
      if (!n.startsWith('.') && fs.statSync(p).isDirectory()) walk(p, depth + 1);
    }
  };
  walk(FIXTURES, 0);
  return out.sort();
}

/**
 * Failures only source mode can see, each checked by hand: the plan shows the value as computed
 * and phikit's plan reading takes the references of a conditional for the value.
 */
const SOURCE_KNOWS_MORE = new Map<string, string>([
  ['ENC-16 module.db[0].aws_db_instance.this', 'kms_key_id = var.encrypted ? var.kms_key_id : null with encrypted = false: null here; the plan shows it computed and its references name the key'],
]);

/** Resources a fixture's reviewer labels (expected.json) call well configured, per strategy. */
function cleanLabels(dir: string): Array<{ resource: string; strategy: number }> {
  const file = path.join(dir, 'expected.json');
  if (!fs.existsSync(file)) return [];
  const labels = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ resource: string; strategy: number; expect: string }>;
  return labels.filter((l) => l.expect === 'clean');
}

const key = (f: Finding) => `${f.ruleId} ${f.address}`;
const failing = (fs_: readonly Finding[]) => new Set(fs_.filter((f) => f.status === 'fail' && !f.address.startsWith('(')).map(key));

describe('source mode agrees with plan mode', () => {
  const dirs = pairedDirs();
  it('has paired fixtures to compare', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(3);
  });

  let total = 0;
  let found = 0;
  it.each(dirs.map((d) => [path.relative(FIXTURES, d), d]))('%s', (_name, dir) => {
    const run = runCheck([dir], {});
    // Registry/git modules are read only after `terraform init` (.terraform/modules); without it
    // their resources are not assessed, so there is nothing to compare them with.
    if (run.unassessedModules.length) {
      console.log(`${_name}: ${run.unassessedModules.length} module(s) not installed here, compared without them`);
    }
    const skipped = run.unassessedModules.map((m) => `${m.address}.`);
    const src = failing(run.result.findings);
    const planFindings = runCheck([path.join(dir, 'plan.json')], {}).result.findings;
    const plan = new Set([...failing(planFindings)].filter((k) => !skipped.some((p) => k.split(' ')[1].startsWith(p))));
    // Where the plan shows a value as known only after apply (provider-computed) and the source
    // sets it, or leaves it to the provider default, source mode may know the failure the plan
    // cannot see: plan mode says unknown there. Any other extra failure is a disagreement.
    const planUnknown = new Set(planFindings.filter((f) => f.status === 'unknown').map(key));
    // A reviewer's `clean` label (fixtures with expected.json) outranks plan mode: where plan mode
    // fails a resource labelled clean in that strategy and source mode does not, source mode is right.
    const labels = cleanLabels(dir);
    const strategyOf = new Map(planFindings.map((f) => [key(f), f.strategy]));
    const labelledClean = (k: string) => labels.some((l) => l.strategy === strategyOf.get(k) && (k.split(' ')[1] === l.resource || k.split(' ')[1].startsWith(`${l.resource}.`)));
    // Where the plan knows a value source mode cannot (an account id read by data.aws_caller_identity,
    // a provider-computed value), source mode says unknown: counted as not found, allowed.
    const srcUnknown = new Set(run.result.findings.filter((f) => f.status === 'unknown').map(key));
    const missed = [...plan].filter((k) => !src.has(k) && !labelledClean(k) && !srcUnknown.has(k));
    const unknownHere = [...plan].filter((k) => !src.has(k) && srcUnknown.has(k));
    const extra = [...src].filter((k) => !plan.has(k) && !planUnknown.has(k) && !SOURCE_KNOWS_MORE.has(k));
    total += plan.size;
    found += plan.size - missed.length - unknownHere.length;
    expect({ missed, extra }).toEqual({ missed: [], extra: [] });
  });

  it('finds at least 95% of the failing pairs plan mode finds, over all directories', () => {
    expect(total).toBeGreaterThan(0);
    expect(found / total).toBeGreaterThanOrEqual(0.95);
  });

  afterAll(() => {
    if (total) console.log(`source mode found ${found} of ${total} failing (rule, resource) pairs plan mode finds, in ${dirs.length} directories`);
  });
});

describe('source mode reads Terraform as terraform plan does', () => {
  const dir = path.join(FIXTURES, 'source', 'app-modules');
  const input = loadSourceDir(dir);
  const byAddr = new Map(input.resources.map((r) => [r.address, r]));

  it('expands for_each and count over tfvars and auto.tfvars values, with the plan addresses', () => {
    const plan = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { resource_changes: Array<{ address: string; mode: string }> };
    const planned = plan.resource_changes.filter((r) => r.mode === 'managed').map((r) => r.address).sort();
    const managed = input.resources.filter((r) => r.mode === 'managed').map((r) => r.address).sort();
    expect(managed).toEqual(planned);
  });

  it('evaluates locals, variables and module inputs, and keeps references into the module', () => {
    const db = byAddr.get('module.db[0].aws_db_instance.this');
    expect(db?.values.storage_encrypted).toBe(false); // overrides.auto.tfvars beats the default
    expect(db?.values.identifier).toBe('claims-prod-db');
    expect(db?.values.tags).toEqual({ DataClass: 'PHI', Env: 'prod' });
    const sse = byAddr.get('module.bucket["intake"].aws_s3_bucket_server_side_encryption_configuration.this[0]');
    expect(JSON.stringify(sse?.values)).toContain('aws:kms');
    expect(byAddr.has('module.bucket["exports"].aws_s3_bucket_server_side_encryption_configuration.this[0]')).toBe(false);
  });

  it('gives every resource its file and line', () => {
    const b = byAddr.get('module.bucket["intake"].aws_s3_bucket.this');
    expect(b?.location?.file).toBe(path.join(fs.realpathSync(dir), 'modules', 'phi-bucket', 'main.tf'));
    const lines = fs.readFileSync(b!.location!.file, 'utf8').split('\n');
    expect(lines[b!.location!.line - 1]).toMatch(/^resource "aws_s3_bucket" "this"/);
  });

  it('SARIF points at the resource block in the .tf file', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', path.join(FIXTURES, 'source', 'insecure-mix'), '--format', 'sarif'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> };
    const enc = sarif.runs[0].results.find((x) => x.ruleId === 'ENC-04a');
    expect(enc).toBeDefined();
    const loc = enc!.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toMatch(/insecure-mix\/main\.tf$/);
    const lines = fs.readFileSync(path.join(FIXTURES, 'source', 'insecure-mix', 'main.tf'), 'utf8').split('\n');
    expect(lines[loc.region.startLine - 1]).toMatch(/^resource "aws_db_instance" "claims"/);
  });
});

describe('source mode inputs and limits', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-src-'));

  it('--var and --var-file set variables (later wins)', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'main.tf'), 'variable "enc" {\n  default = true\n}\nresource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size = 1\n  encrypted = var.enc\n}\n');
    fs.writeFileSync(path.join(d, 'x.tfvars'), 'enc = false\n');
    const vol = (o: { vars?: string[]; varFiles?: string[] }) => loadSourceDir(d, o).resources[0].values.encrypted;
    expect(vol({})).toBe(true);
    expect(vol({ varFiles: [path.join(d, 'x.tfvars')] })).toBe(false);
    expect(vol({ varFiles: [path.join(d, 'x.tfvars')], vars: ['enc=true'] })).toBe(true);
  });

  it('an unknown count or for_each keeps one instance whose values stay unknown; a variable with no value is unknown', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'main.tf'), 'variable "n" {}\nresource "aws_ebs_volume" "v" {\n  count = var.n\n  availability_zone = "us-east-1a"\n  size = 1\n  encrypted = var.n > 0\n}\n');
    const [v] = loadSourceDir(d).resources;
    expect(v.address).toBe('aws_ebs_volume.v');
    expect(JSON.stringify(v.values.encrypted)).toMatch(/known after apply/);
  });

  it('a registry module without terraform init is reported as not assessed, by name', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'main.tf'), 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n');
    const run = runCheck([d], {});
    expect(run.unassessedModules).toEqual([expect.objectContaining({ address: 'module.vpc', source: 'terraform-aws-modules/vpc/aws' })]);
    const r = spawnSync(process.execPath, [CLI, 'check', d], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toMatch(/not assessed: module\.vpc/);
  });

  it('invalid HCL exits 2 with one line naming the file', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = \n');
    const r = spawnSync(process.execPath, [CLI, 'check', d], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/main\.tf: not valid HCL/);
  });

  it('a local module outside the root (../modules/x, the monorepo layout) is read', () => {
    const d = tmp();
    const outside = tmp();
    fs.writeFileSync(path.join(outside, 'main.tf'), 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  size = 1\n}\n');
    fs.writeFileSync(path.join(d, 'main.tf'), `module "m" {\n  source = "${path.relative(d, outside)}"\n}\n`);
    const input = loadSourceDir(d);
    expect(input.resources.map((r) => r.address)).toEqual(['module.m.aws_ebs_volume.v']);
  });

  it('a module that calls itself stops at the nesting limit with one line', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'main.tf'), 'module "again" {\n  source = "./"\n}\n');
    expect(() => loadSourceDir(d)).toThrow(/nested deeper than 16/);
  });
});
