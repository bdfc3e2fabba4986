/** Regions from provider configurations (plan and cdk.tf.json) and the one "copy outside its region" decision. */
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { copyOutsideRegion } from '../../policies/model/copies';
import { arnRegion, regionOf } from '../../policies/model/regions';

const graphOf = (doc: Record<string, unknown>, file: string) => Graph.from([parseDocument(JSON.parse(JSON.stringify(doc)), file, JSON.stringify(doc))]);
const res = (g: Graph, address: string) => {
  const r = g.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address}`);
  return r;
};

/** A plan: a PHI bucket with the default provider, a replica bucket with aws.dr (or the default), a replication rule between them. */
function plan(replicaProvider: string, drRegion: { constant_value: string } | { references: string[] } = { constant_value: 'us-west-2' }) {
  const bucket = (name: string) => ({ address: `aws_s3_bucket.${name}`, mode: 'managed', type: 'aws_s3_bucket', name, values: { bucket: `phi-${name}`, tags: { DataClass: 'PHI' } } });
  const rep = { address: 'aws_s3_bucket_replication_configuration.r', mode: 'managed', type: 'aws_s3_bucket_replication_configuration', name: 'r', values: { bucket: 'phi-main', role: 'arn:aws:iam::111122223333:role/rep', rule: [{ id: 'all', status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::phi-replica' }] }] } };
  return {
    format_version: '1.2',
    planned_values: { root_module: { resources: [bucket('main'), bucket('replica'), rep] } },
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } },
        'aws.dr': { name: 'aws', alias: 'dr', expressions: { region: drRegion } },
      },
      root_module: {
        resources: [
          { address: 'aws_s3_bucket.main', mode: 'managed', type: 'aws_s3_bucket', name: 'main', provider_config_key: 'aws', expressions: {} },
          { address: 'aws_s3_bucket.replica', mode: 'managed', type: 'aws_s3_bucket', name: 'replica', provider_config_key: replicaProvider, expressions: {} },
          { address: 'aws_s3_bucket_replication_configuration.r', mode: 'managed', type: 'aws_s3_bucket_replication_configuration', name: 'r', provider_config_key: 'aws', expressions: {} },
        ],
      },
    },
  };
}

describe('regions', () => {
  it('reads the region of the provider configuration each plan resource uses', () => {
    const g = graphOf(plan('aws.dr'), 'plan.json');
    expect(regionOf(res(g, 'aws_s3_bucket.main'))).toBe('us-east-1');
    expect(regionOf(res(g, 'aws_s3_bucket.replica'))).toBe('us-west-2');
  });

  it('leaves the region unstated when the provider region is a variable', () => {
    const g = graphOf(plan('aws.dr', { references: ['var.dr_region'] }), 'plan.json');
    expect(regionOf(res(g, 'aws_s3_bucket.replica'))).toBeUndefined();
  });

  it('reads module provider configurations keyed module.<name>:aws', () => {
    const doc = {
      format_version: '1.2',
      planned_values: { root_module: { child_modules: [{ address: 'module.m', resources: [{ address: 'module.m.aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'x' } }] }] } },
      configuration: {
        provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } }, 'module.m:aws': { name: 'aws', module_address: 'module.m', expressions: { region: { constant_value: 'eu-west-1' } } } },
        root_module: { module_calls: { m: { source: './m', module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', provider_config_key: 'm:aws', expressions: {} }] } } } },
      },
    };
    expect(regionOf(res(graphOf(doc, 'plan.json'), 'module.m.aws_s3_bucket.b'))).toBe('eu-west-1');
  });

  it('reads cdk.tf.json provider blocks by alias', () => {
    const doc = {
      provider: { aws: [{ region: 'us-east-1' }, { alias: 'dr', region: 'us-west-2' }] },
      resource: { aws_s3_bucket: { a: { bucket: 'a' }, b: { bucket: 'b', provider: 'aws.dr' } } },
    };
    const g = graphOf(doc, 'cdk.tf.json');
    expect(regionOf(res(g, 'aws_s3_bucket.a'))).toBe('us-east-1');
    expect(regionOf(res(g, 'aws_s3_bucket.b'))).toBe('us-west-2');
  });

  it('prefers the resource\'s own region argument (hashicorp/aws 6)', () => {
    const doc = { provider: { aws: { region: 'us-east-1' } }, resource: { aws_s3_bucket: { a: { bucket: 'a', region: 'ap-south-1' } } } };
    expect(regionOf(res(graphOf(doc, 'cdk.tf.json'), 'aws_s3_bucket.a'))).toBe('ap-south-1');
  });

  it('reads the region of an ARN and none of an S3 ARN', () => {
    expect(arnRegion('arn:aws:backup:us-west-2:111122223333:backup-vault:dr')).toBe('us-west-2');
    expect(arnRegion('arn:aws:s3:::bucket')).toBeUndefined();
  });
});

describe('copyOutsideRegion', () => {
  it('counts replication to a bucket in another provider region', () => {
    const g = graphOf(plan('aws.dr'), 'plan.json');
    const c = copyOutsideRegion(g, res(g, 'aws_s3_bucket.main'));
    expect(c.state).toBe('yes');
    if (c.state === 'yes') expect(c.copy.detail).toContain('us-east-1 → us-west-2');
  });

  it('does not count replication to a bucket in the same region', () => {
    const g = graphOf(plan('aws'), 'plan.json');
    const c = copyOutsideRegion(g, res(g, 'aws_s3_bucket.main'));
    expect(c.state).toBe('no');
    if (c.state === 'no') expect(c.why).toContain('stay in its region');
  });

  it('counts a copy whose destination region is not stated, and says so', () => {
    const g = graphOf(plan('aws.dr', { references: ['var.dr_region'] }), 'plan.json');
    const c = copyOutsideRegion(g, res(g, 'aws_s3_bucket.main'));
    expect(c.state).toBe('yes');
    if (c.state === 'yes') expect(c.copy.placement).toBe('unstated');
  });
});
