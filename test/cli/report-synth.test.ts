/**
 * `phikit report --synth`: the reviewer report of a plan made from cdktf reads the synth output
 * as `phikit check --synth` does — construct waivers show as waived with their reason, approver
 * and expiry, construct paths are carried over.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toPlan, toSynth } from '../support/cases';

const BIN = path.resolve(__dirname, '../../bin/phikit.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-report-synth-'));
const WAIVER = { ruleId: 'ENC-01', reason: 'Public marketing site, holds no PHI at all.', approvedBy: 'security@example.org', expires: '2027-03-31' };

describe('phikit report --synth', () => {
  it('carries construct waivers and paths from the synth output into the reviewer report', () => {
    const dir = tmp();
    const resources = { 'aws_s3_bucket.site': { bucket: 'marketing-site' } };
    const doc = toSynth({ description: 'web', resources }, 'web') as { resource: Record<string, Record<string, Record<string, unknown>>> };
    doc.resource.aws_s3_bucket.site['//'] = { metadata: { path: 'web/site/bucket' }, phikit: { waivers: [WAIVER] } };
    fs.mkdirSync(path.join(dir, 'out/stacks/web'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out/stacks/web/cdk.tf.json'), JSON.stringify(doc));
    fs.writeFileSync(path.join(dir, 'out/manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { web: { name: 'web', synthesizedStackPath: 'stacks/web/cdk.tf.json', workingDirectory: 'stacks/web' } } }));
    const plan = path.join(dir, 'plan.json');
    fs.writeFileSync(plan, JSON.stringify(toPlan({ description: 'plan', resources })));
    const enc01 = (out: string) =>
      (JSON.parse(fs.readFileSync(path.join(out, 'phikit-report.json'), 'utf8')).findings as Array<{ ruleId: string; address: string; status: string; constructPath?: string; waiver?: { approvedBy?: string } }>).find(
        (f) => f.ruleId === 'ENC-01' && f.address === 'aws_s3_bucket.site',
      );
    const without = path.join(dir, 'r1');
    expect(run('report', plan, '--out', without, '--now', '2026-11-28').status).toBeLessThan(2);
    expect(enc01(without)?.status).toBe('fail');
    const withSynth = path.join(dir, 'r2');
    const r = run('report', plan, '--synth', path.join(dir, 'out'), '--out', withSynth, '--now', '2026-11-28');
    expect(r.stderr).toBe('');
    expect(enc01(withSynth)).toMatchObject({ status: 'waived', constructPath: 'web/site/bucket', waiver: { approvedBy: 'security@example.org' } });
    expect(fs.readFileSync(path.join(withSynth, 'phikit-report.md'), 'utf8')).toContain('Public marketing site, holds no PHI at all.');
  });
});
