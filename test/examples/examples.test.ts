/**
 * The example platform passes the whole catalogue (with its evidence directory); the legacy
 * stack is flagged once per deliberate flaw; synth-time checks make app.synth() fail.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { applyHipaaChecks, checkStack } from '../../constructs/checks';
import '../../constructs/jest';
import { FLAWS, LegacyInsecureStack } from '../../examples/legacy-insecure/main';
import { buildPlatform, buildSplitPlatform } from '../../examples/phi-data-platform/platform';
import { runCheck } from '../../policies/pipeline';
import { check } from '../support/synth';

const NOW = new Date('2026-11-28T00:00:00Z');
const EVIDENCE = path.resolve(__dirname, '../../examples/phi-data-platform/evidence');

describe('examples/phi-data-platform', () => {
  it('synthesizes into cdktf.out and has zero failing findings across the whole catalogue (with its evidence)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-platform-'));
    const t0 = Date.now();
    const { app, stack } = buildPlatform(outdir);
    applyHipaaChecks(stack);
    app.synth();
    const ms = Date.now() - t0;
    const { result } = runCheck([outdir], { evidenceDir: EVIDENCE, now: NOW });
    const bad = result.findings.filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'unknown');
    expect(bad.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
    expect(result.findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(250);
    // Every strategy has passing findings.
    expect(new Set(result.findings.filter((f) => f.status === 'pass').map((f) => f.strategy))).toEqual(new Set([1, 2, 3, 4, 6, 7, 8, ...(result.findings.some((f) => f.strategy === 5) ? [5] : [])]));
    // Construct waivers show up as waived with their reason.
    const waived = result.findings.filter((f) => f.status === 'waived');
    expect(waived.length).toBeGreaterThan(0);
    for (const w of waived) expect(w.waiver?.reason.length).toBeGreaterThanOrEqual(10);
    console.log(`example platform: synth + synth-time checks ${ms} ms, ${result.findings.length} findings`);
  });

  it('split into a data stack and a security stack (cross-stack reference) synthesizes with both gates on and passes the whole catalogue', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-split-'));
    const { app, data, security } = buildSplitPlatform(outdir);
    applyHipaaChecks(data, { accountRules: false, alongWith: [security], now: NOW });
    applyHipaaChecks(security, { alongWith: [data], now: NOW });
    app.synth();
    const securityJson = fs.readFileSync(path.join(outdir, 'stacks/phi-security/cdk.tf.json'), 'utf8');
    expect(securityJson).toMatch(/terraform_remote_state/);
    const { result } = runCheck([outdir], { evidenceDir: EVIDENCE, now: NOW });
    const bad = result.findings.filter((f) => f.status === 'fail' || f.status === 'error' || f.status === 'unknown');
    expect(bad.map((f) => `${f.ruleId} ${f.stack} ${f.address}: ${f.message}`)).toEqual([]);
    // The trail in the security stack covers the data stack's PHI buckets.
    const aud04 = result.findings.filter((f) => f.ruleId === 'AUD-04' && f.stack === 'phi-data');
    expect(aud04.length).toBeGreaterThanOrEqual(2);
    expect(aud04.every((f) => f.status === 'pass')).toBe(true);
    // Checked alone, the data stack's buckets have no trail: the gate says so.
    const alone = checkStack(data, { accountRules: false, rules: ['AUD-04'], now: NOW });
    expect(alone.findings.filter((f) => f.status === 'fail').length).toBeGreaterThanOrEqual(2);
  });

  it('passes the jest matcher', () => {
    const { stack } = buildPlatform(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-m-')));
    expect(stack).toPassHipaaChecks({ now: NOW });
  });
});

describe('examples/legacy-insecure', () => {
  const app = Testing.app();
  const stack = new LegacyInsecureStack(app, 'legacy-insecure');
  const result = check(stack);
  it.each(FLAWS.map((f) => [f.flaw, f.rule, f.address]))('flags "%s" as %s on %s', (_flaw, rule, address) => {
    const hits = result.findings.filter((f) => f.ruleId === rule && f.address === address && f.status === 'fail');
    expect(hits).toHaveLength(1);
  });
  it('fails the jest matcher', () => {
    expect(stack).not.toPassHipaaChecks();
  });
});

describe('applyHipaaChecks', () => {
  it('makes app.synth() fail with an error annotation on the offending construct, and only once per synth', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-aspect-')), stackTraces: false });
    const stack = new LegacyInsecureStack(app, 'legacy');
    applyHipaaChecks(stack, { accountRules: false });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/Encountered Annotations with level "ERROR"/);
    expect(message).toMatch(/\[legacy\/records[^\]]*\] \[phikit ENC-01\]/);
    expect(message.match(/\[phikit ENC-01\]/g)).toHaveLength(1);
  });

  describe('a finding known only after apply (key rotation from a variable)', () => {
    const synthWith = (strict: boolean) => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-unknown-')) });
      const stack = new TerraformStack(app, 'vars');
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      const rotate = new TerraformVariable(stack, 'rotate', { type: 'bool' });
      const key = new KmsKey(stack, 'key', { enableKeyRotation: rotate.booleanValue, deletionWindowInDays: 30 });
      applyHipaaChecks(stack, { accountRules: false, rules: ['ENC-02'], strict });
      let error = '';
      try {
        app.synth();
      } catch (e) {
        error = (e as Error).message;
      }
      const notes = key.node.metadata.filter((m) => String(m.data).includes('[phikit ENC-02]'));
      return { error, notes };
    };

    it('is a warning on the construct (synth succeeds), recorded without a stack trace', () => {
      const { error, notes } = synthWith(false);
      expect(error).toBe('');
      expect(notes.map((m) => m.type)).toEqual(['@cdktf/warn']);
      expect(notes[0].trace).toBeUndefined();
    });

    it('is an error with strict: true, and synth fails', () => {
      const { error, notes } = synthWith(true);
      expect(notes.map((m) => m.type)).toEqual(['@cdktf/error']);
      expect(error).toMatch(/\[phikit ENC-02\]/);
    });
  });

  it('passes a compliant stack and does not run account rules when told not to', () => {
    const { stack } = buildPlatform(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-ok-')));
    new S3BucketVersioningA(stack, 'stray', { bucket: 'x', versioningConfiguration: { status: 'Enabled' } });
    const r = checkStack(stack, { accountRules: false, now: NOW });
    expect(r.findings.some((f) => f.address === '(account)')).toBe(false);
    expect(r.findings.filter((f) => f.status === 'fail')).toEqual([]);
  });
});
