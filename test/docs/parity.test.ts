/**
 * Parity: every cdk-nag HIPAA.Security rule and every AWS Config HIPAA pack rule is mapped by
 * some rule's `anchors` or justified in policies/data/anchors.json `notStatic`.
 */
import anchors from '../../policies/data/anchors.json';
import { parity } from '../../policies/docs/generate';
import { RULES } from '../../policies/rules';

const open = (rules = RULES) => {
  const p = parity(rules);
  return [...p.cdkNag, ...p.awsConfig].filter((m) => !m.ids.length && !m.reason).map((m) => m.anchor);
};

describe('parity with cdk-nag and AWS Config', () => {
  it('inventories all 90 cdk-nag HIPAA.Security rules and all 130 AWS Config HIPAA pack rules', () => {
    expect(new Set(anchors.cdkNag.rules.map((r) => r.rule)).size).toBe(90);
    expect(new Set(anchors.awsConfig.rules.map((r) => r.rule)).size).toBe(130);
  });

  // Completeness (every anchor mapped or justified) is asserted in generated-docs.test.ts.

  it('reports an anchor as open when no rule maps it and no reason is recorded', () => {
    const withoutS3Enc = RULES.filter((r) => !(r.anchors?.awsConfig ?? []).includes('s3-default-encryption-kms'));
    expect(open(withoutS3Enc)).toContain('s3-default-encryption-kms');
  });

  it('justifications name only anchor rules of the inventories', () => {
    const known = new Set([...anchors.awsConfig.rules.map((r) => r.rule), ...anchors.cdkNag.rules.map((r) => r.configRule)]);
    for (const name of Object.keys(anchors.notStatic)) expect(known.has(name) ? name : `unknown: ${name}`).toBe(name);
  });
});
