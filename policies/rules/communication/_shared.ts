/** Helpers shared by the communication rules (Strategy 5). */
import type { CheckContext, Verdict } from '../../engine/types';
import { PolicyDocument, PolicyRead, readPolicy } from '../../model/iam';
import type { Resource } from '../../model/types';
import { fail, unknown } from '../helpers';

/** [TLS]: 164.312(a)(2)(iv), 164.312(e)(1), 164.312(e)(2)(i), 164.312(e)(2)(ii). */
export const TLS = ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'];

/** Transmission security (the † set of the catalogue): 164.312(e)(1), 164.312(e)(2)(ii). */
export const TRANSMISSION = ['164.312(e)(1)', '164.312(e)(2)(ii)'];

/**
 * Judge every policy document read at `reads`: fail when a known document lacks `test`, unknown
 * when a document cannot be read before apply, `undefined` when every document satisfies `test`.
 */
export function judgeDocs(reads: ReadonlyArray<{ read: PolicyRead; where: string }>, test: (d: PolicyDocument) => boolean, missing: string): Verdict | undefined {
  const verdicts: Verdict[] = [];
  for (const { read, where } of reads) {
    if (read.state === 'known') {
      if (!test(read.doc)) {
        // Part of the document is known only after apply: the statement may be in that part.
        if (read.doc.partial) verdicts.push(unknown(`${where} ${missing} in its known part; the rest is known only after apply (${read.doc.partial})`, { attribute: where, value: '(partly known after apply)' }));
        else verdicts.push(fail(`${where} ${missing}`, { attribute: where, value: '(no matching Deny statement)' }));
      }
    } else if (read.state === 'invalid') verdicts.push(fail(`${where} is not a valid policy document: ${read.reason}`, { attribute: where, value: '(invalid)' }));
    else if (read.state === 'unknown') verdicts.push(unknown(`${where} is known only after apply (${read.reason})`, { attribute: where, value: '(known after apply)' }));
  }
  return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown');
}

/** Policies in `policyType.policyPath` that refer to `target` through `joinPath` (reference or literal). */
export function policyReads(ctx: CheckContext, target: Resource, policyType: string, joinPath: string, policyPath = 'policy'): Array<{ read: PolicyRead; where: string }> {
  return ctx.graph.related(target, policyType, joinPath).map((p) => ({ read: readPolicy(ctx.graph, p, policyPath), where: `${p.address}.${policyPath}` }));
}
