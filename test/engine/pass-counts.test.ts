/**
 * `passes: 'count'` (what `phikit check` uses for text and SARIF reports): passes are counted per
 * rule instead of listed. Those reports must not change by a byte, and waivers must behave the
 * same — a counted pass still makes a waiver pattern that spans stacks ambiguous.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';
import { summarize } from '../../policies/engine/evaluate';
import { COUNTS_PASSES, REPORTERS } from '../../policies/reporters';
import { toPlan } from '../support/cases';
import { allFixtures } from '../support/fixtures';

const opts = { toolVersion: 'test', catalogueVersion: 'test', generatedAt: new Date('2026-11-28T00:00:00Z') };
const now = opts.generatedAt;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-passes-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('counted passes', () => {
  it('applies to the formats that only count passes', () => {
    expect([...COUNTS_PASSES].sort()).toEqual(['sarif', 'text']);
  });

  it.each(allFixtures().map((f) => [path.relative(path.dirname(path.dirname(f)), f), f]))('%s: text and SARIF reports are identical', (_name, file) => {
    const listed = runCheck([file], { now }).result;
    const counted = runCheck([file], { now, passes: 'count' }).result;
    expect(counted.findings.some((f) => f.status === 'pass')).toBe(false);
    expect(counted.findings).toEqual(listed.findings.filter((f) => f.status !== 'pass'));
    expect(summarize(counted.findings, counted.passCounts)).toEqual(summarize(listed.findings));
    for (const format of COUNTS_PASSES) expect(REPORTERS[format](counted, opts)).toBe(REPORTERS[format](listed, opts));
  });

  describe('waivers', () => {
    // The same address in two plans: its key fails ENC-02 in one and passes in the other.
    const failing = write('a.json', JSON.stringify(toPlan({ description: 'a', resources: { 'aws_kms_key.k': { enable_key_rotation: false } } })));
    const passing = write('b.json', JSON.stringify(toPlan({ description: 'b', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } })));
    const waiver = (extra: Record<string, unknown>) =>
      write(`w-${Object.keys(extra).join('-') || 'plain'}.json`, JSON.stringify({ version: 1, waivers: [{ rule: 'ENC-02', resource: 'aws_kms_key.k', reason: 'Rotation handled by the key custodian runbook', approved_by: 'security@example.org', expires: '2027-06-30', ...extra }] }));
    const enc02 = (passes: 'list' | 'count', waivers: string) => {
      const r = runCheck([failing, passing], { now, waivers, rule: ['ENC-02'], passes }).result;
      return { statuses: r.findings.filter((f) => f.status !== 'pass').map((f) => [f.file, f.status]), stale: r.staleWaivers.map((s) => s.problem) };
    };

    it.each(['list', 'count'] as const)('a pattern matching a failing and a (%s) passing resource in two inputs is ambiguous and waives nothing', (passes) => {
      expect(enc02(passes, waiver({}))).toEqual({ statuses: [[failing, 'fail']], stale: ['ambiguous'] });
    });

    it.each(['list', 'count'] as const)('scoped to one input it waives the failing finding (%s)', (passes) => {
      expect(enc02(passes, waiver({ file: failing }))).toEqual({ statuses: [[failing, 'waived']], stale: [] });
    });
  });
});
