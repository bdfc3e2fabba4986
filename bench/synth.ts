/**
 * Synth-time checking overhead: CPU time of `app.synth()` of one stack of N raw provider resources, with and
 * without `applyHipaaChecks`, each in a fresh App and output directory. Used by bench/run.ts
 * (`npm run bench`), or alone: `node dist/bench/synth.js 2000` (one process per measured synth).
 *
 * The resources are KMS keys plus CloudWatch log groups encrypted with them. Some rules still
 * fail on them (e.g. no explicit key policy), so CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS is set:
 * the checked synth then does all its work (every rule, every resource, the annotations) and
 * writes the output like the unchecked one, instead of aborting on the first error annotation.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { applyHipaaChecks } from '../constructs/checks';

process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';

function synthOnce(n: number, checked: boolean): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-synth-bench-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bench');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    for (let i = 0; i < n / 2; i++) {
      const key = new KmsKey(stack, `key${i}`, { enableKeyRotation: true, deletionWindowInDays: 30, description: `bench ${i}` });
      new CloudwatchLogGroup(stack, `logs${i}`, { name: `/bench/${i}`, kmsKeyId: key.arn, retentionInDays: 2192 });
    }
    if (checked) applyHipaaChecks(stack, { accountRules: false });
    // CPU time (user + system): on a shared machine elapsed time is mostly waiting for a core.
    const t0 = process.cpuUsage();
    app.synth();
    const dt = process.cpuUsage(t0);
    return (dt.user + dt.system) / 1000;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export interface SynthOverhead {
  resources: number;
  plainMs: number;
  checkedMs: number;
  overhead: number;
  runs: number;
}

/** One measured synth in this process, after a small warm-up synth of the same variant. */
function measureHere(n: number, checked: boolean): number {
  synthOnce(Math.min(n, 100), checked);
  return synthOnce(n, checked);
}

/**
 * Medians of `repeat` runs of each variant, alternating, each in a fresh process: synths in one
 * process disturb each other (the heap a checked synth leaves behind slows the next one).
 */
export function measureSynthOverheadRaw(n = 2000, repeat = 5): SynthOverhead {
  const once = (variant: 'plain' | 'checked'): number => {
    const r = spawnSync(process.execPath, [__filename, String(n), variant], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`synth ${variant} failed: ${r.stderr.slice(0, 500)}`);
    return Number(r.stdout);
  };
  const plain: number[] = [];
  const checked: number[] = [];
  for (let i = 0; i < repeat; i++) {
    plain.push(once('plain'));
    checked.push(once('checked'));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const plainMs = median(plain);
  const checkedMs = median(checked);
  return { resources: n, plainMs: Math.round(plainMs), checkedMs: Math.round(checkedMs), overhead: +((checkedMs - plainMs) / plainMs).toFixed(2), runs: repeat };
}

if (require.main === module) {
  const [n, variant] = [Number(process.argv[2] ?? 2000), process.argv[3]];
  if (variant === 'plain' || variant === 'checked') process.stdout.write(String(measureHere(n, variant === 'checked')));
  else process.stdout.write(`${JSON.stringify(measureSynthOverheadRaw(n))}\n`);
}
