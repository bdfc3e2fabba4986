/**
 * Account-level findings point at the resource that configures the control whenever the inputs
 * declare one (issue 11 item 9): for every account-scope rule and every case of it that declares a
 * resource of one of the rule's types, no finding is left at "(account)". "(account)" remains for
 * inputs that declare none.
 */
import { RULES } from '../../policies/rules';
import type { RuleCase } from '../../policies/engine/types';
import { FORMATS, runCase } from '../support/run-case';

/** Cases whose declared resources do not configure the control itself, so "(account)" is right. */
const NOT_CONFIGURING: Readonly<Record<string, string>> = {
  'ACC-27b: is unknown when a cluster exists but the account setting is not declared': 'clusters are declared, the account-level block public access configuration is not',
  'AUD-18: fails when the retention mode is GOVERNANCE (literal bucket name)': 'no bucket is an evidence store (COMPLIANCE mode); the finding is that none exists',
};

const typeOf = (address: string) => address.replace(/^data\./, '').split('.')[0];
const accountRules = RULES.filter((r) => r.scope === 'account' && r.resourceTypes.length > 0);

describe.each(accountRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const cases: RuleCase[] = [...rule.examples.pass, ...rule.examples.fail, ...(rule.examples.unknown ?? [])];
  const declaring = cases.filter((c) => !NOT_CONFIGURING[`${rule.id}: ${c.description}`]).filter((c) => Object.keys(c.resources).some((a) => !a.startsWith('data.') && rule.resourceTypes.includes(typeOf(a))));
  const bare = cases.filter((c) => !Object.keys(c.resources).some((a) => rule.resourceTypes.includes(typeOf(a))));

  it.each(declaring.map((c) => [c.description, c] as const))('names a declared resource: %s', (_d, c) => {
    for (const format of FORMATS) {
      const findings = runCase(rule, { ...c, target: undefined }, format);
      expect(findings.filter((f) => f.address === '(account)').map((f) => `${format}: ${f.status} ${f.message}`)).toEqual([]);
      for (const f of findings) expect(Object.keys(c.resources)).toContain(f.address);
    }
  });

  if (bare.length) {
    it('stays at "(account)" when the inputs declare none of its resources', () => {
      for (const c of bare) for (const format of FORMATS) for (const f of runCase(rule, { ...c, target: undefined }, format)) expect(f.address).toBe('(account)');
    });
  }
});
