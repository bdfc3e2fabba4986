/** Helpers for secure-communication rules. */
import { readPolicy } from '../../model/iam';
import type { PolicyDocument } from '../../model/iam';
import type { Graph } from '../../model/graph';
import type { Resource } from '../../model/types';
import type { CheckContext, Verdict } from '../../engine/types';
import { bucketSide, fail, unknown } from '../helpers';

/** The bucket policies of a bucket (joined by reference or literal name), read; or a verdict when none can be read. */
export function bucketPolicies(ctx: CheckContext, bucket: Resource): { docs: PolicyDocument[] } | Verdict {
  const policies = bucketSide(ctx, bucket, 'aws_s3_bucket_policy');
  if (!policies.length) return fail('no aws_s3_bucket_policy refers to this bucket', { attribute: 'aws_s3_bucket_policy', value: '(none)' });
  const docs: PolicyDocument[] = [];
  for (const p of policies) {
    const read = readPolicy(ctx.graph, p, 'policy');
    if (read.state === 'unknown') return unknown(`${p.address}.policy: ${read.reason}`);
    if (read.state === 'known') docs.push(read.doc);
  }
  return { docs };
}

/** Parameter groups (by reference or literal name) of a database resource. */
export function parameterGroups(graph: Graph, db: Resource, path: string, type: string): Resource[] | undefined {
  const t = graph.deref(db, path);
  if (t.absent) return [];
  const found = t.resources.filter((r) => r.type === type);
  return found.length ? found : t.external ? undefined : [];
}
