/** Helpers shared by the communication rules (Strategy 5). */
import type { CheckContext } from '../../engine/types';
import { PolicyRead, readPolicy } from '../../model/iam';
import type { Resource } from '../../model/types';
// Shared with other strategies, so it lives in rules/helpers.ts; re-exported for this strategy's rules.
export { judgeDocs } from '../helpers';

/** [TLS]: 164.312(a)(2)(iv), 164.312(e)(1), 164.312(e)(2)(i), 164.312(e)(2)(ii). */
export const TLS = ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'];

/** Transmission security (the † set of the catalogue): 164.312(e)(1), 164.312(e)(2)(ii). */
export const TRANSMISSION = ['164.312(e)(1)', '164.312(e)(2)(ii)'];

/** Policies in `policyType.policyPath` that refer to `target` through `joinPath` (reference or literal). */
export function policyReads(ctx: CheckContext, target: Resource, policyType: string, joinPath: string, policyPath = 'policy'): Array<{ read: PolicyRead; where: string }> {
  return ctx.graph.related(target, policyType, joinPath).map((p) => ({ read: readPolicy(ctx.graph, p, policyPath), where: `${p.address}.${policyPath}` }));
}
