/**
 * Hostile-input generators, one per class of issue 13. Each case builds its inputs, runs the CLI
 * in-process and returns the broken promises (empty when phikit held): pattern-heavy strings,
 * huge counts, long strings, control characters, odd sensitive markers, multi-stack overlays
 * with shared addresses, special files as auxiliary inputs. Deterministic for a seed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../policies/cli/main';
import { globMatch } from '../../policies/model/glob';
import { referencesIn } from '../../policies/model/values';
import { toPlan, toSynth } from '../support/cases';
import type { Rng } from './mutate';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-hostile-fuzz-'));
let seq = 0;
const scratch = () => fs.mkdtempSync(path.join(base, `${seq++}-`));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const NOW = ['--now', '2026-11-28T00:00:00Z'];

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  crashed?: string;
}

/** The CLI in-process, stdout and stderr captured. */
export async function cli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  (process.stdout as unknown as { write: (s: string | Uint8Array) => boolean }).write = (s) => ((stdout += String(s)), true);
  (process.stderr as unknown as { write: (s: string | Uint8Array) => boolean }).write = (s) => ((stderr += String(s)), true);
  const t = Date.now();
  try {
    const code = await main(args);
    return { code, stdout, stderr, ms: Date.now() - t };
  } catch (e) {
    return { code: -1, stdout, stderr, ms: Date.now() - t, crashed: e instanceof Error ? e.name : String(e) };
  } finally {
    (process.stdout as unknown as { write: typeof ow }).write = ow;
    (process.stderr as unknown as { write: typeof ew }).write = ew;
  }
}

/** What every run promises: exit 0/1/2, one line on stderr for 2, no stack trace. */
function basics(o: Run, maxMs = 20_000): string[] {
  const p: string[] = [];
  if (o.crashed) p.push(`uncaught ${o.crashed}`);
  if (![0, 1, 2].includes(o.code)) p.push(`exit ${o.code}`);
  if (o.code === 2 && o.stderr.trim().split('\n').length !== 1) p.push(`stderr not one line: ${JSON.stringify(o.stderr.slice(0, 200))}`);
  if (/\n\s+at /.test(o.stderr)) p.push('stack trace');
  if (o.ms > maxMs) p.push(`took ${o.ms} ms`);
  return p;
}

const write = (dir: string, name: string, body: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

const SAFE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// --- generators ------------------------------------------------------------------------------

/** Pattern-heavy strings: star-laden globs, `${a_a_a…}` runs, unclosed brackets and quotes. */
async function patterns(r: Rng): Promise<string[]> {
  const p: string[] = [];
  const unit = pick(r, ['a', 'a_', '*a', '?', '[', '"\\', 'module.', '${', 'aws_x.', '*?']);
  const long = unit.repeat(int(r, 2_000, 60_000));
  const t = Date.now();
  globMatch(`${'*a'.repeat(int(r, 10, 300))}*b`, long.replace(/[^a]/g, 'a'));
  globMatch(long.slice(0, 5000), long);
  referencesIn(long);
  if (Date.now() - t > 2000) p.push(`library matching took ${Date.now() - t} ms on ${JSON.stringify(unit)}×${long.length / unit.length}`);
  const dir = scratch();
  const synth = write(dir, 'cdk.tf.json', { resource: { aws_s3_bucket: { b: { bucket: `\${${long}}`, policy: long } } } });
  const waivers = write(dir, 'w.json', { version: 1, waivers: [{ rule: 'ENC-01', resource: `${'*?'.repeat(int(r, 50, 2000))}x`, reason: 'pattern-heavy glob case', approved_by: 'sec', expires: '2027-01-01' }] });
  const o = await cli(['check', synth, '--waivers', waivers, '--format', 'json', ...NOW]);
  p.push(...basics(o, 10_000));
  return p;
}

/** Huge counts against a small --max-resources: refused exactly when over it. */
async function counts(r: Rng): Promise<string[]> {
  const limit = int(r, 50, 400);
  const n = int(r, limit - 40, limit + 40);
  const names: Record<string, object> = {};
  for (let i = 0; i < n; i++) names[`r${i}`] = {};
  const dir = scratch();
  const f = write(dir, 'many.json', { resource: { null_resource: names } });
  const o = await cli(['check', f, '--max-resources', String(limit), ...NOW]);
  const p = basics(o);
  if (n > limit && o.code !== 2) p.push(`${n} resources over --max-resources ${limit} not refused`);
  if (n <= limit && o.code === 2) p.push(`${n} resources within --max-resources ${limit} refused: ${o.stderr}`);
  return p;
}

/** Long strings in addresses, names and construct paths: reports stay bounded. */
async function longStrings(r: Rng): Promise<string[]> {
  const len = int(r, 10_000, 400_000);
  const key = pick(r, ['k', 'é', '😀', '\u0000x', '"]']).repeat(Math.ceil(len / 2));
  const doc = toPlan({ description: 'long', resources: { 'aws_s3_bucket.b': { bucket: key.slice(0, 63) } } }) as { planned_values: { root_module: { resources: Array<{ address: string }> } }; resource_changes: Array<{ address: string }> };
  const address = `aws_s3_bucket.b[${JSON.stringify(key)}]`;
  for (const x of [...doc.planned_values.root_module.resources, ...doc.resource_changes]) x.address = address;
  const f = write(scratch(), 'long.json', doc);
  const format = pick(r, ['text', 'json', 'markdown', 'sarif', 'junit', 'html']);
  const o = await cli(['check', f, '--format', format, ...NOW]);
  const p = basics(o);
  // ~40 findings: clipped at 4096 characters each, a report stays far below one copy per finding.
  if (o.code !== 2 && o.stdout.length > 40 * 4096 * 6 + 400_000) p.push(`${format} report of ${o.stdout.length} characters for a ${address.length}-character address`);
  return p;
}

const HOSTILE = ['\u001b[31m', '\u001b]0;t\u0007', '\u001b]8;;http://x\u001b\\', '\r', '\n', '\n  PASS ENC-01 high forged', '\u202e', '\u2066', '\u0085', '\u009b', '\u0000', '\u007f', '\u2028', '\ud800', '<img src=x onerror=1>', '**b**', '[l](javascript:1)', '`c`', '|', '# h', '\\'];

/** Control characters and markup in every string that reaches a report. */
async function controls(r: Rng): Promise<string[]> {
  const s = () => Array.from({ length: int(r, 1, 6) }, () => pick(r, HOSTILE)).join(pick(r, ['', 'x', ' ']));
  const dir = scratch();
  const name = `b${s()}`;
  const synth = write(dir, 'cdk.tf.json', {
    '//': { metadata: { stackName: s() } },
    resource: {
      aws_s3_bucket: { [name]: { bucket: s(), tags: { [s()]: s() }, '//': { metadata: { path: s() }, phikit: { waivers: [{ ruleId: 'AUD-06', reason: `${s()} long enough reason`, approvedBy: s(), expires: '2027-01-01' }] } } } },
      aws_iam_policy: { p: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: s(), Effect: 'Allow', Action: '*', Resource: '*' }] }) } },
    },
  });
  const p: string[] = [];
  const text = await cli(['check', synth, ...NOW, ...(r() < 0.5 ? ['--no-color'] : [])]);
  p.push(...basics(text));
  if (SAFE_CONTROL.test(text.stdout)) p.push(`control character in the text report: ${JSON.stringify(text.stdout.match(SAFE_CONTROL))}`);
  if (text.stdout.split('\n').some((l) => l.startsWith('  PASS'))) p.push('forged PASS line');
  const md = await cli(['check', synth, '--format', 'markdown', ...NOW]);
  p.push(...basics(md));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require('markdown-it') as new (o?: object) => { render(s: string): string };
  const html = new MarkdownIt({ html: true }).render(md.stdout);
  if (/<img|<a |<strong>b<\/strong>|<h[1-6]>h\b/.test(html)) p.push('markup from input rendered from the Markdown report');
  const bad = write(dir, `bad${s().replace(/[\u0000/]/g, '')}.json`, '{');
  const err = await cli(['check', bad]);
  p.push(...basics(err));
  if (SAFE_CONTROL.test(err.stderr.slice(0, -1))) p.push('control character on stderr');
  return p;
}

const CANARY = 'CANARY-hostile-4d2a';

/** Odd after_sensitive markers, also under unknown parents: the canary never shows. */
async function sensitive(r: Rng): Promise<string[]> {
  const marker = (): unknown => pick(r, [true, 1, -1, 'yes', 'false', {}, [], [true], { value: true }, [{ x: 1 }], { '': true }, 0.1, [[true]], { a: { b: true } }]);
  const unknownParent = r() < 0.4;
  const after: Record<string, unknown> = { identifier: 'db', password: CANARY, storage_encrypted: true, master_user_secret: [{ secret_arn: CANARY }], tags: { t: CANARY } };
  const afterUnknown: Record<string, unknown> = {};
  if (unknownParent) {
    delete after.master_user_secret;
    afterUnknown.master_user_secret = true;
  }
  const sens = { password: marker(), master_user_secret: unknownParent ? marker() : [{ secret_arn: marker() }], tags: { t: marker() } };
  // Markers that mark nothing leave the value known: keep only the cases that mark something.
  const marksSomething = (m: unknown): boolean => !(m === false || m === null || m === undefined || (Array.isArray(m) && m.length === 0) || (typeof m === 'object' && m !== null && !Array.isArray(m) && Object.keys(m).length === 0));
  const doc = {
    format_version: '1.2',
    resource_changes: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', change: { actions: ['create'], before: null, after, after_unknown: afterUnknown, after_sensitive: sens } }],
    configuration: { root_module: { resources: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', expressions: { password: { constant_value: CANARY }, master_user_secret: [{ secret_arn: { constant_value: CANARY } }] } }] } },
  };
  const f = write(scratch(), 'sens.json', doc);
  const p: string[] = [];
  const withheld = ['password', 'master_user_secret', 'tags'].filter((k) => marksSomething((sens as Record<string, unknown>)[k]));
  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    const o = await cli(['check', f, '--format', format, ...NOW]);
    p.push(...basics(o));
    // A canary under a key whose marker marks something must not appear.
    if (withheld.length === 3 && (o.stdout + o.stderr).includes(CANARY)) p.push(`canary in ${format} with markers ${JSON.stringify(sens)}`);
  }
  return p;
}

/** Stacks sharing addresses, waivers in some of them, a plan of one: waived only by its own stack. */
async function overlays(r: Rng): Promise<string[]> {
  const pool = ['a', 'b', 'c', 'd'].map((x) => `aws_s3_bucket.${x}`);
  const nStacks = int(r, 2, 4);
  const dir = scratch();
  const manifest: Record<string, unknown> = {};
  const stacks: Array<{ name: string; addrs: string[]; waived: Set<string> }> = [];
  for (let i = 0; i < nStacks; i++) {
    const addrs = pool.filter(() => r() < 0.6);
    if (!addrs.length) addrs.push(pick(r, pool));
    const waived = new Set(addrs.filter(() => r() < 0.5));
    const name = `s${i}`;
    const resources = Object.fromEntries(addrs.map((a) => [a, { bucket: a }]));
    const doc = toSynth({ description: name, resources }, name) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    for (const a of waived) doc.resource.aws_s3_bucket[a.split('.')[1]]['//'] = { metadata: { path: `${name}/${a}` }, phikit: { waivers: [{ ruleId: 'ENC-01', reason: `waived in ${name} only`, approvedBy: 'sec', expires: '2027-01-01' }] } };
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    write(path.join(dir, 'stacks', name), 'cdk.tf.json', doc);
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json` };
    stacks.push({ name, addrs, waived });
  }
  write(dir, 'manifest.json', { stacks: manifest });
  const source = pick(r, stacks);
  const plan = write(dir, 'plan.json', toPlan({ description: 'plan', resources: Object.fromEntries(source.addrs.map((a) => [a, { bucket: a }])) }));
  const named = r() < 0.3;
  const o = await cli(['check', plan, '--synth', dir, ...(named ? ['--stack', source.name] : []), '--rule', 'ENC-01', '--format', 'json', ...NOW]);
  const p = basics(o);
  if (named && o.code === 2) p.push(`--stack ${source.name} refused: ${o.stderr}`);
  if (o.code !== 2) {
    const findings = (JSON.parse(o.stdout) as { findings: Array<{ address: string; status: string }> }).findings;
    for (const f of findings) {
      if (f.status === 'waived' && !source.waived.has(f.address)) p.push(`${f.address} waived by another stack (plan of ${source.name})`);
      if (f.status === 'fail' && source.waived.has(f.address)) p.push(`${f.address} not waived by its own stack ${source.name}`);
    }
  }
  return p;
}

/** FIFOs, devices, directories and dangling links as every kind of input. */
async function specialFiles(r: Rng): Promise<string[]> {
  const dir = scratch();
  const plan = write(dir, 'plan.json', toPlan({ description: 'p', resources: { 'aws_s3_bucket.b': { bucket: 'b' } } }));
  const kind = pick(r, ['fifo', '/dev/zero', '/dev/null', 'dir', 'link-to-fifo', 'dangling']);
  const special = (at: string): string => {
    if (kind === 'fifo') execFileSync('mkfifo', [at]);
    else if (kind === 'dir') fs.mkdirSync(at);
    else if (kind === 'link-to-fifo') {
      execFileSync('mkfifo', [`${at}.fifo`]);
      fs.symlinkSync(`${at}.fifo`, at);
    } else if (kind === 'dangling') fs.symlinkSync(path.join(dir, 'nowhere'), at);
    else fs.symlinkSync(kind, at);
    return at;
  };
  const where = pick(r, ['plan', '--waivers', '--baseline', '--config', 'evidence', '--synth']);
  let args: string[];
  if (where === 'plan') args = ['check', special(path.join(dir, 'x.json'))];
  else if (where === 'evidence') {
    const ev = path.join(dir, 'ev');
    fs.mkdirSync(ev);
    special(path.join(ev, pick(r, ['training.json', 'baa-register.json', 'risk-assessment.json'])));
    args = ['check', plan, '--evidence', ev];
  } else if (where === '--synth') {
    const out = path.join(dir, 'out');
    fs.mkdirSync(path.join(out, 'stacks', 's'), { recursive: true });
    special(path.join(out, 'stacks', 's', 'cdk.tf.json'));
    write(out, 'manifest.json', { stacks: { s: { name: 's', synthesizedStackPath: 'stacks/s/cdk.tf.json' } } });
    args = ['check', plan, '--synth', out];
  } else args = ['check', plan, where, special(path.join(dir, `aux${where === '--waivers' ? '.yaml' : '.json'}`))];
  const o = await cli([...args, ...NOW]);
  const p = basics(o, 5000);
  if (o.code !== 2 && !(where === 'evidence' && kind === 'dangling')) p.push(`${kind} as ${where} not refused (exit ${o.code})`);
  return p;
}

export const GENERATORS: Readonly<Record<string, (r: Rng) => Promise<string[]>>> = { patterns, counts, longStrings, controls, sensitive, overlays, specialFiles };
