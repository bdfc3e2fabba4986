/**
 * `npm run fuzz [-- COUNT [SEED]]`: mutate every shared fixture COUNT times in total (default
 * 20,000) and report any crash, hang, non-one-line error or prototype pollution.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';
import { runOnce, problems } from './harness';
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
  process.exitCode = bad ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`fuzz runner failed: ${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 3;
});
