/**
 * The CDK Terrain entry point (`phikit/cdktn`, generated into cdktn/ by scripts/gen-cdktn.js from
 * the one construct source): the example platform synthesizes with cdktn + @cdktn/provider-aws
 * (hashicorp/aws 6.x bindings) and passes the catalogue as the cdktf build does; the synth-time
 * gate fails a raw unencrypted bucket; the jest matcher works.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { S3BucketReplicationConfigurationA } from '@cdktn/provider-aws/lib/s3-bucket-replication-configuration';
import { S3BucketVersioningA } from '@cdktn/provider-aws/lib/s3-bucket-versioning';
import { App, TerraformStack } from 'cdktn';
import { applyHipaaChecks } from '../../cdktn/checks';
import { buildPlatform } from '../../cdktn/examples/phi-data-platform/platform';
import '../../cdktn/jest';
import { evaluate } from '../../policies/engine/evaluate';
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { runCheck } from '../../policies/pipeline';
import { RULES } from '../../policies/rules';

const NOW = new Date('2026-11-28T00:00:00Z');
const EVIDENCE = path.resolve(__dirname, '../../examples/phi-data-platform/evidence');
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));

describe('phikit/cdktn (CDK Terrain)', () => {
  it('the generated tree imports only cdktn and @cdktn/provider-aws, never cdktf', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.resolve(__dirname, '../../cdktn'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text).not.toMatch(/(from|require\(|import\()\s*['"](cdktf|@cdktf\/)/);
      // Every relative import stays inside the cdktn tree or reaches the shared checker (policies/).
      for (const m of text.matchAll(/(?:from|require\(|import\()\s*['"](\.[^'"]+)['"]/g)) {
        const target = path.resolve(path.dirname(f), m[1]);
        const rel = path.relative(path.resolve(__dirname, '../..'), target).split(path.sep)[0];
        expect(['cdktn', 'policies']).toContain(rel);
      }
    }
  });

  it('synthesizes the example platform with cdktn and has zero failing findings (with its evidence)', () => {
    const outdir = tmp('phikit-cdktn-platform-');
    const { app, stack } = buildPlatform(outdir);
    applyHipaaChecks(stack);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { version: string };
    expect(manifest.version).toMatch(/^0\.2[4-9]/); // written by cdktn, not cdktf 0.21
    const { result } = runCheck([outdir], { evidenceDir: EVIDENCE, now: NOW });
    const bad = result.findings.filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'unknown');
    expect(bad.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
    expect(result.findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(250);
  });

  it('makes app.synth() fail on a raw unencrypted bucket', () => {
    const app = new App({ outdir: tmp('phikit-cdktn-gate-'), stackTraces: false });
    const stack = new TerraformStack(app, 'raw');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new S3Bucket(stack, 'records', { bucket: 'claims-records', tags: { DataClass: 'PHI' } });
    applyHipaaChecks(stack, { accountRules: false });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Encountered Annotations with level "ERROR"/);
    expect(message).toMatch(/\[phikit ENC-01\]/);
  });

  it('the jest matcher passes the platform stack and fails the raw bucket', () => {
    const { stack } = buildPlatform(tmp('phikit-cdktn-m-'));
    expect(stack).toPassHipaaChecks({ now: NOW });
    const app = new App({ outdir: tmp('phikit-cdktn-m2-') });
    const raw = new TerraformStack(app, 'raw');
    new AwsProvider(raw, 'aws', { region: 'us-east-1' });
    new S3Bucket(raw, 'records', { bucket: 'claims-records' });
    expect(raw).not.toPassHipaaChecks({ accountRules: false });
  });

  /** A PHI bucket replicated to a DR bucket placed with the hashicorp/aws 6 per-resource `region` argument (no provider alias). */
  function replicated(drRegion: string) {
    const app = new App({ outdir: tmp('phikit-cdktn-region-') });
    const stack = new TerraformStack(app, 'dr');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const phi = new S3Bucket(stack, 'phi', { bucket: 'claims-phi', tags: { DataClass: 'PHI' } });
    const dr = new S3Bucket(stack, 'phi-dr', { bucket: 'claims-phi-dr', region: drRegion, tags: { DataClass: 'PHI' } });
    const v1 = new S3BucketVersioningA(stack, 'v1', { bucket: phi.id, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketVersioningA(stack, 'v2', { bucket: dr.id, region: drRegion, versioningConfiguration: { status: 'Enabled' } });
    new S3BucketReplicationConfigurationA(stack, 'rep', {
      bucket: phi.id,
      role: 'arn:aws:iam::111122223333:role/replication',
      rule: [{ id: 'all', status: 'Enabled', destination: { bucket: dr.arn } }],
      dependsOn: [v1],
    });
    const text = JSON.stringify(stack.toTerraform());
    const result = evaluate(Graph.from([parseDocument(JSON.parse(text), 'dr/cdk.tf.json', text, 'dr')]), { rules: RULES, ruleIds: ['BAK-10a'], now: NOW });
    return result.findings.find((f) => f.address === 'aws_s3_bucket.phi');
  }

  it('regional rules read the per-resource region of cdktn synth output (hashicorp/aws 6)', () => {
    const other = replicated('us-west-2');
    expect(other?.status).toBe('pass');
    expect(other?.message).toContain('us-east-1 → us-west-2');
    const same = replicated('us-east-1');
    expect(same?.status).toBe('fail');
    expect(same?.message).toMatch(/stay in its region/);
  });
});
