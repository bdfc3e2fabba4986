/**
 * The synth-time gate is never silently off: with the stack's cdktf being another copy than the
 * one phikit loaded (a folder install), and with validations skipped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { applyHipaaChecks, HipaaChecksFailedError } from '../../constructs/checks';

type Cdktf = typeof import('cdktf');
/** A second, separate copy of cdktf (its own module instances, its own aspect symbol). */
function secondCdktf(): Cdktf {
  let copy: Cdktf | undefined;
  jest.isolateModules(() => {
    copy = require('cdktf') as Cdktf;
  });
  if (!copy || copy.TerraformStack === TerraformStack) throw new Error('jest.isolateModules did not give a second copy of cdktf');
  return copy;
}
const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-gate-'));
const synthError = (app: { synth(): void }) => {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('applyHipaaChecks with a second copy of cdktf', () => {
  it('still fails synth on a raw unencrypted bucket, on that bucket', () => {
    const other = secondCdktf();
    const app = new other.App({ outdir: outdir(), stackTraces: false });
    const stack = new other.TerraformStack(app, 'claims');
    expect(stack instanceof TerraformStack).toBe(false);
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new S3Bucket(stack, 'raw', { bucket: 'claims-raw' });
    applyHipaaChecks(stack as unknown as TerraformStack, { accountRules: false, rules: ['ENC-01'] });
    const message = synthError(app);
    expect(message).toMatch(/Encountered Annotations with level "ERROR"/);
    expect(message).toMatch(/\[claims\/raw\] \[phikit ENC-01\]/);
  });

  it('throws when the stack is written with validations skipped, naming the finding', () => {
    const other = secondCdktf();
    const app = new other.App({ outdir: outdir(), stackTraces: false, skipValidation: true });
    const stack = new other.TerraformStack(app, 'claims');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new S3Bucket(stack, 'raw', { bucket: 'claims-raw' });
    applyHipaaChecks(stack as unknown as TerraformStack, { accountRules: false, rules: ['ENC-01'] });
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HipaaChecksFailedError);
    expect((error as Error).message).toMatch(/ENC-01/);
    expect((error as Error).message).toMatch(/\[claims\/raw\]/);
  });

  it('lets a compliant stack synthesize and writes its JSON', () => {
    const other = secondCdktf();
    const dir = outdir();
    const app = new other.App({ outdir: dir, stackTraces: false });
    const stack = new other.TerraformStack(app, 'ok');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    applyHipaaChecks(stack as unknown as TerraformStack, { accountRules: false, rules: ['ENC-01'] });
    expect(synthError(app)).toBe('');
    expect(fs.existsSync(path.join(dir, 'stacks/ok/cdk.tf.json'))).toBe(true);
  });
});

describe('applyHipaaChecks options', () => {
  const raw = (id: string) => {
    const app = new App({ outdir: outdir(), stackTraces: false });
    const stack = new TerraformStack(app, id);
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new S3Bucket(stack, 'raw', { bucket: 'claims-raw' });
    return { app, stack };
  };

  it('applies a waivers file: a waived finding does not fail synth, an expired one does', () => {
    const file = path.join(outdir(), 'waivers.yaml');
    const waiver = (expires: string) =>
      `version: 1\nwaivers:\n  - rule: ENC-01\n    resource: aws_s3_bucket.raw\n    reason: Public marketing assets, no PHI, reviewed.\n    approved_by: security@example.org\n    expires: ${expires}\n`;
    fs.writeFileSync(file, waiver('2027-03-31'));
    const ok = raw('w');
    applyHipaaChecks(ok.stack, { accountRules: false, rules: ['ENC-01'], waivers: file, now: new Date('2026-12-01T00:00:00Z') });
    expect(synthError(ok.app)).toBe('');
    const late = raw('w');
    applyHipaaChecks(late.stack, { accountRules: false, rules: ['ENC-01'], waivers: file, now: new Date('2027-04-02T00:00:00Z') });
    expect(synthError(late.app)).toMatch(/\[phikit ENC-01\]/);
  });

  it('checks only the selected strategies', () => {
    const { app, stack } = raw('s');
    applyHipaaChecks(stack, { accountRules: false, strategies: [4] });
    expect(synthError(app)).toBe('');
  });

  it('is applied once even when called twice', () => {
    const { app, stack } = raw('twice');
    applyHipaaChecks(stack, { accountRules: false, rules: ['ENC-01'] });
    applyHipaaChecks(stack, { accountRules: false, rules: ['ENC-01'] });
    expect(synthError(app).match(/\[phikit ENC-01\]/g)).toHaveLength(1);
  });

  it('refuses what is not a stack', () => {
    expect(() => applyHipaaChecks({} as TerraformStack)).toThrow(/not a cdktf TerraformStack/);
  });
});

describe('applyHipaaChecks level', () => {
  it("'required' turns failing recommended findings into warnings and keeps required ones errors", () => {
    const build = () => {
      const app = new App({ outdir: outdir(), stackTraces: false });
      const stack = new TerraformStack(app, 'lvl');
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      const b = new S3Bucket(stack, 'raw', { bucket: 'claims-raw' });
      return { app, stack, b };
    };
    // ENC-02b (7-day deletion window) is recommended; ENC-01 is required.
    const { KmsKey } = require('@cdktf/provider-aws/lib/kms-key') as typeof import('@cdktf/provider-aws/lib/kms-key');
    const a = build();
    const key = new KmsKey(a.stack, 'k', { enableKeyRotation: true, deletionWindowInDays: 7 });
    applyHipaaChecks(a.stack, { accountRules: false, rules: ['ENC-01', 'ENC-02b'], level: 'required' });
    const message = synthError(a.app);
    expect(message).toMatch(/\[phikit ENC-01\]/);
    expect(message).not.toMatch(/ENC-02b/);
    expect(key.node.metadata.filter((m) => String(m.data).includes('[phikit ENC-02b]')).map((m) => m.type)).toEqual(['@cdktf/warn']);
    const b = build();
    new KmsKey(b.stack, 'k', { enableKeyRotation: true, deletionWindowInDays: 7 });
    applyHipaaChecks(b.stack, { accountRules: false, rules: ['ENC-02b'] });
    expect(synthError(b.app)).toMatch(/\[phikit ENC-02b\]/);
  });
});
