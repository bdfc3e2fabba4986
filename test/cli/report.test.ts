/**
 * `phikit report` options for large inputs: --rows-per-rule caps the Markdown/HTML listing (the
 * JSON keeps every finding), --max-input-size is honoured, bad values are usage errors (exit 2).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';

const BIN = path.resolve(__dirname, '../../bin/phikit.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const fixture = allFixtures().find((f) => f.endsWith('runner_plan_38_types.json'))!;

describe('phikit report on large inputs', () => {
  it('--rows-per-rule 1 lists one finding per rule and status and counts the rest; the JSON lists all', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-report-'));
    const r = run('report', fixture, '--out', out, '--now', '2026-11-28', '--rows-per-rule', '1');
    expect(r.status).toBeLessThan(2);
    const md = fs.readFileSync(path.join(out, 'phikit-report.md'), 'utf8');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'phikit-report.json'), 'utf8')) as { findings: Array<{ ruleId: string; status: string }> };
    const perRuleStatus = new Map<string, number>();
    for (const f of json.findings) perRuleStatus.set(`${f.ruleId} ${f.status}`, (perRuleStatus.get(`${f.ruleId} ${f.status}`) ?? 0) + 1);
    const capped = [...perRuleStatus.values()].filter((n) => n > 1).length;
    expect(capped).toBeGreaterThan(0);
    expect(md).toMatch(/more findings? of [A-Z]+-\d+[a-z]? not listed here \(\d+ (fail|unknown|pass|waived|error)/);
    const all = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-report-'));
    run('report', fixture, '--out', all, '--now', '2026-11-28', '--rows-per-rule', '0');
    expect(fs.readFileSync(path.join(all, 'phikit-report.md'), 'utf8')).not.toContain('not listed here');
  });

  it('refuses a bad --rows-per-rule and an input above --max-input-size with exit 2 and one line', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-report-'));
    for (const args of [['--rows-per-rule', '-1'], ['--rows-per-rule', 'many'], ['--max-input-size', '1k']]) {
      const r = run('report', fixture, '--out', out, ...args);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
