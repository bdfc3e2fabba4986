/** A broken rule is isolated: an `error` finding, the run goes on, and the exit code fails. */
import { evaluate } from '../../policies/engine/evaluate';
import type { ResourceRule } from '../../policies/engine/types';
import { exitCodeFor } from '../../policies/pipeline';
import { RULES } from '../../policies/rules';
import { REPORTERS } from '../../policies/reporters';
import { caseGraph } from '../support/run-case';

const base = RULES.find((r) => r.id === 'ENC-02') as ResourceRule;
const graph = caseGraph({ description: 'x', resources: { 'aws_kms_key.a': { enable_key_rotation: true }, 'aws_kms_key.b': { enable_key_rotation: true } } }, 'plan');

describe('rule isolation', () => {
  it('turns a throwing rule into error findings and keeps evaluating the others', () => {
    const secret = 'CANARY-in-exception-message';
    const throwing: ResourceRule = { ...base, id: 'ENC-98', check: () => { throw new TypeError(secret); } };
    const result = evaluate(graph, { rules: [throwing, base] });
    expect(result.findings.filter((f) => f.ruleId === 'ENC-98').map((f) => f.status)).toEqual(['error', 'error']);
    expect(result.findings.filter((f) => f.ruleId === 'ENC-02').map((f) => f.status)).toEqual(['pass', 'pass']);
    expect(exitCodeFor(result, 'critical', false)).toBe(1);
    for (const fmt of Object.keys(REPORTERS)) expect(REPORTERS[fmt](result, { toolVersion: 't', catalogueVersion: 't' })).not.toContain(secret);
  });

  it('stops a rule that exceeds its time budget with an error finding', () => {
    let calls = 0;
    const slow: ResourceRule = {
      ...base,
      id: 'ENC-97',
      check: (r, ctx) => {
        calls++;
        // The first check is quick; the second would run for 20 s, far past the budget. The
        // margins are wide so a busy machine cannot push the quick one over.
        const until = calls === 1 ? 0 : Date.now() + 20_000;
        while (Date.now() < until) {
          /* busy */
        }
        return base.check(r, ctx);
      },
    };
    const result = evaluate(graph, { rules: [slow, base], ruleBudgetMs: 500 });
    const mine = result.findings.filter((f) => f.ruleId === 'ENC-97');
    // The first check fits in the budget; the second is stopped midway.
    expect(calls).toBe(2);
    expect(mine.map((f) => [f.address, f.status])).toEqual([
      ['aws_kms_key.a', 'pass'],
      ['aws_kms_key.b', 'error'],
    ]);
    expect(mine[1].message).toMatch(/time budget/);
    expect(result.findings.filter((f) => f.ruleId === 'ENC-02').map((f) => f.status)).toEqual(['pass', 'pass']);
  });

  it('stops a check stuck in an endless loop, even one that catches everything, and runs the other rules', () => {
    const looping: ResourceRule = {
      ...base,
      id: 'ENC-96',
      check: () => {
        for (;;) {
          try {
            while (Date.now() > 0) {
              /* forever */
            }
          } catch {
            /* a termination is not an exception a rule can swallow */
          }
        }
      },
    };
    const started = Date.now();
    const result = evaluate(graph, { rules: [looping, base], ruleBudgetMs: 200 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.findings.filter((f) => f.ruleId === 'ENC-96').map((f) => [f.address, f.status])).toEqual([['aws_kms_key.a', 'error']]);
    expect(result.findings.filter((f) => f.ruleId === 'ENC-02').map((f) => f.status)).toEqual(['pass', 'pass']);
    expect(exitCodeFor(result, 'critical', false)).toBe(1);
  });
});
