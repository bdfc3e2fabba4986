/**
 * Hostile-input generators (issue 13), a bounded number per class in CI
 * (PHIKIT_HOSTILE_CASES per class, default 6); `npm run fuzz` runs many more.
 */
import { GENERATORS } from './hostile';
import { rng } from './mutate';

const PER_CLASS = Number(process.env.PHIKIT_HOSTILE_CASES ?? 6);

describe('hostile-input generators', () => {
  it.each(Object.keys(GENERATORS))('%s: every case holds', async (name) => {
    const r = rng(1300 + name.length);
    const failures: string[] = [];
    for (let i = 0; i < PER_CLASS; i++) {
      const p = await GENERATORS[name](r);
      if (p.length) failures.push(`case ${i}: ${p.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
