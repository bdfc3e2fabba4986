/** A known failure is never hidden behind an unknown: the judgeAll combinator and ACC-07 on a real plan. */
import * as path from 'node:path';
import { fail, judgeAll, notApplicable, pass, unknown } from '../../policies/rules/helpers';
import { runCheck } from '../../policies/pipeline';

describe('judgeAll', () => {
  it('fails on any known failure, naming every failing part and then the unknown ones', () => {
    const v = judgeAll([unknown('a is known only after apply', { attribute: 'a', value: '(known after apply)' }), fail('b is 6, less than 14', { attribute: 'b', value: '6' }), pass('c ok'), fail('d is false')], 'all good');
    expect(v.status).toBe('fail');
    expect(v.message).toBe('b is 6, less than 14; d is false; not known before apply: a');
    expect(v.evidence).toEqual({ attribute: 'b', value: '6' });
  });

  it('returns a single failure unchanged', () => {
    const f = fail('only this', { attribute: 'x', value: '1' });
    expect(judgeAll([pass('p'), f], 'ok')).toBe(f);
  });

  it('is unknown only when nothing known fails, naming every unknown part', () => {
    const v = judgeAll([pass('p'), unknown('a unknown'), unknown('b unknown')], 'ok');
    expect(v.status).toBe('unknown');
    expect(v.message).toBe('a unknown; b unknown');
  });

  it('passes when every part passes or does not apply', () => {
    const v = judgeAll([pass('p', { attribute: 'x', value: '1' }), notApplicable('n/a')], 'all good');
    expect(v).toMatchObject({ status: 'pass', message: 'all good', evidence: { attribute: 'x', value: '1' } });
  });
});

describe('ACC-07 on a plan with a known short length and settings known only after apply', () => {
  it('fails and says which setting fails', () => {
    const plan = path.join(__dirname, '..', 'fixtures', 'unknowns', 'plan.json');
    const { result } = runCheck([plan], { rule: ['ACC-07'] });
    const f = result.findings.filter((x) => x.ruleId === 'ACC-07');
    expect(f).toHaveLength(1);
    expect(f[0].status).toBe('fail');
    expect(f[0].message).toMatch(/minimum_password_length is 6, less than 14/);
  });
});
