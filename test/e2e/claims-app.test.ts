/**
 * A new user's app end to end, offline: examples/claims-app (written only against
 * `phikit/constructs`) is synthesized with the synth-time gate, checked as `phikit check
 * cdktf.out` checks it (runCheck, the CLI's library call) with zero failing required findings,
 * then `terraform init` + `validate` runs for each of its two stacks and `plan` for the audit
 * stack (both with PHIKIT_E2E_PLAN_ALL=1; see PLANNED) against the machine's hashicorp/aws mirror,
 * and the plan JSON is checked with the synth output beside it (`phikit check audit.plan.json
 * --synth cdktf.out`): zero failing required findings again.
 *
 * Offline setup (what a user's CI would do without AWS):
 * - provider blocks get fake credentials, skip_* flags and an STS endpoint served by a local stub
 *   that answers GetCallerIdentity (the constructs read the account id);
 * - `required_providers.aws` is pinned to the mirror's version;
 * - cross-stack remote state: cdktf gives each stack a local backend and the audit stack a
 *   `terraform_remote_state` data source reading the data stack's local state file. Both paths
 *   are pointed into the test's temporary folder, and the data stack's state file is FAKED: a
 *   version-4 state with no resources and the cross-stack outputs cdktf declared (the PHI bucket
 *   ARNs, as placeholder ARNs), which is what `terraform apply` of the data stack would leave.
 *   So the consumer stack plans without the producer ever being applied.
 * Skipped, with the reason printed, where terraform or the hashicorp/aws mirror is absent.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildClaimsApp } from '../../examples/claims-app/app';
import type { Finding } from '../../policies/engine/types';
import { runCheck } from '../../policies/pipeline';
import { offlineEnv, offlineStack, startStsStub, terraformIn, terraformSkipReason } from '../support/terraform';

const EVIDENCE = path.resolve(__dirname, '../../examples/claims-app/evidence');
const NOW = new Date('2026-12-02T00:00:00Z');
const STACKS = ['claims-data', 'claims-audit'] as const;
/**
 * Stacks planned. Planning both took 117 s here (data 66 s, audit 52 s on the shared 2-core
 * machine), over the ~60 s budget, so by default only the consumer stack is planned (the one that
 * needs the faked remote state); PHIKIT_E2E_PLAN_ALL=1 plans both (init + validate run for both always).
 */
const PLANNED: readonly string[] = process.env.PHIKIT_E2E_PLAN_ALL === '1' ? STACKS : ['claims-audit'];

const failingRequired = (findings: readonly Finding[]) => findings.filter((f) => f.level === 'required' && ['fail', 'error'].includes(f.status)).map((f) => `${f.ruleId} ${f.address}: ${f.message}`);

describe('examples/claims-app: synthesize and check', () => {
  let outdir = '';
  beforeAll(() => {
    outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-claims-')), 'cdktf.out');
    buildClaimsApp({ outdir }).app.synth();
  });

  it('writes two stacks joined by a cross-stack reference, and phikit check finds zero failing required findings', () => {
    const read = (s: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
    const data = read('claims-data');
    const audit = read('claims-audit');
    expect(Object.keys(data.output ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(audit.data?.terraform_remote_state ?? {})).toEqual(['cross-stack-reference-input-claims-data']);
    // What the user asked for: the database accepts only the app security group, by a separate rule.
    const ingress = Object.values(data.resource.aws_vpc_security_group_ingress_rule as Record<string, Record<string, unknown>>).filter((r) => String(r.security_group_id).includes('claims-db_sg'));
    expect(ingress).toEqual([expect.objectContaining({ from_port: 5432, referenced_security_group_id: expect.stringContaining('aws_security_group.app-sg') })]);
    expect(Object.values(data.resource.aws_s3_bucket_replication_configuration ?? {})).toHaveLength(1);
    expect(audit.resource.aws_guardduty_detector).toBeUndefined();
    expect(audit.resource.aws_securityhub_account).toBeUndefined();

    const { findings } = runCheck([outdir], { evidenceDir: EVIDENCE, now: NOW }).result;
    expect(findings.length).toBeGreaterThan(200);
    expect(failingRequired(findings)).toEqual([]);
    expect(findings.filter((f) => f.status === 'fail').map((f) => f.ruleId)).toEqual([]);
    // The data stack's PHI buckets are covered by the audit stack's trail (AUD-04 joins across stacks).
    const aud04 = findings.filter((f) => f.ruleId === 'AUD-04');
    expect(aud04.map((f) => f.status)).toEqual(['pass', 'pass']);
    // Org-managed services show as waived with the recorded reason.
    const ir01 = findings.find((f) => f.ruleId === 'IR-01')!;
    expect(ir01).toMatchObject({ status: 'waived', waiver: { approvedBy: 'cloud-security@example.org', reason: expect.stringContaining('GuardDuty delegated administrator') } });
    expect(findings.find((f) => f.ruleId === 'AUD-14')?.status).toBe('waived');
  });

  it('builds on an existing VPC by id as well', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-claims-vpc-')), 'cdktf.out');
    const { app } = buildClaimsApp({ outdir: dir, existingVpc: { vpcId: 'vpc-0claims', subnetIds: ['subnet-0a', 'subnet-0b'], vpcCidr: '10.40.0.0/16' } });
    app.synth();
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'stacks/claims-data/cdk.tf.json'), 'utf8'));
    expect(data.resource.aws_vpc).toBeUndefined();
    expect(Object.values(data.resource.aws_db_subnet_group)).toEqual([expect.objectContaining({ subnet_ids: ['subnet-0a', 'subnet-0b'] })]);
    const { findings } = runCheck([dir], { evidenceDir: EVIDENCE, now: NOW }).result;
    // AUD-07 (flow logs) belongs to the existing VPC's owner; nothing else may fail.
    expect(failingRequired(findings)).toEqual([]);
  });
});

const { reason, mirror } = terraformSkipReason();
if (reason) console.warn(`skipped the claims-app terraform end-to-end test: ${reason}`);

/** A placeholder for a cross-stack output, from the expression cdktf wrote (`${aws_s3_bucket.x.arn}`). */
function fakeOutput(expr: string, i: number): string {
  const m = /^\$\{(aws_[a-z0-9_]+)\.[^.]+\.([a-z_]+)\}$/.exec(expr);
  if (m?.[1] === 'aws_s3_bucket' && m[2] === 'arn') return `arn:aws:s3:::claims-fake-bucket-${i}`;
  if (m?.[2] === 'arn') return `arn:aws:${m[1].split('_')[1]}:us-east-1:111122223333:claims-fake-${i}`;
  return `claims-fake-${i}`;
}

(reason ? describe.skip : describe)('examples/claims-app: terraform init + validate of both stacks, plan of the consumer stack (offline)', () => {
  let sts: Awaited<ReturnType<typeof startStsStub>>;
  beforeAll(async () => {
    sts = await startStsStub();
  });
  afterAll(() => sts.close());

  it('validates each stack, plans the audit stack over a faked remote state, and phikit check of the plan has zero failing required findings', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-claims-tf-'));
    const outdir = path.join(work, 'cdktf.out');
    buildClaimsApp({ outdir }).app.synth();
    const env = offlineEnv(work, mirror!);
    const stateDir = path.join(work, 'state');
    fs.mkdirSync(stateDir);
    const statePath = (s: string) => path.join(stateDir, `terraform.${s}.tfstate`);

    // Terraform working copies: mirror version, offline provider settings, local state in the work dir.
    const docs = Object.fromEntries(STACKS.map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'))]));
    for (const s of STACKS) {
      const doc = docs[s];
      offlineStack(doc, mirror!, sts.port);
      expect(Object.keys(doc.terraform.backend)).toEqual(['local']);
      doc.terraform.backend = { local: { path: statePath(s) } };
      for (const ref of Object.values((doc.data?.terraform_remote_state ?? {}) as Record<string, { backend: string; config: { path: string } }>)) {
        const producer = STACKS.find((x) => ref.config.path.endsWith(`terraform.${x}.tfstate`));
        expect({ backend: ref.backend, producer }).toEqual({ backend: 'local', producer: 'claims-data' });
        ref.config.path = statePath(producer!);
      }
    }
    // The faked producer state: the outputs the data stack declares for the audit stack, no resources.
    const outputs = Object.entries((docs['claims-data'].output ?? {}) as Record<string, { value: string; sensitive?: boolean }>);
    expect(outputs.length).toBeGreaterThan(0);
    fs.writeFileSync(
      statePath('claims-data'),
      JSON.stringify({
        version: 4,
        terraform_version: '1.11.0',
        serial: 1,
        lineage: '00000000-0000-4000-8000-000000000000',
        outputs: Object.fromEntries(outputs.map(([name, o], i) => [name, { value: fakeOutput(o.value, i), type: 'string', sensitive: !!o.sensitive }])),
        resources: [],
        check_results: null,
      }),
    );
    const faked = fs.readFileSync(statePath('claims-data'), 'utf8');

    const plans: string[] = [];
    const timings: string[] = [];
    for (const s of STACKS) {
      const tfDir = path.join(work, 'tf', s);
      fs.mkdirSync(tfDir, { recursive: true });
      fs.writeFileSync(path.join(tfDir, 'main.tf.json'), JSON.stringify(docs[s]));
      const tf = terraformIn(tfDir, env);
      const t0 = Date.now();
      await tf('init', '-input=false', '-no-color');
      expect(JSON.parse(await tf('validate', '-json', '-no-color'))).toMatchObject({ valid: true, error_count: 0 });
      timings.push(`${s} init + validate ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (!PLANNED.includes(s)) continue;
      const t1 = Date.now();
      await tf('plan', '-input=false', '-lock=false', '-refresh=false', '-no-color', '-out=tfplan');
      const planFile = path.join(work, `${s}.plan.json`);
      fs.writeFileSync(planFile, await tf('show', '-json', 'tfplan'));
      plans.push(planFile);
      timings.push(`${s} plan + show ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    console.log(`claims-app terraform: ${timings.join(', ')}`);
    // Planning never wrote to the faked state (plans are not applied).
    expect(fs.readFileSync(statePath('claims-data'), 'utf8')).toBe(faked);

    // The audit stack's plan read the buckets from the faked remote state: the trail's data events name them.
    const auditPlan = JSON.parse(fs.readFileSync(plans[plans.length - 1], 'utf8'));
    const planned = JSON.stringify(auditPlan.planned_values);
    expect(planned).toContain('cloudtrail');
    expect(JSON.stringify(auditPlan.prior_state ?? {})).toContain('claims-fake-bucket-');

    // phikit check claims-audit.plan.json [claims-data.plan.json] --synth cdktf.out
    const fromPlans = runCheck(plans, { evidenceDir: EVIDENCE, now: NOW, synth: [outdir] }).result;
    expect(fromPlans.units.map((u) => u.format)).toEqual(plans.map(() => 'plan'));
    expect(fromPlans.findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(100);
    // With both plans: the trail's data events hold the FAKED bucket ARNs read from the remote
    // state, which name no bucket of the data plan (whose ARNs are known only after apply), so
    // AUD-04 fails on the data stack's two PHI buckets. That is this test's fake state, not the
    // app (after a real apply of the data stack the ARNs match); reported to the lead as a
    // checker question (a known ARN against an unknown one is arguably unknown, not fail).
    const fakeStateArtifact = (f: string) => plans.length > 1 && /^AUD-04 aws_s3_bucket\.claims-intake/.test(f);
    expect(failingRequired(fromPlans.findings).filter((f) => !fakeStateArtifact(f))).toEqual([]);
  }, 300_000);
});
