/**
 * What importing `phikit/constructs` costs a user's type-check: `tsc --noEmit` of a small cdktf
 * program built from phikit constructs (key, bucket, log group) against the same program written
 * with only the @cdktf/provider-aws deep imports it needs. Each in a scratch project whose
 * node_modules links this package (built: dist/) and its peers; medians of 3 fresh `tsc` runs,
 * elapsed and CPU time, files and memory from `--extendedDiagnostics`. Writes
 * bench/typecheck.json. Run: `npm run build && node dist/bench/typecheck.js` (target ≤ 1.5x).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const REPEAT = Number(process.env.PHIKIT_BENCH_REPEAT ?? 3);

const WITH_PHIKIT = `import { App, TerraformStack } from 'cdktf';
import { HipaaBucket, HipaaKmsKey, HipaaLogGroup } from 'phikit/constructs';

const app = new App();
const stack = new TerraformStack(app, 'phi');
const key = new HipaaKmsKey(stack, 'key', { description: 'PHI data' });
new HipaaBucket(stack, 'data', { kmsKey: key });
new HipaaLogGroup(stack, 'logs', { name: '/phi/app', kmsKey: key });
app.synth();
`;

const DEEP_IMPORTS = `import { App, TerraformStack } from 'cdktf';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';

const app = new App();
const stack = new TerraformStack(app, 'phi');
const key = new KmsKey(stack, 'key', { description: 'PHI data', enableKeyRotation: true, deletionWindowInDays: 30 });
const bucket = new S3Bucket(stack, 'data', { bucketPrefix: 'data-' });
new S3BucketServerSideEncryptionConfigurationA(stack, 'sse', { bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }] });
new S3BucketVersioningA(stack, 'versioning', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
new S3BucketPublicAccessBlock(stack, 'pab', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
new CloudwatchLogGroup(stack, 'logs', { name: '/phi/app', kmsKeyId: key.arn, retentionInDays: 2192 });
app.synth();
`;

function project(name: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `phikit-tsc-${name}-`));
  const nm = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(nm, '@cdktf'), { recursive: true });
  const own = path.join(REPO, 'node_modules');
  fs.symlinkSync(REPO, path.join(nm, 'phikit'));
  for (const dep of ['cdktf', 'constructs', '@cdktf/provider-aws', '@types']) fs.symlinkSync(fs.realpathSync(path.join(own, dep)), path.join(nm, dep));
  fs.writeFileSync(path.join(dir, 'main.ts'), source);
  // What `tsc --init` gives (strict, skipLibCheck), with Node 16 resolution for package exports.
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, esModuleInterop: true, types: [] }, files: ['main.ts'] }));
  return dir;
}

interface Run {
  ms: number;
  cpuMs: number;
  files: number;
  memoryKb: number;
}

/** One `tsc` in a fresh process; its CPU time (user + system) is printed by an exit hook. */
function tsc(dir: string): Run {
  const bin = require.resolve('typescript/bin/tsc', { paths: [REPO] });
  const hook = `process.on('exit', () => { const c = process.cpuUsage(); require('fs').writeSync(2, 'PHIKIT_CPU ' + (c.user + c.system) / 1000 + '\\n'); }); process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...process.argv.slice(1)]; require(${JSON.stringify(bin)});`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', hook, '--', '--noEmit', '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`tsc failed in ${dir}: ${r.stdout.slice(0, 800)}${r.stderr.slice(0, 400)}`);
  const num = (label: string) => Number((new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(r.stdout) ?? [])[1]);
  return { ms, cpuMs: Number((/PHIKIT_CPU ([\d.]+)/.exec(r.stderr) ?? [])[1]), files: num('Files'), memoryKb: num('Memory used') };
}

function measure(dir: string): Run {
  const runs = Array.from({ length: REPEAT }, () => tsc(dir));
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: Math.round(median(runs.map((r) => r.ms))), cpuMs: Math.round(median(runs.map((r) => r.cpuMs))), files: runs[0].files, memoryKb: runs[0].memoryKb };
}

if (require.main === module) {
  const phikit = measure(project('phikit', WITH_PHIKIT));
  const deep = measure(project('deep', DEEP_IMPORTS));
  const out = { date: new Date().toISOString(), loadavg: os.loadavg(), repeat: REPEAT, phikit, deepImports: deep, timeRatio: +(phikit.ms / deep.ms).toFixed(2), cpuRatio: +(phikit.cpuMs / deep.cpuMs).toFixed(2), filesRatio: +(phikit.files / deep.files).toFixed(2), memoryRatio: +(phikit.memoryKb / deep.memoryKb).toFixed(2) };
  fs.writeFileSync(path.join(REPO, 'bench', 'typecheck.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}
