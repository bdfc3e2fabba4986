/**
 * phikit as a dependency of someone else's project, installed the two ways a platform team does:
 *
 * 1. from the `npm pack` tarball (what a registry install gives), into a fresh temporary project
 *    with cdktf, constructs and @cdktf/provider-aws at the versions phikit pins;
 * 2. from a folder (`npm install ../phikit`, a `file:` dependency): a symlink to this checkout,
 *    whose own node_modules holds a second copy of cdktf and constructs.
 *
 * Each time a small TypeScript app importing `phikit/constructs` (and the checker API from
 * `phikit`, and the `phikit/constructs/jest` matcher) is compiled and synthesized: the synth-time
 * gate must fail a raw unencrypted bucket, pass a HipaaBucket, and `npx phikit check` must read
 * the output. Also: the tarball ships no tests, benches, examples or CI files.
 *
 * Needs npm and the registry or the local npm cache (`--prefer-offline`); skipped, with the reason
 * printed, when npm cannot resolve the pinned packages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TSC, npmSkipReason, run } from '../support/npm';

const ROOT = path.resolve(__dirname, '../..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PINNED = ['cdktf', 'constructs', '@cdktf/provider-aws'].map((n) => `${n}@${PKG.devDependencies[n]}`);
jest.setTimeout(300_000);

const reason = npmSkipReason(PINNED[0], ROOT);
if (reason) console.warn(`skipped the package install end-to-end test: ${reason}`);

const APP = `declare const process: { argv: string[] };
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { HipaaBucket, HipaaKmsKey, applyHipaaChecks } from 'phikit/constructs';

const [mode, outdir] = process.argv.slice(2);
const app = new App({ outdir, stackTraces: false });
const stack = new TerraformStack(app, 'claims');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
const key = new HipaaKmsKey(stack, 'claims-key', { description: 'claims PHI' });
new HipaaBucket(stack, 'claims-intake', { kmsKey: key });
if (mode === 'raw') new S3Bucket(stack, 'raw', { bucket: 'claims-raw-unencrypted' });
applyHipaaChecks(stack, { accountRules: false, strategies: [1, 2] });
app.synth();
`;
// The checker API and the jest matcher's types, compiled (not run) against the installed package.
const API = `import { RULES, runCheck, type Finding } from 'phikit';
import type { HipaaBucketProps } from 'phikit/constructs';
import 'phikit/constructs/jest';
export const count: number = RULES.length;
export const props: HipaaBucketProps = { versioned: true };
export function failing(dir: string): Finding[] {
  return runCheck([dir], {}).result.findings.filter((f) => f.status === 'fail');
}
declare const expect: (x: unknown) => jest.Matchers<void>;
export const matcher = (s: unknown) => expect(s).toPassHipaaChecks({ accountRules: false });
`;

(reason ? describe.skip : describe)('phikit installed into another project', () => {
  let work = '';
  let project = '';
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist/constructs/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-pkg-'));
    project = path.join(work, 'claims-app');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'claims-app', version: '1.0.0', private: true }));
    fs.writeFileSync(path.join(project, 'src/app.ts'), APP);
    fs.writeFileSync(path.join(project, 'src/api.ts'), API);
    const compilerOptions = { target: 'ES2022', strict: true, outDir: 'dist', skipLibCheck: true, types: [] as string[] };
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' }, include: ['src'] }));
    // Projects still on the classic resolver find the subpath types through typesVersions.
    fs.writeFileSync(path.join(project, 'tsconfig.node10.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'commonjs', moduleResolution: 'node', noEmit: true }, include: ['src'] }));
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('packs a tarball without tests, benches, examples or CI files', () => {
    const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(r.code).toBe(0);
    const [info] = JSON.parse(r.out.slice(r.out.indexOf('[')));
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => /^(test|bench|\.ci|examples|dist\/(test|bench|examples))\//.test(f) || /\.test\.[jt]s$/.test(f))).toEqual([]);
    for (const f of ['package.json', 'bin/phikit.js', 'dist/policies/index.js', 'dist/policies/index.d.ts', 'dist/constructs/index.js', 'dist/constructs/jest.js', 'dist/constructs/jest.d.ts', 'policies/schemas/waivers.schema.json']) {
      expect(files).toContain(f);
    }
    expect(files.length).toBeLessThan(900);
    fs.renameSync(path.join(work, info.filename), path.join(work, 'phikit.tgz'));
  });

  const exercise = () => {
    for (const tsconfig of ['tsconfig.json', 'tsconfig.node10.json']) {
      const tsc = run(process.execPath, [TSC, '-p', tsconfig], project);
      expect({ tsconfig, ...tsc }).toEqual({ tsconfig, code: 0, out: '' });
    }
    // The gate fails a raw unencrypted bucket, naming it and the rule.
    const raw = run(process.execPath, ['dist/app.js', 'raw', 'out-raw'], project);
    expect(raw.code).not.toBe(0);
    expect(raw.out).toMatch(/\[claims\/raw\] \[phikit ENC-01\]/);
    expect(fs.existsSync(path.join(project, 'out-raw/stacks/claims/cdk.tf.json'))).toBe(false);
    // A HipaaBucket passes it, and the CLI checks what was written.
    const good = run(process.execPath, ['dist/app.js', 'good', 'out-good'], project);
    expect(good).toEqual({ code: 0, out: '' });
    const check = run('npx', ['--no-install', 'phikit', 'check', 'out-good', '--strategy', '1', '2', '--format', 'json'], project);
    // Account-level rules fail here (this app declares no account baseline); the bucket's pass.
    expect(check.code).toBe(1);
    const findings = (JSON.parse(check.out).findings as { ruleId: string; address: string; status: string }[]).filter((f) => f.address !== '(account)');
    expect(findings.length).toBeGreaterThan(10);
    expect(findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
    // The same output with the raw bucket (synth forced through) fails in the CLI too.
    const forced = run(process.execPath, ['dist/app.js', 'raw', 'out-forced'], project, { CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: '1' });
    expect(forced.code).toBe(0);
    const failing = run('npx', ['--no-install', 'phikit', 'check', 'out-forced', '--rule', 'ENC-01', '--no-color'], project);
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/aws_s3_bucket\.raw/);
  };

  it('works from the tarball with cdktf, constructs and @cdktf/provider-aws at the pinned versions', () => {
    const t0 = Date.now();
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-exact', path.join(work, 'phikit.tgz'), ...PINNED], project);
    expect(install.code).toBe(0);
    console.log(`package e2e: npm install of the tarball + ${PINNED.join(' ')} in ${Date.now() - t0} ms`);
    exercise();
  });

  it('works from a folder install, where phikit loads its own second copy of cdktf', () => {
    const link = path.join(project, 'node_modules/phikit');
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(ROOT, link, 'dir');
    const theirs = require.resolve('cdktf', { paths: [project] });
    const ours = fs.realpathSync(require.resolve('cdktf', { paths: [fs.realpathSync(ROOT)] }));
    expect(fs.realpathSync(theirs)).not.toBe(ours);
    exercise();
  });
});
