/**
 * Offline end-to-end: synthesize the example platform, `terraform init` + `validate` + `plan` it
 * against the machine's provider mirror (fake credentials; a local stub answers STS
 * GetCallerIdentity), `terraform show -json`, and check the plan with phikit: zero failing
 * findings and the same (rule, address, status) results as for the synth JSON.
 * Skipped, with the reason printed, where terraform or the hashicorp/aws mirror is absent.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';
import { buildPlatform } from '../../examples/phi-data-platform/platform';
import { offlineEnv, offlineStack, startStsStub, terraformIn, terraformSkipReason } from '../support/terraform';

const { reason, mirror } = terraformSkipReason();
if (reason) console.warn(`skipped the terraform end-to-end test: ${reason}`);

(reason ? describe.skip : describe)('terraform init + validate + plan of the example platform (offline)', () => {
  let sts: Awaited<ReturnType<typeof startStsStub>>;
  beforeAll(async () => {
    sts = await startStsStub();
  });
  afterAll(() => sts.close());

  it('plans cleanly and phikit gives the plan the same results as the synth JSON', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-e2e-'));
    const outdir = path.join(work, 'cdktf.out');
    const { app } = buildPlatform(outdir);
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'phi-platform');
    // Terraform working copy: the mirror's provider version, no backend, offline provider settings.
    const doc = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    offlineStack(doc, mirror!, sts.port);
    delete doc.terraform.backend;
    const tfDir = path.join(work, 'tf');
    fs.mkdirSync(tfDir);
    fs.writeFileSync(path.join(tfDir, 'main.tf.json'), JSON.stringify(doc));
    const tf = terraformIn(tfDir, offlineEnv(work, mirror!));
    const t0 = Date.now();
    await tf('init', '-input=false', '-no-color');
    expect(JSON.parse(await tf('validate', '-json', '-no-color')).valid).toBe(true);
    await tf('plan', '-input=false', '-lock=false', '-refresh=false', '-no-color', '-out=tfplan');
    const planFile = path.join(work, 'plan.json');
    fs.writeFileSync(planFile, await tf('show', '-json', 'tfplan'));
    console.log(`terraform init + validate + plan + show: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const now = new Date('2026-11-28T00:00:00Z');
    const evidenceDir = path.resolve(__dirname, '../../examples/phi-data-platform/evidence');
    const fromPlan = runCheck([planFile], { evidenceDir, now, synth: [outdir] }).result;
    const fromSynth = runCheck([outdir], { evidenceDir, now }).result;
    expect(fromPlan.units[0].format).toBe('plan');
    expect(fromPlan.findings.filter((f) => ['fail', 'error', 'unknown'].includes(f.status)).map((f) => `${f.ruleId} ${f.address} ${f.status}: ${f.message}`)).toEqual([]);
    // ENC-02c judges planned actions, which only a plan has.
    const key = (f: { ruleId: string; address: string; status: string }) => `${f.ruleId} ${f.address} ${f.status}`;
    const planKeys = fromPlan.findings.filter((f) => f.ruleId !== 'ENC-02c').map(key).sort();
    const synthKeys = fromSynth.findings.map(key).sort();
    expect(planKeys).toEqual(synthKeys);

    // Without the synth output, construct waivers are lost and policies built from references are unknown.
    const planAlone = runCheck([planFile], { evidenceDir, now }).result;
    const aloneFails = planAlone.findings.filter((f) => f.status === 'fail');
    // TRN-05 cross-checks the decision register against those same (now unwaived) failures.
    expect(aloneFails.filter((f) => f.ruleId !== 'TRN-05' && !fromSynth.findings.some((s) => s.ruleId === f.ruleId && s.address === f.address && s.status === 'waived')).map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  }, 300_000);
});
