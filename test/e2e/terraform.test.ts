/**
 * Offline end-to-end: synthesize the example platform, `terraform init` + `validate` + `plan` it
 * against the machine's provider mirror (fake credentials; a local stub answers STS
 * GetCallerIdentity), `terraform show -json`, and check the plan with phikit: zero failing
 * findings and the same (rule, address, status) results as for the synth JSON.
 * Skipped, with the reason printed, where terraform or the hashicorp/aws mirror is absent.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';
import { buildPlatform } from '../../examples/phi-data-platform/platform';

function findMirror(): { root: string; version: string } | undefined {
  const candidates = [process.env.PHIKIT_TF_MIRROR, '/opt/tf-plugins', path.join(os.homedir(), '.terraform.d/plugins'), '/usr/share/terraform/plugins'].filter((x): x is string => !!x);
  for (const root of candidates) {
    const dir = path.join(root, 'registry.terraform.io', 'hashicorp', 'aws');
    if (fs.existsSync(dir)) {
      const version = fs.readdirSync(dir).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort().pop();
      if (version) return { root, version };
    }
  }
  return undefined;
}

const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const mirror = findMirror();
const reason = !hasTerraform ? 'terraform is not installed' : !mirror ? 'no hashicorp/aws provider mirror found (set PHIKIT_TF_MIRROR)' : '';
if (reason) console.warn(`skipped the terraform end-to-end test: ${reason}`);

const STS = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

(reason ? describe.skip : describe)('terraform init + validate + plan of the example platform (offline)', () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(STS);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('plans cleanly and phikit gives the plan the same results as the synth JSON', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-e2e-'));
    const outdir = path.join(work, 'cdktf.out');
    const { app } = buildPlatform(outdir);
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'phi-platform');
    // Terraform working copy: the mirror's provider version, no backend, offline provider settings.
    const doc = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    doc.terraform.required_providers.aws = { source: 'hashicorp/aws', version: mirror!.version };
    delete doc.terraform.backend;
    for (const p of doc.provider.aws) {
      Object.assign(p, { access_key: 'AKIAEXAMPLE', secret_key: 'example', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true, endpoints: [{ sts: `http://127.0.0.1:${port}` }] });
    }
    const tfDir = path.join(work, 'tf');
    fs.mkdirSync(tfDir);
    fs.writeFileSync(path.join(tfDir, 'main.tf.json'), JSON.stringify(doc));
    const rc = path.join(work, 'terraform.rc');
    fs.writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = "${mirror!.root}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`);
    const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: '1', AWS_EC2_METADATA_DISABLED: 'true', CHECKPOINT_DISABLE: '1' };
    // Asynchronous, so the in-process STS stub can answer while terraform runs.
    const tf = async (...args: string[]) => (await promisify(execFile)('terraform', args, { cwd: tfDir, env, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
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
