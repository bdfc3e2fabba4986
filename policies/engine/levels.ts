/**
 * Rule levels: what HIPAA requires (`required`) apart from what phikit recommends
 * (`recommended`), and the basis a rule's level rests on (see {@link LevelBasis}).
 */
import type { Level, RuleMeta } from './types';

/** The cdk-nag HIPAA.Security and AWS Config HIPAA conformance-pack anchors of a rule. */
export function hipaaAnchors(r: Pick<RuleMeta, 'anchors'>): string[] {
  return [...(r.anchors?.cdkNag ?? []), ...(r.anchors?.awsConfig ?? [])];
}

/**
 * One line saying why the rule has its level: for `required`, the anchors that ask the same thing
 * or the Security Rule provision that names the control; for `recommended`, what it asks beyond
 * the baseline (or that no anchor asks it and the Security Rule does not name it).
 */
export function levelBasisText(r: Pick<RuleMeta, 'level' | 'levelBasis' | 'anchors'>): string {
  if (r.level === 'required') {
    if (r.levelBasis?.securityRule) return `Security Rule ${r.levelBasis.securityRule}`;
    const a = r.anchors ?? {};
    const parts = [...(a.cdkNag?.length ? [`cdk-nag ${a.cdkNag.join(', ')}`] : []), ...(a.awsConfig?.length ? [`AWS Config ${a.awsConfig.join(', ')}`] : [])];
    return `asked by ${parts.join('; ')}`;
  }
  return r.levelBasis?.beyond ?? 'phikit hardening: no cdk-nag HIPAA or AWS Config HIPAA anchor asks it and the Security Rule does not name it';
}

/** Does a finding of a rule at `level` gate the run at the chosen `--level`? */
export function levelGates(level: Level, gate: Level): boolean {
  return level === 'required' || gate === 'recommended';
}
