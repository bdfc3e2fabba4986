/**
 * The `phikit` command as CI runs it (a real process on the built CLI): exit codes, one-line
 * reasons for bad input, no stack traces.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allFixtures } from '../support/fixtures';
import { toPlan } from '../support/cases';

const BIN = path.resolve(__dirname, '../../bin/phikit.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  if (!fs.existsSync(path.resolve(__dirname, '../../dist/policies/cli/main.js'))) throw new Error('run `npm run build` first (npm test does)');
});

describe('phikit CLI: bad input exits 2 with a one-line reason and no stack trace', () => {
  const plan = JSON.stringify(toPlan({ description: 'x', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } }));
  const cases: Array<[string, () => string[], RegExp]> = [
    ['truncated JSON', () => ['check', file('trunc.json', plan.slice(0, plan.length / 2))], /not valid JSON/],
    ['a JSON array', () => ['check', file('array.json', '[{"format_version":"1.2"}]')], /expected a JSON object/],
    ['a 0-byte file', () => ['check', file('empty.json', '')], /file is empty/],
    ['binary', () => ['check', file('binary.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0xd8]))], /not valid UTF-8|NUL/],
    ['a directory without a manifest', () => ['check', fs.mkdtempSync(path.join(dir, 'nomanifest-'))], /no manifest\.json/],
    ['format_version 2.0', () => ['check', file('v2.json', plan.replace('"format_version":"1.2"', '"format_version":"2.0"'))], /format_version 2\.0 is not supported/],
    ['a missing file', () => ['check', path.join(dir, 'missing.json')], /no such file/],
    ['an unknown option', () => ['check', '--frobnicate', 'x.json'], /unknown option/],
    ['no arguments', () => [], /Usage: phikit/],
    ['an input over --max-input-size', () => ['check', file('big.json', plan), '--max-input-size', '100'], /over the input limit/],
    ['an invalid waivers file', () => ['check', file('ok.json', plan), '--waivers', file('w.json', '{"waivers":[{"rule":"ENC-01"}]}')], /invalid waivers file/],
  ];
  it.each(cases)('%s', (_name, args, reason) => {
    const r = run(...args());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(reason);
    if (args().length) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('phikit CLI: exit codes', () => {
  const failing = file('failing.json', JSON.stringify(toPlan({ description: 'x', resources: { 'aws_kms_key.k': { description: 'no rotation' } } })));
  const unknownOnly = file('unknown.json', JSON.stringify(toPlan({ description: 'x', resources: { 'aws_kms_key.k': { enable_key_rotation: true } }, unknown: { 'aws_kms_key.k': ['enable_key_rotation'] } })));
  it('exits 1 on a failing finding and 0 when it is below --fail-on', () => {
    // ENC-02 (key rotation) is a recommended rule: it gates with --level recommended only
    expect(run('check', failing, '--rule', 'ENC-02', '--level', 'recommended').status).toBe(1);
    expect(run('check', failing, '--rule', 'ENC-02').status).toBe(0);
    expect(run('check', failing, '--rule', 'ENC-02', '--level', 'recommended', '--fail-on', 'critical').status).toBe(0);
  });
  it('exits 0 for unknown findings unless --strict', () => {
    expect(run('check', unknownOnly, '--rule', 'ENC-02', '--level', 'recommended').status).toBe(0);
    expect(run('check', unknownOnly, '--rule', 'ENC-02', '--level', 'recommended', '--strict').status).toBe(1);
  });
  it('prints no colour codes when stdout is not a TTY', () => {
    expect(run('check', failing, '--rule', 'ENC-02').stdout).not.toMatch(/\u001b\[/);
  });
});

describe('every shared fixture through the real CLI', () => {
  it.each(allFixtures().map((f) => [path.relative(path.resolve(__dirname, '../../..'), f), f]))('%s exits 0 or 1', (_rel, f) => {
    const out = path.join(dir, `${path.basename(f)}.report.json`);
    const r = run('check', f, '--format', 'json', '--output', out);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).schemaVersion).toMatch(/^2\./);
  });
});
