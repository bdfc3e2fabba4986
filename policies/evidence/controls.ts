/**
 * Join evidence to the checker's own results: when a decision register says a specification is
 * implemented by phikit controls, those controls must not fail on the same inputs.
 */
import type { CheckContext, Rule, Verdict } from '../engine/types';

export interface ControlFailure {
  readonly ruleId: string;
  readonly address: string;
  readonly message: string;
}

/** The first failing verdict of the technical rules of `control` (id or control id), if any. */
export function firstFailure(ctx: CheckContext, control: string): ControlFailure | undefined {
  const rules = (ctx.rulesCatalogue ?? []).filter((r): r is Rule => 'check' in r && (r.id === control || r.control === control) && (r as Rule).scope !== 'evidence') as Rule[];
  for (const rule of rules) {
    const verdicts: Array<{ v: Verdict; address: string }> = [];
    try {
      if (rule.scope === 'resource') {
        for (const type of rule.resourceTypes)
          for (const res of ctx.graph.ofType(type)) {
            if (res.action === 'delete') continue;
            const v = rule.check(res, ctx);
            for (const x of Array.isArray(v) ? (v as Verdict[]) : [v as Verdict]) verdicts.push({ v: x, address: (x.resource ?? res).address });
          }
      } else for (const x of rule.check(ctx)) verdicts.push({ v: x, address: x.resource?.address ?? '(account)' });
    } catch {
      continue; // a rule error is reported by the rule itself
    }
    const f = verdicts.find((x) => x.v.status === 'fail');
    if (f) return { ruleId: rule.id, address: f.address, message: f.v.message };
  }
  return undefined;
}
