/**
 * Every rule's own cases, through both input formats (cdk.tf.json and plan JSON).
 * A rule without a failing and a passing case fails here.
 */
import { RULES } from '../../policies/rules';
import { FORMATS, runCase } from '../support/run-case';

const summarize = (fs: ReturnType<typeof runCase>) => fs.map((f) => `${f.address}: ${f.status} — ${f.message}`).join('\n');

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has at least one passing and one failing case', () => {
    expect(rule.examples.pass.length).toBeGreaterThan(0);
    expect(rule.examples.fail.length).toBeGreaterThan(0);
  });

  for (const format of FORMATS) {
    for (const c of rule.examples.pass.filter((x) => !x.formats || x.formats.includes(format))) {
      it(`${c.description} [${format}]`, () => {
        const findings = runCase(rule, c, format);
        expect(findings.length).toBeGreaterThan(0);
        const bad = findings.filter((f) => f.status !== 'pass');
        if (bad.length) throw new Error(`expected only pass findings, got:\n${summarize(findings)}`);
      });
    }
    for (const c of rule.examples.fail.filter((x) => !x.formats || x.formats.includes(format))) {
      it(`${c.description} [${format}]`, () => {
        const findings = runCase(rule, c, format);
        if (!findings.some((f) => f.status === 'fail')) throw new Error(`expected a fail finding, got:\n${summarize(findings) || '(no findings)'}`);
      });
    }
    for (const c of (rule.examples.unknown ?? []).filter((x) => !x.formats || x.formats.includes(format))) {
      it(`${c.description} [${format}]`, () => {
        const findings = runCase(rule, c, format);
        if (!findings.some((f) => f.status === 'unknown') || findings.some((f) => f.status === 'fail')) {
          throw new Error(`expected unknown (and no fail), got:\n${summarize(findings) || '(no findings)'}`);
        }
      });
    }
  }
});

describe('the registry', () => {
  it('has unique, well-formed ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{2,4}-\d{2}[a-z]?$/);
  });

  it('cites the HIPAA Security Rule verbatim on every rule', () => {
    for (const r of RULES) {
      expect(r.citations.length).toBeGreaterThan(0);
      for (const c of r.citations) expect(c).toMatch(/^164\.(308|310|312|314|316)(\([a-z0-9]+\))+$/i);
    }
  });
});
