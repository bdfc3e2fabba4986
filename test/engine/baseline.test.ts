/**
 * Baselines are keyed by input file + address + rule: a finding that moves to another file is
 * new there and resolved in the old one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyBaseline, parseBaseline } from '../../policies/engine/baseline';
import { main } from '../../policies/cli/main';
import { exitCodeFor, runCheck } from '../../policies/pipeline';
import { REPORTERS } from '../../policies/reporters';
import { InputError } from '../../policies/model/errors';
import { toPlan } from '../support/cases';

const opts = { toolVersion: 'test', catalogueVersion: 'test', generatedAt: new Date('2026-11-28T00:00:00Z') };
const bucket = { 'aws_s3_bucket.b': { bucket: 'phi-data' } };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-baseline-'));
const write = (name: string, resources: Record<string, Record<string, unknown>>) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(toPlan({ description: name, resources })));
  return p;
};

describe('baselines', () => {
  const a = write('a.json', bucket);
  const b = write('b.json', bucket);
  const empty = write('empty.json', { 'aws_kms_key.k': { enable_key_rotation: true } });

  it('marks unchanged findings and none new when nothing changed', () => {
    const first = runCheck([a], { rule: ['ENC-01'] }).result;
    const base = parseBaseline(REPORTERS.json(first, opts), 'base.json');
    const again = applyBaseline(runCheck([a], { rule: ['ENC-01'] }).result, base);
    const enc = again.findings.filter((f) => f.ruleId === 'ENC-01');
    expect(enc.map((f) => [f.address, f.status, f.baseline])).toEqual([['aws_s3_bucket.b', 'fail', 'unchanged']]);
    expect(again.resolved).toEqual([]);
    expect(exitCodeFor(again, 'low', false, true)).toBe(0);
    expect(exitCodeFor(again, 'low', false, false)).toBe(1);
  });

  it('treats a finding that moves to another file as new there and resolved in the old one', () => {
    const base = parseBaseline(REPORTERS.json(runCheck([a, empty], { rule: ['ENC-01'] }).result, opts), 'base.json');
    const moved = applyBaseline(runCheck([b, empty], { rule: ['ENC-01'] }).result, base);
    const f = moved.findings.find((x) => x.ruleId === 'ENC-01' && x.status === 'fail');
    expect(f?.file).toBe(b);
    expect(f?.baseline).toBe('new');
    expect(moved.resolved?.map((r) => [r.file, r.address, r.ruleId])).toEqual([[a, 'aws_s3_bucket.b', 'ENC-01']]);
    expect(exitCodeFor(moved, 'low', false, true)).toBe(1);
  });

  it('shows new and resolved in text and JSON reports', () => {
    const base = parseBaseline(REPORTERS.json(runCheck([a], { rule: ['ENC-01'] }).result, opts), 'base.json');
    const moved = applyBaseline(runCheck([b], { rule: ['ENC-01'] }).result, base);
    expect(REPORTERS.text(moved, opts)).toMatch(/FAIL ENC-01 [^\n]*\n(?:[^\n]*\n)*? +- NEW aws_s3_bucket\.b:/);
    expect(REPORTERS.text(moved, { ...opts, verbose: true })).toMatch(/FAIL NEW ENC-01/);
    expect(REPORTERS.text(moved, opts)).toMatch(/RESOLVED ENC-01 aws_s3_bucket\.b/);
    const json = JSON.parse(REPORTERS.json(moved, opts));
    expect(json.findings.find((x: { ruleId: string }) => x.ruleId === 'ENC-01').baseline).toBe('new');
    expect(json.resolved).toHaveLength(1);
  });

  it('rejects a baseline that is not a phikit JSON report', () => {
    expect(() => parseBaseline('[1,2]', 'x.json')).toThrow(InputError);
    expect(() => parseBaseline('{"findings":[{"ruleId":1}]}', 'x.json')).toThrow(/lacks/);
  });

  it('--fail-on-new through the CLI: exit 0 when only old findings fail, 1 for a new one', async () => {
    const basePath = path.join(dir, 'base.json');
    fs.writeFileSync(basePath, REPORTERS.json(runCheck([a], { rule: ['ENC-01'] }).result, opts));
    const out = path.join(dir, 'out.json');
    expect(await main(['check', a, '--rule', 'ENC-01', '--baseline', basePath, '--fail-on-new', '-f', 'json', '-o', out])).toBe(0);
    expect(await main(['check', b, '--rule', 'ENC-01', '--baseline', basePath, '--fail-on-new', '-f', 'json', '-o', out])).toBe(1);
  });
});
