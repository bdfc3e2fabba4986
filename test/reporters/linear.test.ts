/**
 * Every report format is linear in findings, checked by counting work instead of timing it
 * (timings belong in `npm run bench`, which also compares 10k- and 40k-finding runs):
 * - SARIF line numbers come from one scan per input file, however many findings point into it;
 * - every format is written in bounded chunks, never built as one string;
 * - the Markdown/HTML reviewer reports list at most `rowsPerRule` findings per rule and status
 *   and count the rest, so their size is bounded by the catalogue, not by the input.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, Rule, RunResult, Status } from '../../policies/engine/types';
import { REPORTERS, writeReport } from '../../policies/reporters';
import { LineLocator } from '../../policies/reporters/locate';
import { RULES } from '../../policies/rules';

const tmpFile = (name: string, text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-linear-')), name);
  fs.writeFileSync(file, text);
  return file;
};

const opts = { toolVersion: '0.0.0-test', catalogueVersion: 'test', generatedAt: new Date('2026-11-28T00:00:00Z') };

function findingOf(rule: Rule, i: number, status: Status, file: string): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    strategy: rule.strategy,
    severity: rule.severity,
    level: rule.level,
    citations: rule.citations,
    status,
    message: `resource ${i} is ${status}`,
    address: `module.m${i % 13}.aws_s3_bucket.b${i}`,
    resourceType: 'aws_s3_bucket',
    file,
    unitId: file,
    remediation: rule.remediation,
    ...(status === 'waived' ? { waiver: { reason: `reason ${i}`, source: 'file', approvedBy: 'sec@example.org', expires: '2027-01-01', expired: false } as unknown as Finding['waiver'] } : {}),
  };
}

const STATUSES: Status[] = ['fail', 'pass', 'unknown', 'pass', 'waived', 'error', 'pass'];

/** A run of `n` findings spread over the first 12 rules, all in one plan file with one line per address. */
function syntheticRun(n: number): RunResult {
  const rules = RULES.slice(0, 12);
  const addresses = Array.from({ length: n }, (_, i) => `module.m${i % 13}.aws_s3_bucket.b${i}`);
  const file = tmpFile('plan.json', `{\n"resource_changes": [\n${addresses.map((a) => `{"address": ${JSON.stringify(a)}, "type": "aws_s3_bucket"}`).join(',\n')}\n]}\n`);
  const findings = Array.from({ length: n }, (_, i) => findingOf(rules[i % rules.length], i, STATUSES[i % STATUSES.length], file));
  findings.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return {
    findings,
    staleWaivers: [],
    units: [{ id: file, file, format: 'plan', sha256: '0'.repeat(64) }],
    rules,
    now: opts.generatedAt,
  };
}

describe('SARIF line numbers: one index per file', () => {
  it('finds the address line in a pretty plan, in a compact plan and ignores "address" inside strings, with one scan per file', () => {
    const plan = JSON.stringify(
      {
        resource_changes: [
          { address: 'aws_s3_bucket.a', description: '"address": "aws_s3_bucket.decoy"' },
          { address: 'module.x["k\\"1"].aws_s3_bucket.b' },
          { address: 'aws_s3_bucket.decoy' },
        ],
      },
      null,
      2,
    );
    const file = tmpFile('plan.json', plan);
    const lines = plan.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const loc = new LineLocator();
    for (let k = 0; k < 50; k++) {
      expect(loc.line(file, 'aws_s3_bucket.a')).toBe(lineOf('"address": "aws_s3_bucket.a"'));
      expect(loc.line(file, 'module.x["k\\"1"].aws_s3_bucket.b')).toBe(lineOf('aws_s3_bucket.b"'));
      expect(loc.line(file, 'aws_s3_bucket.decoy')).toBe(lineOf('"address": "aws_s3_bucket.decoy"'));
      expect(loc.line(file, 'aws_s3_bucket.missing')).toBe(1);
      expect(loc.line(file, '(account)')).toBe(1);
    }
    expect(loc.scans).toBe(1);

    const compact = tmpFile('compact.json', '{"resource_changes":[\n{"address":"aws_kms_key.k"},\n{"address" : "aws_kms_key.j"}]}');
    expect(loc.line(compact, 'aws_kms_key.k')).toBe(2);
    expect(loc.line(compact, 'aws_kms_key.j')).toBe(3);
    expect(loc.scans).toBe(2);
  });

  it('answers line 1 for a one-line file without decoding it, and without reading it when loading said so', () => {
    const one = tmpFile('one-line.json', `${JSON.stringify({ resource_changes: [{ address: 'aws_kms_key.k' }, { address: 'aws_kms_key.j' }] })}\n`);
    const loc = new LineLocator();
    expect(loc.line(one, 'aws_kms_key.j', 'aws_kms_key')).toBe(1);
    expect(loc.line(one, 'aws_kms_key.missing', 'aws_kms_key')).toBe(1);
    expect(loc.scans).toBe(1);
    const told = new LineLocator(new Set([one, '/nonexistent/phikit/plan.json']));
    expect(told.line('/nonexistent/phikit/plan.json', 'aws_kms_key.k')).toBe(1);
    expect(told.line(one, 'aws_kms_key.k')).toBe(1);
    expect(told.scans).toBe(0);
  });

  it('locates cdk.tf.json resources by type key, then name key, reading the file at most twice', () => {
    const synth = JSON.stringify({ resource: { aws_kms_key: { other: { description: 'x' }, k: { description: 'aws_s3_bucket' } }, aws_s3_bucket: { other: {}, b: { bucket: 'b' } } } }, null, 2);
    const file = tmpFile('cdk.tf.json', synth);
    const lines = synth.split('\n');
    const typeLine = lines.findIndex((l) => l.includes('"aws_s3_bucket": {'));
    const expected = lines.findIndex((l, i) => i >= typeLine && l.includes('"b": {')) + 1;
    const loc = new LineLocator();
    for (let k = 0; k < 100; k++) {
      expect(loc.line(file, 'aws_s3_bucket.b', 'aws_s3_bucket')).toBe(expected);
      // "other" is a key under both types: the one after the type's key wins.
      expect(loc.line(file, 'aws_s3_bucket.other', 'aws_s3_bucket')).toBe(lines.findIndex((l, i) => i >= typeLine && l.includes('"other"')) + 1);
      expect(loc.line(file, 'aws_kms_key.k', 'aws_kms_key')).toBe(lines.findIndex((l) => l.includes('"k": {')) + 1);
      expect(loc.line(file, 'aws_iam_role.r', 'aws_iam_role')).toBe(1);
    }
    expect(loc.scans).toBe(2);
    expect(loc.line('/nonexistent/phikit/plan.json', 'aws_s3_bucket.b', 'aws_s3_bucket')).toBe(1);
  });

  it('SARIF results of a 3,000-finding run point at each finding\'s own line', () => {
    const run = syntheticRun(3000);
    const log = JSON.parse(REPORTERS.sarif(run, opts));
    const text = fs.readFileSync(run.units[0].file, 'utf8').split('\n');
    const results = log.runs[0].results as Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } }; logicalLocations: Array<{ fullyQualifiedName: string }> }> }>;
    expect(results.length).toBe(run.findings.filter((f) => f.status !== 'pass').length);
    for (const r of results) {
      const line = r.locations[0].physicalLocation.region.startLine;
      expect(text[line - 1]).toContain(JSON.stringify(r.locations[0].logicalLocations[0].fullyQualifiedName));
    }
  });
});

describe('every format is written in bounded chunks', () => {
  const run = syntheticRun(8_000);
  it.each(Object.keys(REPORTERS))('%s: no chunk above 2 MiB, and the chunks are the whole report', (format) => {
    const chunks: string[] = [];
    writeReport(format, run, { ...opts, rowsPerRule: 0 }, (c) => chunks.push(c));
    const total = chunks.reduce((a, c) => a + c.length, 0);
    const largest = Math.max(...chunks.map((c) => c.length));
    expect(largest).toBeLessThan(2 << 20);
    // The report grows with the findings (so bounded chunks mean more of them), and the
    // string-returning reporter gives the same text.
    expect(total).toBeGreaterThan(format === 'text' ? 1 << 18 : 1 << 20); // text groups findings by rule: fix and citations once
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(REPORTERS[format](run, { ...opts, rowsPerRule: 0 }));
  });
});

describe('reviewer reports list at most rowsPerRule findings per rule and status', () => {
  const rule = RULES[0];
  const file = tmpFile('plan.json', '{}');
  const findings = [
    ...Array.from({ length: 250 }, (_, i) => findingOf(rule, i, 'fail', file)),
    ...Array.from({ length: 30 }, (_, i) => findingOf(rule, 1000 + i, 'pass', file)),
    ...Array.from({ length: 120 }, (_, i) => findingOf(rule, 2000 + i, 'unknown', file)),
  ];
  const run: RunResult = { findings, staleWaivers: [], units: [{ id: file, file, format: 'plan', sha256: '1'.repeat(64) }], rules: [rule], now: opts.generatedAt };
  const perCitation = new Set(rule.citations).size;

  it('HTML: 100 fail + 30 pass + 100 unknown rows per citation and a note counting the other 170', () => {
    const html = REPORTERS.html(run, opts);
    expect((html.match(/<tr class="finding" data-status="fail"/g) ?? []).length).toBe(100 * perCitation);
    expect((html.match(/<tr class="finding" data-status="pass"/g) ?? []).length).toBe(30 * perCitation);
    expect((html.match(/<tr class="finding" data-status="unknown"/g) ?? []).length).toBe(100 * perCitation);
    expect(html).toContain(`170 more findings of ${rule.id} not listed here (150 fail, 20 unknown); the JSON report lists every finding.`);
    // The summary still counts every finding.
    expect(html).toMatch(/Fail<\/td><td>250<\/td>/);
  });

  it('Markdown: the same cap and note; rowsPerRule 0 lists all, and the JSON report always does', () => {
    const md = REPORTERS.markdown(run, opts);
    expect((md.match(/^\| ✗ Fail \| `module/gm) ?? []).length).toBe(100 * perCitation);
    expect(md).toContain(`170 more findings of ${rule.id} not listed here (150 fail, 20 unknown)`);
    const all = REPORTERS.markdown(run, { ...opts, rowsPerRule: 0 });
    expect((all.match(/^\| ✗ Fail \| `module/gm) ?? []).length).toBe(250 * perCitation);
    expect(all).not.toContain('not listed here');
    expect(JSON.parse(REPORTERS.json(run, opts)).findings.length).toBe(400);
  });
});

describe('JSON report findings', () => {
  it('are the objects JSON.stringify gives for each finding (written field by field)', () => {
    const rule = RULES[0];
    const base = findingOf(rule, 1, 'fail', 'plan.json');
    const findings: Finding[] = [
      base,
      { ...base, address: 'aws_s3_bucket.q["a\\"b"]', message: 'line\nbreak é', stack: 'app', constructPath: 'app/b', evidence: { attribute: 'x', value: '"1"' } },
      { ...base, evidence: { attribute: 'y', value: undefined as unknown as string }, baseline: 'new' },
      findingOf(rule, 2, 'waived', 'plan.json'),
    ];
    const run: RunResult = { findings, staleWaivers: [], units: [{ id: 'plan.json', file: 'plan.json', format: 'plan', sha256: '0'.repeat(64) }], rules: [rule], now: opts.generatedAt };
    const got = (JSON.parse(REPORTERS.json(run, opts)) as { findings: unknown[] }).findings;
    const expected = findings.map((f) =>
      JSON.parse(JSON.stringify({ ruleId: f.ruleId, strategy: f.strategy, severity: f.severity, level: f.level, status: f.status, message: f.message, address: f.address, resourceType: f.resourceType, file: f.file, unitId: f.unitId, stack: f.stack, constructPath: f.constructPath, evidence: f.evidence, waiver: f.waiver, baseline: f.baseline })),
    );
    expect(got).toEqual(expected);
  });
});
