/**
 * Combine a plan with the cdktf synth output it was planned from.
 *
 * A plan loses what cdktf wrote into `"//"` metadata (construct paths, construct waivers), and
 * shows any attribute built from a reference — a bucket policy with the bucket ARN in it, an IAM
 * policy naming a log group — as known only after apply. The cdk.tf.json still has those as
 * templates (`{"Resource": "${aws_s3_bucket.b.arn}/*"}`), which the model can read. For each plan
 * resource with the same address in the synth output, this copies the construct path and waivers
 * and replaces top-level values the plan marks unknown with the synth's template of them.
 * Known plan values always win: the plan is what will be applied.
 */
import type { ParsedInput } from './load';
import type { Resource } from './types';
import { Unknown, Value } from './values';

export function overlaySynth(plans: readonly ParsedInput[], synths: readonly ParsedInput[]): ParsedInput[] {
  const byAddress = new Map<string, Resource>();
  for (const s of synths) for (const r of s.resources) if (!byAddress.has(r.address)) byAddress.set(r.address, r);
  return plans.map((p) => {
    if (p.unit.format !== 'plan') return p;
    const resources = p.resources.map((r) => {
      const s = byAddress.get(r.baseAddress) ?? byAddress.get(r.address);
      if (!s || s.type !== r.type) return r;
      let values: Record<string, Value> | undefined;
      for (const [k, v] of Object.entries(r.values)) {
        const sv = Object.prototype.hasOwnProperty.call(s.values, k) ? s.values[k] : undefined;
        if (v instanceof Unknown && sv instanceof Unknown && sv.template !== undefined) {
          values ??= { ...r.values };
          Object.defineProperty(values, k, { value: sv, enumerable: true, writable: true, configurable: true });
        }
      }
      return { ...r, values: values ?? r.values, constructPath: r.constructPath ?? s.constructPath, inlineWaivers: r.inlineWaivers.length ? r.inlineWaivers : s.inlineWaivers };
    });
    return { ...p, resources };
  });
}
