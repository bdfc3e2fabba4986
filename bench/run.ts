/**
 * `npm run bench`: generated plan JSON and cdk.tf.json at 1k, 10k and 100k resources; each
 * measured in separate processes — JSON.parse alone (the floor), `phikit check` (text report)
 * and `phikit check --format json` — for time and peak RSS. Prints a table with the ratios and
 * writes bench/results.json.
 * PHIKIT_BENCH_SIZES=1000,10000 limits the sizes.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatePlan, generateSynth } from './generate';
import { measureSynthOverheadRaw, SynthOverhead } from './synth';

const SIZES = (process.env.PHIKIT_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const REPEAT = Number(process.env.PHIKIT_BENCH_REPEAT ?? 3);
const child = path.join(__dirname, 'child.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-bench-'));

interface Sample {
  ms: number;
  maxRssMb: number;
}

function measure(mode: 'parse' | 'check' | 'check-json', file: string): Sample {
  const runs: Sample[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', child, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`${mode} ${file} failed: ${r.stderr.slice(0, 500)}`);
    runs.push(JSON.parse(r.stdout));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)]; // median
}

const ratio = (a: number, b: number) => +(a / b).toFixed(2);
const rows: Array<Record<string, number | string>> = [];
for (const format of ['plan', 'synth'] as const) {
  for (const n of SIZES) {
    const file = path.join(dir, `${format}-${n}.json`);
    fs.writeFileSync(file, JSON.stringify(format === 'plan' ? generatePlan(n) : generateSynth(n)));
    const mb = fs.statSync(file).size / 1024 / 1024;
    const parse = measure('parse', file);
    const check = measure('check', file);
    const json = measure('check-json', file);
    rows.push({
      format,
      resources: n,
      fileMb: +mb.toFixed(1),
      parseMs: Math.round(parse.ms),
      checkMs: Math.round(check.ms),
      timeRatio: ratio(check.ms, parse.ms),
      jsonMs: Math.round(json.ms),
      jsonRatio: ratio(json.ms, parse.ms),
      parseRssMb: Math.round(parse.maxRssMb),
      checkRssMb: Math.round(check.maxRssMb),
      rssRatio: ratio(check.maxRssMb, parse.maxRssMb),
      jsonRssMb: Math.round(json.maxRssMb),
      jsonRssRatio: ratio(json.maxRssMb, parse.maxRssMb),
      usPerResource: +((check.ms * 1000) / n).toFixed(1),
    });
    fs.unlinkSync(file);
  }
}
// A check has a fixed cost (starting, loading the 236 rules) that dominates small inputs, so the
// per-resource time of the whole run shrinks with size. The marginal time per resource between
// consecutive sizes is the one that would show a join growing faster than the input.
const growth: Record<string, { perResource: number; marginal?: number }> = {};
for (const format of ['plan', 'synth']) {
  const r = rows.filter((x) => x.format === format);
  for (let i = 1; i < r.length; i++) {
    r[i].usMarginal = +((((r[i].checkMs as number) - (r[i - 1].checkMs as number)) * 1000) / ((r[i].resources as number) - (r[i - 1].resources as number))).toFixed(1);
  }
  if (r.length > 1) {
    growth[format] = { perResource: ratio(r[r.length - 1].usPerResource as number, r[0].usPerResource as number) };
    if (r.length > 2) growth[format].marginal = ratio(r[r.length - 1].usMarginal as number, r[1].usMarginal as number);
  }
}
for (const r of rows) r.usMarginal ??= '—';
const header = Object.keys(rows[0]);
const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
process.stdout.write(`${line(header)}\n${line(header.map(() => '---'))}\n${rows.map((r) => line(header.map((h) => r[h]))).join('\n')}\n`);
process.stdout.write(
  'check = `phikit check` with its default text report; json = `--format json` (every finding, passes included). Ratios are against the parse-only process on the same file.\n',
);
process.stdout.write(
  `per-resource time growth ${SIZES[0]} → ${SIZES[SIZES.length - 1]} (whole run; marginal = usMarginal of the last size over that of the second): ${JSON.stringify(growth)}\n`,
);
// Synth-time checking: app.synth() of a 2,000-resource stack with and without applyHipaaChecks.
let synth: SynthOverhead | { skipped: string };
if (process.env.PHIKIT_BENCH_SYNTH === '0') synth = { skipped: 'PHIKIT_BENCH_SYNTH=0' };
else {
  synth = measureSynthOverheadRaw(Number(process.env.PHIKIT_BENCH_SYNTH_N ?? 2000), Math.max(REPEAT, 7));
  process.stdout.write(`synth-time checking, ${synth.resources} resources: app.synth() ${synth.plainMs} ms plain, ${synth.checkedMs} ms with applyHipaaChecks (overhead ${Math.round(synth.overhead * 100)}%, target ≤ 25%)\n`);
}
const out = path.resolve(__dirname, '..', '..', 'bench', 'results.json');
fs.writeFileSync(out, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, date: new Date().toISOString(), repeat: REPEAT, rows, growth, synth }, null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
