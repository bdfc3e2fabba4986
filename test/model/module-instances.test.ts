/**
 * References to a module call without an instance key reach every instance of it, found through
 * one index of the module paths per unit (not a scan of the resources per lookup): keys with dots,
 * brackets and escaped quotes, nested calls, and thousands of instances of one call.
 */
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** A plan whose root role policy references `module.m.arn`; `m` has one bucket per instance key. */
function planWith(keys: string[]) {
  const child = (k: string) => `module.m[${JSON.stringify(k)}]`;
  const bucket = (k: string) => ({
    address: `${child(k)}.aws_s3_bucket.b`,
    module_address: child(k),
    mode: 'managed',
    type: 'aws_s3_bucket',
    name: 'b',
    provider_name: PROVIDER,
    change: { actions: ['create'], before: null, after: { bucket: `bucket-${k}` }, after_unknown: { arn: true }, after_sensitive: {} },
  });
  const user = {
    address: 'aws_sns_topic.t',
    mode: 'managed',
    type: 'aws_sns_topic',
    name: 't',
    provider_name: PROVIDER,
    change: { actions: ['create'], before: null, after: { name: 't' }, after_unknown: { kms_master_key_id: true }, after_sensitive: {} },
  };
  const config = {
    root_module: {
      resources: [{ address: 'aws_sns_topic.t', mode: 'managed', type: 'aws_sns_topic', name: 't', expressions: { kms_master_key_id: { references: ['module.m.arn', 'module.m'] } } }],
      module_calls: {
        m: {
          source: './m',
          for_each_expression: { constant_value: keys },
          module: {
            outputs: { arn: { expression: { references: ['aws_s3_bucket.b.arn', 'aws_s3_bucket.b'] } } },
            resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', expressions: { bucket: { constant_value: 'x' } } }],
          },
        },
      },
    },
  };
  return { format_version: '1.2', resource_changes: [user, ...keys.map(bucket)], configuration: config };
}

const graphOf = (doc: unknown) => {
  const text = JSON.stringify(doc);
  return Graph.from([parseDocument(JSON.parse(text), 'plan.json', text)]);
};

describe('module instances', () => {
  it('a reference to module.m.arn reaches the bucket of every instance, whatever its key', () => {
    const keys = ['a', 'b.c', 'x]y', 'q"r', 'module.z', ''];
    const g = graphOf(planWith(keys));
    const topic = g.resources.find((r) => r.address === 'aws_sns_topic.t')!;
    const got = g.deref(topic, 'kms_master_key_id').resources.map((r) => r.address).sort();
    expect(got).toEqual(keys.map((k) => `module.m[${JSON.stringify(k)}].aws_s3_bucket.b`).sort());
  });

  it('resolves 5,000 instances of one call, and an edge to each', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}`);
    const g = graphOf(planWith(keys));
    const topic = g.resources.find((r) => r.address === 'aws_sns_topic.t')!;
    expect(g.deref(topic, 'kms_master_key_id').resources).toHaveLength(5000);
    expect(g.references(topic).filter((e) => e.to.type === 'aws_s3_bucket')).toHaveLength(5000);
  });
});
