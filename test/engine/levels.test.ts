/**
 * Rule levels: every rule says whether HIPAA requires it (an anchor asking the same thing, or the
 * Security Rule naming the control) or phikit recommends it, and on what basis.
 */
import { hipaaAnchors, levelBasisText, levelGates } from '../../policies/engine/levels';
import { LEVELS } from '../../policies/engine/types';
import { RULES } from '../../policies/rules';

const CFR = /164\.(306|308|310|312|314|316)(\([a-z0-9]+\))+/i;

describe('rule levels', () => {
  it('every rule has a level', () => {
    for (const r of RULES) expect(LEVELS).toContain(r.level);
  });

  it('a required rule names its anchor or the Security Rule provision it rests on', () => {
    for (const r of RULES.filter((x) => x.level === 'required')) {
      const basis = r.levelBasis?.securityRule;
      if (basis !== undefined) expect(`${r.id}: ${basis}`).toMatch(new RegExp(`^${r.id}: ${CFR.source}`, 'i'));
      else if (!hipaaAnchors(r).length) throw new Error(`${r.id} is required but has neither a cdk-nag / AWS Config anchor nor a securityRule basis`);
      expect(r.levelBasis?.beyond).toBeUndefined();
    }
  });

  it('a recommended rule that has anchors says why they do not make it required', () => {
    for (const r of RULES.filter((x) => x.level === 'recommended')) {
      expect(r.levelBasis?.securityRule).toBeUndefined();
      if (hipaaAnchors(r).length && !r.levelBasis?.beyond) throw new Error(`${r.id} has anchors (${hipaaAnchors(r).join(', ')}) but is recommended without a 'beyond' note`);
    }
  });

  it('the basis text names the anchors, the provision, or what is asked beyond the baseline', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    expect(levelBasisText(byId.get('ENC-04e')!)).toMatch(/HIPAA\.Security-RDSStorageEncrypted.*rds-storage-encrypted/);
    expect(levelBasisText(byId.get('TRN-01')!)).toMatch(/^Security Rule 164\.308\(a\)\(5\)\(i\)/);
    expect(levelBasisText(byId.get('ENC-02b')!)).toMatch(/kms-cmk-not-scheduled-for-deletion/);
    expect(levelBasisText(byId.get('COM-08b')!)).toMatch(/phikit hardening/);
  });

  it('both levels are used, in every strategy with more than a handful of rules', () => {
    for (const s of [1, 2, 3, 5, 6]) {
      const rs = RULES.filter((r) => r.strategy === s);
      expect(rs.some((r) => r.level === 'required')).toBe(true);
      expect(rs.some((r) => r.level === 'recommended')).toBe(true);
    }
  });

  it('required findings always gate; recommended ones only at --level recommended', () => {
    expect(levelGates('required', 'required')).toBe(true);
    expect(levelGates('required', 'recommended')).toBe(true);
    expect(levelGates('recommended', 'required')).toBe(false);
    expect(levelGates('recommended', 'recommended')).toBe(true);
  });
});
