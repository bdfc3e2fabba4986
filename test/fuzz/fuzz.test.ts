/**
 * Robustness over mutated real fixtures, bounded for CI (PHIKIT_FUZZ_CASES, default 2,000):
 * every case ends with exit 0, 1 or 2 — never 3, never an uncaught exception — and exit 2
 * comes with exactly one line on stderr. `npm run fuzz` runs more.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';
import { problems, runOnce } from './harness';
import { mutate, rng } from './mutate';

const CASES = Number(process.env.PHIKIT_FUZZ_CASES ?? 2000);

describe('fuzzing with mutated real fixtures', () => {
  it(`survives ${CASES} mutated inputs`, async () => {
    const files = allFixtures().map((f) => fs.readFileSync(f));
    const r = rng(1128);
    const failures: string[] = [];
    const kinds: Record<string, number> = {};
    const codes: Record<number, number> = {};
    for (let i = 0; i < CASES; i++) {
      const m = mutate(files[i % files.length], r);
      kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
      const o = await runOnce(m.bytes);
      codes[o.code] = (codes[o.code] ?? 0) + 1;
      const p = problems(o);
      if (p.length) failures.push(`case ${i} (${m.kind}): ${p.join('; ')}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The mutations really exercise both outcomes.
    expect(codes[2]).toBeGreaterThan(CASES / 10);
    expect((codes[0] ?? 0) + (codes[1] ?? 0)).toBeGreaterThan(CASES / 10);
    expect(Object.keys(kinds).length).toBeGreaterThanOrEqual(12);
  }, 600_000);

  it('rejects a cdktf.out directory whose stack is a symlink loop', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-loop-'));
    fs.mkdirSync(path.join(dir, 'stacks', 'a'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'stacks', 'a', 'loop2.json'), path.join(dir, 'stacks', 'a', 'loop1.json'));
    fs.symlinkSync(path.join(dir, 'stacks', 'a', 'loop1.json'), path.join(dir, 'stacks', 'a', 'loop2.json'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks: { a: { name: 'a', synthesizedStackPath: 'stacks/a/loop1.json' } } }));
    const o = await runOnce(dir);
    expect(o.code).toBe(2);
    expect(problems(o)).toEqual([]);
    const self = path.join(dir, 'self');
    fs.symlinkSync(self, self);
    const o2 = await runOnce(self);
    expect(o2.code).toBe(2);
    expect(o2.stderr).toMatch(/symlink loop|no such file/);
  });
});
