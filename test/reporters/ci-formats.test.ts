/**
 * CI report formats over every shared fixture: JSON validates against the published schema,
 * SARIF passes the official SARIF validator (@microsoft/sarif-multitool), JUnit is well-formed
 * XML with one test case per finding.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';
import { REPORTERS } from '../../policies/reporters';
import { CATALOGUE_VERSION } from '../../policies/rules';
import { compileSchema } from '../../policies/schemas';
import { VERSION } from '../../policies/version';
import { allFixtures } from '../support/fixtures';
import { checkWellFormed } from '../support/xml';

const opts = { toolVersion: VERSION, catalogueVersion: CATALOGUE_VERSION, generatedAt: new Date('2026-11-28T00:00:00Z') };
const fixtures = allFixtures();
const results = fixtures.map((f) => ({ file: f, result: runCheck([f], { now: opts.generatedAt }).result }));

describe('CI report formats over every shared fixture', () => {
  it('has all 59 fixtures', () => {
    expect(fixtures.length).toBe(59);
  });

  it('JSON reports validate against policies/schemas/report.schema.json', () => {
    const validate = compileSchema('report.schema.json');
    for (const { file, result } of results) {
      const doc = JSON.parse(REPORTERS.json(result, opts)) as { findings: unknown[] };
      const valid = validate(doc);
      if (!valid) throw new Error(`${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      expect(doc.findings.length).toBe(result.findings.length);
    }
  });

  it('JUnit reports are well-formed with one test case per finding', () => {
    for (const { file, result } of results) {
      const xml = REPORTERS.junit(result, opts);
      checkWellFormed(xml, file);
      expect((xml.match(/<testcase /g) ?? []).length).toBe(result.findings.length);
      // a recommended rule's failure is a <skipped> "recommended" case unless --level recommended
      expect((xml.match(/<failure /g) ?? []).length).toBe(result.findings.filter((f) => f.status === 'fail' && f.level === 'required').length);
      expect((REPORTERS.junit(result, { ...opts, level: 'recommended' }).match(/<failure /g) ?? []).length).toBe(result.findings.filter((f) => f.status === 'fail').length);
    }
  });

  it('SARIF reports pass the official SARIF validator', () => {
    const bin = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
    try {
      fs.chmodSync(bin, 0o755);
    } catch {
      /* read-only install: try as is */
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-sarif-'));
    results.forEach(({ result }, i) => fs.writeFileSync(path.join(dir, `r${i}.sarif`), REPORTERS.sarif(result, opts)));
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-sarif-out-')), 'validation.json');
    const run = spawnSync(bin, ['validate', path.join(dir, '*.sarif'), '-o', out], { encoding: 'utf8', timeout: 240_000 });
    if (run.error || !fs.existsSync(out)) {
      console.warn(`skipped SARIF validator: it could not run here (${run.error?.message ?? run.stderr.slice(0, 200)})`);
      return;
    }
    const validation = JSON.parse(fs.readFileSync(out, 'utf8'));
    const errors = validation.runs[0].results.filter((r: { level?: string }) => r.level === 'error');
    expect(errors).toEqual([]);
    expect(run.stdout).toContain(`${results.length} files scanned`);
  }, 300_000);

  it('SARIF results carry rule ids, HIPAA help text and a location with the Terraform address', () => {
    const one = results.find((r) => r.file.endsWith('nested_child_modules_with_connections.json'));
    const log = JSON.parse(REPORTERS.sarif(one!.result, opts));
    const run = log.runs[0];
    const res = run.results.find((r: { ruleId: string }) => r.ruleId === 'ENC-01');
    expect(res.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/aws_s3_bucket\./);
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/nested_child_modules_with_connections\.json$/);
    expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    const rule = run.tool.driver.rules[res.ruleIndex];
    expect(rule.id).toBe('ENC-01');
    expect(rule.help.text).toContain('164.312(a)(2)(iv)');
    expect(res.partialFingerprints['phikit/v1']).toMatch(/^[0-9a-f]{64}$/);
  });
});
