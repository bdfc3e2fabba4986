/**
 * The labelled-fixture suite, run once per mode (see Mode) by test/fixtures/modules.test.ts,
 * modules-source.test.ts and modules-hcl.test.ts, so jest can run them in parallel. See test/fixtures/modules.test.ts for what it asserts.
 */
import type { Finding } from '../../policies/engine/types';
import { check, gapKey, judge, listFixtures, planAddresses, readKnownGaps, sourceAvailable, under } from './labelled-fixtures';
import type { Fixture, KnownGap, Mode, Verdict } from './labelled-fixtures';

export function describeLabelledFixtures(mode: Mode): void {
  const fixtures = listFixtures();
  const runnable = fixtures.filter((fx) => mode === 'plan' || sourceAvailable(fx));
  const gaps = readKnownGaps();
  const gapIndex = new Map<string, KnownGap>(gaps.map((g) => [gapKey(g.fixture, g), g]));
  const listedFor = (fx: Fixture, v: Verdict) => {
    const g = gapIndex.get(gapKey(fx.id, v.label));
    return !!g && (!g.modes || g.modes.includes(mode));
  };

  interface Tally {
    flaws: number;
    found: number;
    clean: number;
    falseFail: number;
  }
  const summary = new Map<string, Tally>();
  const describeVerdicts = (vs: Verdict[]) =>
    vs.map((v) => `${v.label.expect} ${v.label.resource} strategy ${v.label.strategy}${v.failing.length ? ` (${[...new Set(v.failing.map((f) => f.ruleId))].join(', ')})` : ''}`);

  afterAll(() => {
    if (summary.size === 0) return;
    const total: Tally = { flaws: 0, found: 0, clean: 0, falseFail: 0 };
    const lines = [`${'fixture'.padEnd(52)}flaws found    clean with false failures`];
    for (const [id, t] of summary) {
      for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
      lines.push(`${id.padEnd(52)}${`${t.found}/${t.flaws}`.padEnd(15)}${t.falseFail}/${t.clean}`);
    }
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
    lines.push(`${'total'.padEnd(52)}${`${total.found}/${total.flaws} (${pct(total.found, total.flaws)})`.padEnd(15)} ${total.falseFail}/${total.clean} (${pct(total.falseFail, total.clean)})`);
    console.log(`labelled module and peer fixtures, ${mode} mode\n${lines.join('\n')}`);
  });

  describe(`labelled module and peer-scanner fixtures (${mode})`, () => {
    it('finds fixtures, every one with hardened and weakened labels', () => {
      expect(fixtures.filter((f) => f.id.startsWith('modules/')).length).toBeGreaterThanOrEqual(12);
      expect(fixtures.filter((f) => f.id.startsWith('peers/')).length).toBeGreaterThanOrEqual(4);
      for (const fx of fixtures) {
        expect([fx.id, fx.labels.some((l) => l.expect === 'fail')]).toEqual([fx.id, true]);
        expect([fx.id, fx.labels.some((l) => l.expect === 'clean')]).toEqual([fx.id, true]);
      }
    });

    it('every known gap names a label of an existing fixture, once, with a cause', () => {
      const labels = new Set(fixtures.flatMap((fx) => fx.labels.map((l) => gapKey(fx.id, l))));
      expect(gaps.filter((g) => !labels.has(gapKey(g.fixture, g)) || !g.why.trim()).map((g) => gapKey(g.fixture, g))).toEqual([]);
      expect(gapIndex.size).toBe(gaps.length);
    });

    describe.each(fixtures.map((fx) => [fx.id, fx] as const))('%s', (_id, fx) => {
      it('labels are well formed and name resources the plan declares', () => {
        const addresses = planAddresses(fx.plan);
        const bad = fx.labels.filter(
          (l) => !['fail', 'clean'].includes(l.expect) || !(Number.isInteger(l.strategy) && l.strategy >= 1 && l.strategy <= 8) || !l.why?.trim() || !addresses.some((a) => under(a, l.resource)),
        );
        expect(bad).toEqual([]);
        const keys = fx.labels.map((l) => `${l.resource} ${l.strategy}`);
        expect(new Set(keys).size).toBe(keys.length);
      });

      (runnable.includes(fx) ? it : it.skip)(`labels hold or are listed as known gaps (${mode})`, async () => verify(await check(mode, fx)));

      function verify(findings: readonly Finding[] | undefined): void {
        expect(findings).toBeDefined();
        if (!findings) return;
        expect(findings.filter((f) => f.status === 'error').map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
        const verdicts = judge(fx.labels, findings);
        const t: Tally = { flaws: 0, found: 0, clean: 0, falseFail: 0 };
        for (const v of verdicts) {
          if (v.label.expect === 'fail') (t.flaws++, v.holds && t.found++);
          else (t.clean++, !v.holds && t.falseFail++);
        }
        summary.set(fx.id, t);
        const unlisted = verdicts.filter((v) => !v.holds && !listedFor(fx, v));
        const nowHolding = verdicts.filter((v) => v.holds && listedFor(fx, v));
        expect({ 'labels that do not hold (fix the checker, or list them in known-gaps.json with the cause)': describeVerdicts(unlisted) }).toEqual({
          'labels that do not hold (fix the checker, or list them in known-gaps.json with the cause)': [],
        });
        expect({ 'known gaps that now hold (remove them from known-gaps.json)': describeVerdicts(nowHolding) }).toEqual({
          'known gaps that now hold (remove them from known-gaps.json)': [],
        });
      }
    });
  });
}
