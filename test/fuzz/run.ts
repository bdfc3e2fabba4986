/**
 * `npm run fuzz [-- COUNT [SEED [HOSTILE]]]`: mutate every shared fixture COUNT times in total
 * (default 20,000) and report any crash, hang, non-one-line error or prototype pollution; then
 * run every hostile-input generator (issue 13) HOSTILE times (default 200 per class).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';
import { runOnce, problems } from './harness';
import { GENERATORS } from './hostile';
import { mutate, rng } from './mutate';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20000);
  const seed = Number(process.argv[3] ?? 20261128);
  const r = rng(seed);
  const files = allFixtures().map((f) => fs.readFileSync(f));
  const counts: Record<string, number> = {};
  let bad = 0;
  const t0 = Date.now();
  for (let i = 0; i < count; i++) {
    const src = files[i % files.length];
    const m = mutate(src, r);
    const o = await runOnce(m.bytes);
    counts[`exit ${o.code}`] = (counts[`exit ${o.code}`] ?? 0) + 1;
    const p = problems(o);
    if (p.length) {
      bad++;
      const keep = path.join(process.cwd(), `fuzz-failure-${seed}-${i}.json`);
      fs.writeFileSync(keep, m.bytes);
      process.stderr.write(`case ${i} (${m.kind}): ${p.join('; ')} — input kept in ${keep}\n`);
    }
  }
  process.stdout.write(`${count} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}; problems: ${bad}\n`);
  const hostile = Number(process.argv[4] ?? 200);
  for (const [name, gen] of Object.entries(GENERATORS)) {
    const t1 = Date.now();
    let failed = 0;
    for (let i = 0; i < hostile; i++) {
      const p = await gen(r);
      if (p.length) {
        failed++;
        process.stderr.write(`hostile ${name} case ${i} (seed ${seed}): ${p.join('; ')}\n`);
      }
    }
    bad += failed;
    process.stdout.write(`hostile ${name}: ${hostile} cases in ${((Date.now() - t1) / 1000).toFixed(1)} s, problems: ${failed}\n`);
  }
  process.exitCode = bad ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`fuzz runner failed: ${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 3;
});
