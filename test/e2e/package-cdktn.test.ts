/**
 * A fresh CDK Terrain project with only cdktn, constructs and @cdktn/provider-aws installed (no
 * cdktf anywhere in it) installs the phikit tarball, compiles an app importing `phikit/cdktn`,
 * synthesizes a stack of phikit constructs, and the synth-time gate fails a raw unencrypted bucket.
 * Needs npm with the registry or its cache; skipped with the reason printed otherwise.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TSC, npmSkipReason, run } from '../support/npm';

const ROOT = path.resolve(__dirname, '../..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const PINNED = ['cdktn', 'constructs', '@cdktn/provider-aws'].map((n) => `${n}@${PKG.devDependencies[n]}`);
jest.setTimeout(400_000);

const reason = npmSkipReason(PINNED[0], ROOT);
if (reason) console.warn(`skipped the CDK Terrain package test: ${reason}`);

const APP = `declare const process: { argv: string[] };
import { App, TerraformStack } from 'cdktn';
import { AwsProvider } from '@cdktn/provider-aws/lib/provider';
import { S3Bucket } from '@cdktn/provider-aws/lib/s3-bucket';
import { HipaaBucket, HipaaKmsKey, HipaaLogGroup, applyHipaaChecks } from 'phikit/cdktn';

const [mode, outdir] = process.argv.slice(2);
const app = new App({ outdir, stackTraces: false });
const stack = new TerraformStack(app, 'claims');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
const key = new HipaaKmsKey(stack, 'claims-key', { description: 'claims PHI' });
new HipaaBucket(stack, 'claims-intake', { kmsKey: key });
new HipaaLogGroup(stack, 'claims-logs', { name: '/claims/app', kmsKey: key });
if (mode === 'raw') new S3Bucket(stack, 'raw', { bucket: 'claims-raw-unencrypted' });
applyHipaaChecks(stack, { accountRules: false, strategies: [1, 2] });
app.synth();
`;

(reason ? describe.skip : describe)('phikit/cdktn in a CDK Terrain project', () => {
  let work = '';
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('installs next to cdktn alone, compiles, synthesizes and gates', () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cdktn/index.js'))) throw new Error('dist/cdktn is missing: run `npm run build` first');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-cdktn-pkg-'));
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    expect(pack.code).toBe(0);
    const [info] = JSON.parse(pack.out.slice(pack.out.indexOf('[')));
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    for (const f of ['dist/cdktn/index.js', 'dist/cdktn/index.d.ts', 'dist/cdktn/jest.js', 'dist/cdktn/checks.js']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('dist/cdktn/examples/'))).toEqual([]);

    const project = path.join(work, 'claims-cdktn');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'claims-cdktn', version: '1.0.0', private: true }));
    fs.writeFileSync(path.join(project, 'src/app.ts'), APP);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, outDir: 'dist', skipLibCheck: true, types: [] }, include: ['src'] }));
    const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-exact', '--engine-strict=false', path.join(work, info.filename), ...PINNED], project);
    expect(install.code).toBe(0);
    // Nothing of cdktf in this project: phikit/cdktn must not need it.
    expect(fs.existsSync(path.join(project, 'node_modules/cdktf'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules/@cdktf'))).toBe(false);

    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], project);
    expect(tsc).toEqual({ code: 0, out: '' });
    const raw = run(process.execPath, ['dist/app.js', 'raw', 'out-raw'], project);
    expect(raw.code).not.toBe(0);
    expect(raw.out).toMatch(/\[claims\/raw\] \[phikit ENC-01\]/);
    const good = run(process.execPath, ['dist/app.js', 'good', 'out-good'], project);
    expect(good).toEqual({ code: 0, out: '' });
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'out-good/manifest.json'), 'utf8')) as { version: string };
    expect(manifest.version).toMatch(/^0\.2[4-9]/);
    const check = run('npx', ['--no-install', 'phikit', 'check', 'out-good', '--strategy', '1', '2', '--format', 'json'], project);
    const findings = (JSON.parse(check.out).findings as { ruleId: string; address: string; status: string }[]).filter((f) => f.address !== '(account)');
    expect(findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
  });
});
