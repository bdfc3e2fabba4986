/** policies/RULES.md and policies/PARITY.md are generated from rule metadata and must be current. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCS } from '../../policies/docs/generate';

describe('generated docs', () => {
  it.each(Object.keys(DOCS))('%s is up to date (run `npm run docs` after changing rules)', (name) => {
    const committed = fs.readFileSync(path.join(__dirname, '../../policies', name), 'utf8');
    expect(committed).toBe(`${DOCS[name as keyof typeof DOCS]()}\n`);
  });
});
