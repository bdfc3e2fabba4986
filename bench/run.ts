/**
 * `npm run bench`: three inputs at 1k, 10k and 100k resources —
 *   plan     generated plan JSON (every schema attribute, flat and two-level modules; generate.ts)
 *   modules  real community-module plans tiled as counted module instances (modules.ts)
 *   synth    generated cdk.tf.json
 * — each measured in separate processes: JSON.parse of the file alone (the floor), then
 * `phikit check --format F` for text, json, sarif, junit, markdown and html, and `phikit report`;
 * elapsed time, CPU time (user + system) and peak RSS, medians of PHIKIT_BENCH_REPEAT (3) runs. Then the reporters' scaling on
 * synthetic 10k/40k-finding runs, and synth-time checking overhead. Prints Markdown tables and
 * writes bench/results.json.
 *
 * PHIKIT_BENCH_SIZES=1000,10000, PHIKIT_BENCH_INPUTS=plan,modules, PHIKIT_BENCH_MODES=text,json,report
 * and PHIKIT_BENCH_SYNTH=0 narrow a run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatePlan, generateSynth } from './generate';
import { modulePlanSources, tileModulePlans } from './modules';
import { measureReporterScaling } from './reporters';
import { measureSynthOverheadRaw, SynthOverhead } from './synth';

const list = (v: string | undefined, d: string) => (v ?? d).split(',').map((x) => x.trim()).filter(Boolean);
const SIZES = list(process.env.PHIKIT_BENCH_SIZES, '1000,10000,100000').map(Number);
const INPUTS = list(process.env.PHIKIT_BENCH_INPUTS, 'plan,modules,synth');
const MODES = list(process.env.PHIKIT_BENCH_MODES, 'text,json,sarif,junit,markdown,html,report');
const REPEAT = Number(process.env.PHIKIT_BENCH_REPEAT ?? 3);
const REPO = path.resolve(__dirname, '..', '..');
const child = path.join(__dirname, 'child.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-bench-'));

interface Sample {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

function measure(args: string[]): Sample {
  const runs: Sample[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', child, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
    runs.push(JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('\n') + 1))); // after what `phikit report` prints
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(runs.map((x) => x.ms)), cpuMs: median(runs.map((x) => x.cpuMs)), maxRssMb: median(runs.map((x) => x.maxRssMb)) };
}

const ratio = (a: number, b: number) => +(a / b).toFixed(2);

interface ModeResult {
  ms: number;
  cpuMs: number;
  rssMb: number;
  timeRatio: number;
  /** CPU time (user + system) over the parse-only process's. */
  cpuRatio: number;
  rssRatio: number;
  /** µs per resource added since the previous size (the slope; flat = linear). */
  usMarginal?: number;
}
interface Row {
  input: string;
  resources: number;
  fileMb: number;
  parseMs: number;
  parseCpuMs: number;
  parseRssMb: number;
  modes: Record<string, ModeResult>;
}

const sources = INPUTS.includes('modules') ? modulePlanSources(REPO) : [];
function write(input: string, n: number): { file: string; resources: number } {
  const file = path.join(dir, `${input}-${n}.json`);
  let doc: Record<string, unknown>;
  if (input === 'plan') doc = generatePlan(n);
  else if (input === 'synth') doc = generateSynth(n);
  else doc = tileModulePlans(sources, n);
  fs.writeFileSync(file, JSON.stringify(doc));
  const resources = input === 'synth' ? n : (doc.resource_changes as unknown[]).length;
  return { file, resources };
}

const rows: Row[] = [];
const out = path.join(REPO, 'bench', process.env.PHIKIT_BENCH_OUT ?? 'results.json');
const header0 = () => ({ node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), date: new Date().toISOString(), repeat: REPEAT });
for (const input of INPUTS) {
  for (const n of SIZES) {
    const { file, resources } = write(input, n);
    const parse = measure(['parse', file]);
    const modes: Record<string, ModeResult> = {};
    for (const mode of MODES) {
      // SARIF of cdk.tf.json, the reviewer report of it: the same code paths, measured on plans.
      const s = mode === 'report' ? measure(['report', file]) : measure(['check', mode, file]);
      modes[mode] = { ms: Math.round(s.ms), cpuMs: Math.round(s.cpuMs), rssMb: Math.round(s.maxRssMb), timeRatio: ratio(s.ms, parse.ms), cpuRatio: ratio(s.cpuMs, parse.cpuMs), rssRatio: ratio(s.maxRssMb, parse.maxRssMb) };
    }
    rows.push({ input, resources, fileMb: +(fs.statSync(file).size / 1024 / 1024).toFixed(1), parseMs: Math.round(parse.ms), parseCpuMs: Math.round(parse.cpuMs), parseRssMb: Math.round(parse.maxRssMb), modes });
    fs.unlinkSync(file);
    process.stderr.write(`bench: ${input} ${resources} done\n`);
    // Kept as it goes: a long run stopped part-way still leaves its measured rows.
    fs.writeFileSync(out, `${JSON.stringify({ ...header0(), partial: true, rows }, null, 2)}\n`);
  }
}

// A run has a fixed cost (start-up, loading the 236 rules) that dominates small inputs; the
// marginal time per resource between consecutive sizes is what would show super-linear growth.
const growth: Record<string, Record<string, number>> = {};
for (const input of INPUTS) {
  const r = rows.filter((x) => x.input === input);
  for (let i = 1; i < r.length; i++) {
    for (const mode of MODES) r[i].modes[mode].usMarginal = +(((r[i].modes[mode].ms - r[i - 1].modes[mode].ms) * 1000) / (r[i].resources - r[i - 1].resources)).toFixed(1);
  }
  // Last slope over first slope, per mode: ≤ ~1 means no super-linear step.
  if (r.length > 2) growth[input] = Object.fromEntries(MODES.map((m) => [m, ratio(r[r.length - 1].modes[m].usMarginal!, r[1].modes[m].usMarginal!)]));
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`);
const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const header = ['input', 'resources', 'file', 'parse', ...MODES];
const table = (cell: (r: Row, m: ModeResult) => string, first: (r: Row) => string) =>
  [line(header), line(header.map((_, i) => (i < 2 ? '---' : '---:'))), ...rows.map((r) => line([r.input, r.resources.toLocaleString('en-US'), `${r.fileMb} MB`, first(r), ...MODES.map((m) => cell(r, r.modes[m]))]))].join('\n');
process.stdout.write(`Time (÷ parse):\n${table((_r, m) => `${fmtMs(m.ms)} (${m.timeRatio}×)`, (r) => fmtMs(r.parseMs))}\n\n`);
process.stdout.write(`CPU time, user + system (÷ parse):\n${table((_r, m) => `${fmtMs(m.cpuMs)} (${m.cpuRatio}×)`, (r) => fmtMs(r.parseCpuMs))}\n\n`);
process.stdout.write(`Peak RSS (÷ parse-only process):\n${table((_r, m) => `${m.rssMb} MB (${m.rssRatio}×)`, (r) => `${r.parseRssMb} MB`)}\n\n`);
process.stdout.write(`Marginal µs per resource since the previous size:\n${table((_r, m) => (m.usMarginal === undefined ? '—' : String(m.usMarginal)), () => '')}\n\n`);
process.stdout.write(`Marginal growth (last slope ÷ first slope; ≤ 1 = no super-linear step): ${JSON.stringify(growth)}\n`);

const reporters = process.env.PHIKIT_BENCH_REPORTERS === '0' ? [] : measureReporterScaling();
for (const r of reporters) process.stdout.write(`reporter ${r.format}: ${JSON.stringify(r.ms)} ms → ${r.ratio}× for 4× the findings${r.superLinear ? '  SUPER-LINEAR' : ''}\n`);

// Synth-time checking: app.synth() of a 2,000-resource stack with and without applyHipaaChecks.
let synth: SynthOverhead | { skipped: string };
if (process.env.PHIKIT_BENCH_SYNTH === '0') synth = { skipped: 'PHIKIT_BENCH_SYNTH=0' };
else {
  synth = measureSynthOverheadRaw(Number(process.env.PHIKIT_BENCH_SYNTH_N ?? 2000), Math.max(REPEAT, 7));
  process.stdout.write(`synth-time checking, ${synth.resources} resources: app.synth() ${synth.plainMs} ms plain, ${synth.checkedMs} ms with applyHipaaChecks (overhead ${Math.round(synth.overhead * 100)}%, target ≤ 25%)\n`);
}
const moduleSources = sources.map((s) => path.relative(REPO, s).startsWith('..') ? s : path.relative(REPO, s));
fs.writeFileSync(out, `${JSON.stringify({ ...header0(), moduleSources, rows, growth, reporters, synth }, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
