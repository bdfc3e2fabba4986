/**
 * cdktf cross-stack references join within one cdktf.out: a bucket in a data stack that a trail in
 * the audit stack selects (through the output + terraform_remote_state cdktf generates) is covered
 * (AUD-04); the same stacks from two different cdktf.out directories, or as loose files, never join
 * (the selector stays a reference phikit cannot follow: unknown).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App, TerraformStack } from 'cdktf';
import { Graph } from '../../policies/model/graph';
import { loadInputs } from '../../policies/model/load';
import { runCheck } from '../../policies/pipeline';

function synthTwoStacks(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-xstack-'));
  const app = new App({ outdir, stackTraces: false });
  const data = new TerraformStack(app, 'data');
  new AwsProvider(data, 'aws', { region: 'us-east-1' });
  const docs = new S3Bucket(data, 'docs', { bucketPrefix: 'docs-', tags: { DataClass: 'PHI' } });
  new S3Bucket(data, 'other', { bucketPrefix: 'other-', tags: { DataClass: 'PHI' } });
  const audit = new TerraformStack(app, 'audit');
  new AwsProvider(audit, 'aws', { region: 'us-east-1' });
  new Cloudtrail(audit, 'trail', {
    name: 'org',
    s3BucketName: 'trail-bucket',
    eventSelector: [{ readWriteType: 'All', includeManagementEvents: true, dataResource: [{ type: 'AWS::S3::Object', values: [`${docs.arn}/`] }] }],
  });
  app.synth();
  return outdir;
}

const aud04 = (paths: string[]) =>
  Object.fromEntries(
    runCheck(paths, { rule: ['AUD-04'] })
      .result.findings.filter((f) => f.address.startsWith('aws_s3_bucket.'))
      .map((f) => [`${f.stack}:${f.address}`, f.status]),
  );

describe('cdktf cross-stack references', () => {
  const out = synthTwoStacks();

  it('resolve from the consuming stack to the resource in the producing stack', () => {
    const graph = Graph.from(loadInputs([out]));
    const trail = graph.ofType('aws_cloudtrail')[0];
    const selector = JSON.stringify(trail.values.event_selector);
    const ref = /data\.terraform_remote_state\.[\w-]+\.outputs\.[\w-]+/.exec(selector)?.[0];
    expect(ref).toBeDefined();
    const targets = graph.resolveRef(trail, ref!) ?? [];
    expect(targets.map((r) => `${r.unit.stack}:${r.address}`)).toEqual(['data:aws_s3_bucket.docs']);
  });

  it('let a trail in the audit stack cover the data stack bucket it selects (AUD-04), and only that one', () => {
    expect(aud04([out])).toEqual({ 'data:aws_s3_bucket.docs': 'pass', 'data:aws_s3_bucket.other': 'fail' });
  });

  it('never join across two cdktf.out directories or loose stack files', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-xstack-copy-'));
    fs.cpSync(out, copy, { recursive: true });
    // The audit stack of one output and the data stack of another: same backend paths, other directory.
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
    delete manifest.stacks.data;
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
    const manifest2 = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const dataOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-xstack-data-'));
    fs.cpSync(out, dataOnly, { recursive: true });
    delete manifest2.stacks.audit;
    fs.writeFileSync(path.join(dataOnly, 'manifest.json'), JSON.stringify(manifest2));
    // Unjoined, the trail's selector is a reference phikit cannot follow: unknown, never a pass.
    expect(aud04([copy, dataOnly])).toEqual({ 'data:aws_s3_bucket.docs': 'unknown', 'data:aws_s3_bucket.other': 'unknown' });
    const loose = [path.join(out, 'stacks/data/cdk.tf.json'), path.join(out, 'stacks/audit/cdk.tf.json')];
    expect(aud04(loose)).toEqual({ 'data:aws_s3_bucket.docs': 'unknown', 'data:aws_s3_bucket.other': 'unknown' });
  });
});
