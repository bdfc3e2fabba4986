/** A broken rule is isolated: an `error` finding, the run goes on, and the exit code fails. */
import { evaluate } from '../../policies/engine/evaluate';
import type { ResourceRule } from '../../policies/engine/types';
import { exitCodeFor } from '../../policies/cli/main';
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
    const slow: ResourceRule = {
      ...base,
      id: 'ENC-97',
      check: (r, ctx) => {
        const until = Date.now() + 60;
        while (Date.now() < until) {
          /* busy */
        }
        return base.check(r, ctx);
      },
    };
    const result = evaluate(graph, { rules: [slow, base], ruleBudgetMs: 30 });
    const mine = result.findings.filter((f) => f.ruleId === 'ENC-97');
    expect(mine.map((f) => f.status)).toEqual(['pass', 'error']);
    expect(mine[1].message).toMatch(/time budget/);
    expect(result.findings.filter((f) => f.ruleId === 'ENC-02')).toHaveLength(2);
  });
});
