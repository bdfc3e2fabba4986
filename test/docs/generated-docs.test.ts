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

import { parity } from '../../policies/docs/generate';
import { RULES } from '../../policies/rules';

describe('parity with cdk-nag and AWS Config', () => {
  const p = parity();
  it('maps or justifies every one of the 90 cdk-nag HIPAA rules', () => {
    expect(p.cdkNag).toHaveLength(90);
    expect(p.cdkNag.filter((m) => !m.ids.length && !m.reason).map((m) => m.anchor)).toEqual([]);
  });
  it('maps or justifies every one of the 130 AWS Config HIPAA pack rules', () => {
    expect(p.awsConfig).toHaveLength(130);
    expect(p.awsConfig.filter((m) => !m.ids.length && !m.reason).map((m) => m.anchor)).toEqual([]);
  });
  it('has at least 130 rules over all eight strategies', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(130);
    expect(new Set(RULES.map((r) => r.strategy)).size).toBe(8);
  });
});
