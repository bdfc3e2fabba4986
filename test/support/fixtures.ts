/**
 * The shared real-world fixtures (51 plan JSON + 8 cdk.tf.json) live beside the repository
 * (`../shared/fixtures`); CI lays a copy there too. PHIKIT_SHARED overrides the location.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function sharedDir(): string {
  // From test/support in the sources, or dist/test/support when compiled (npm run fuzz).
  const candidates = [process.env.PHIKIT_SHARED, path.resolve(__dirname, '../../../shared'), path.resolve(__dirname, '../../../../shared'), '/work/shared'].filter((c): c is string => !!c);
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'fixtures', 'plans')));
  if (!found) throw new Error('shared/fixtures not found beside the repository (set PHIKIT_SHARED)');
  return found;
}

/** Every fixture JSON file (plans and cdktf), sorted. */
export function allFixtures(): string[] {
  const root = path.join(sharedDir(), 'fixtures');
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
