/**
 * Join evidence to the checker's own results: when a decision register says a specification is
 * implemented by phikit controls, those controls must not fail on the same inputs (findings under
 * an unexpired inline construct waiver count as documented deviations; waivers-file entries are
 * applied after rules run and are not seen here).
 */
import type { CheckContext, Rule, Verdict } from '../engine/types';
import { isExpired } from '../engine/waivers';
import type { Resource } from '../model/types';

export interface ControlFailure {
  readonly ruleId: string;
  readonly address: string;
  readonly message: string;
}

/** The first failing verdict of the technical rules of `control` (id or control id), if any. */
export function firstFailure(ctx: CheckContext, control: string): ControlFailure | undefined {
  const rules = (ctx.rulesCatalogue ?? []).filter((r): r is Rule => 'check' in r && (r.id === control || r.control === control) && (r as Rule).scope !== 'evidence') as Rule[];
  for (const rule of rules) {
    const verdicts: Array<{ v: Verdict; address: string; res?: Resource }> = [];
    try {
      if (rule.scope === 'resource') {
        for (const type of rule.resourceTypes)
          for (const res of ctx.graph.ofType(type)) {
            if (res.action === 'delete') continue;
            const v = rule.check(res, ctx);
            for (const x of Array.isArray(v) ? (v as Verdict[]) : [v as Verdict]) verdicts.push({ v: x, address: (x.resource ?? res).address, res: x.resource ?? res });
          }
      } else for (const x of rule.check(ctx)) verdicts.push({ v: x, address: x.resource?.address ?? '(account)', res: x.resource });
    } catch {
      continue; // a rule error is reported by the rule itself
    }
    // A deviation accepted by an inline (construct) waiver is documented where it is made.
    const waived = (r?: Resource) => !!r?.inlineWaivers.some((w) => w.ruleId === rule.id && !isExpired(w.expires, ctx.now));
    const f = verdicts.find((x) => x.v.status === 'fail' && !waived(x.res));
    if (f) return { ruleId: rule.id, address: f.address, message: f.v.message };
  }
  return undefined;
}
