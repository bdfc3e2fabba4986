/**
 * The access-control rules over every real fixture (51 plans, 8 cdk.tf.json): no rule raises,
 * and a few decisions on real inputs are pinned.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluate } from '../../policies/engine/evaluate';
import type { Finding } from '../../policies/engine/types';
import { loadGraph } from '../../policies/model/load';
import { accessControlRules } from '../../policies/rules/access-control';

const ROOT = [process.env.PHIKIT_FIXTURES && path.dirname(process.env.PHIKIT_FIXTURES), path.resolve(__dirname, '../../../shared/fixtures'), '/work/shared/fixtures'].filter(
  (p): p is string => !!p && fs.existsSync(path.join(p, 'plans')),
)[0];
if (!ROOT) throw new Error('shared/fixtures not found beside the repository (set PHIKIT_FIXTURES to its plans/ folder)');

const files = ['plans', 'cdktf'].flatMap((kind) =>
  fs.readdirSync(path.join(ROOT, kind)).flatMap((d) => fs.readdirSync(path.join(ROOT, kind, d)).filter((f) => f.endsWith('.json')).map((f) => path.join(ROOT, kind, d, f))),
);

const cache = new Map<string, Finding[]>();
function findings(file: string): Finding[] {
  let f = cache.get(file);
  if (!f) {
    f = [...evaluate(loadGraph([file]), { rules: accessControlRules, now: new Date('2026-11-28T00:00:00Z') }).findings];
    cache.set(file, f);
  }
  return f;
}
const fx = (rel: string) => path.join(ROOT, rel);
const status = (rel: string, rule: string, address: string) => findings(fx(rel)).find((f) => f.ruleId === rule && f.address === address)?.status;

describe('access-control rules on real fixtures', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('never raise on %s', (_rel, file) => {
    const errors = findings(file).filter((f) => f.status === 'error');
    expect(errors.map((e) => `${e.ruleId} ${e.address}`)).toEqual([]);
  });

  it('reads the cdktf template policies whose interpolations contain quotes', () => {
    expect(status('cdktf/aws-samples__ec2RuntimeMonitor/ec2_runtime_monitor.json', 'ACC-04a', 'aws_iam_policy.eventTargetPolicy')).toBe('pass');
  });

  it('treats provider-computed attributes as not configured, not as unknown', () => {
    // managed_policy_arns is computed on every role in plan JSON.
    expect(status('plans/bridgecrewio__checkov/iam_policies.json', 'ACC-04d', 'aws_iam_role.example')).toBeUndefined();
  });
});
