/**
 * Issue 13, classes 1 and 7: a `--synth` overlay never carries a waiver, construct path or
 * template to another stack; sensitive markers are read fail-closed and a sensitive plan value is
 * never replaced by a synth template.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RuleCase } from '../../policies/engine/types';
import { parseDocument } from '../../policies/model/load';
import { runCheck } from '../../policies/pipeline';
import { writeReport } from '../../policies/reporters';
import { toPlan, toSynth } from '../support/cases';

const NOW = new Date('2026-11-28T00:00:00Z');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-overlay-'));

const WAIVER = { ruleId: 'ENC-01', reason: 'Public marketing site, holds no PHI at all.', approvedBy: 'security@example.org', expires: '2027-03-31' };

/** A cdktf.out directory with the given stacks (name → resources; waivers on aws_s3_bucket.site). */
function cdktfOut(stacks: Record<string, { resources: RuleCase['resources']; waive?: boolean }>): string {
  const dir = tmp();
  const manifest: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(stacks)) {
    const doc = toSynth({ description: name, resources: s.resources }, name) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    if (s.waive) {
      const body = doc.resource.aws_s3_bucket.site;
      body['//'] = { metadata: { path: `${name}/site/Bucket` }, phikit: { waivers: [WAIVER] } };
    }
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(doc));
    manifest[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: manifest }));
  return dir;
}

function planFile(resources: RuleCase['resources']): string {
  const file = path.join(tmp(), 'plan.json');
  fs.writeFileSync(file, JSON.stringify(toPlan({ description: 'plan', resources })));
  return file;
}

const BUCKET = { bucket: 'shared-name' };
const enc01 = (file: string, o: Parameters<typeof runCheck>[1]) => runCheck([file], { now: NOW, rule: ['ENC-01'], ...o }).result.findings.filter((f) => f.address === 'aws_s3_bucket.site');

describe('--synth overlay across stacks with shared addresses', () => {
  it('refuses when two stacks hold the same addresses, and applies only the named stack with --stack', () => {
    const out = cdktfOut({ marketing: { resources: { 'aws_s3_bucket.site': BUCKET }, waive: true }, phi: { resources: { 'aws_s3_bucket.site': BUCKET } } });
    const plan = planFile({ 'aws_s3_bucket.site': BUCKET });
    expect(() => enc01(plan, { synth: [out] })).toThrow(/several --synth stacks.*--stack/);
    const phi = enc01(plan, { synth: [out], stacks: ['phi'] });
    expect(phi.map((f) => [f.status, f.waiver])).toEqual([['fail', undefined]]);
    expect(phi[0].constructPath).toBe('phi/site');
    const marketing = enc01(plan, { synth: [out], stacks: ['marketing'] });
    expect(marketing.map((f) => f.status)).toEqual(['waived']);
    expect(() => enc01(plan, { synth: [out], stacks: ['nope'] })).toThrow(/no stack "nope"/);
    expect(() => enc01(plan, { stacks: ['phi'] })).toThrow(/--stack needs --synth/);
  });

  it('matches a plan to the stack that holds all of its resources, whatever the stack order', () => {
    for (const [first, second] of [['a', 'z'], ['z', 'a']]) {
      // The waiving stack has one more resource; the plan is of the other one.
      const out = cdktfOut({
        [first]: { resources: { 'aws_s3_bucket.site': BUCKET, 'aws_s3_bucket.extra': { bucket: 'x' } }, waive: true },
        [second]: { resources: { 'aws_s3_bucket.site': BUCKET } },
      });
      const plan = planFile({ 'aws_s3_bucket.site': BUCKET });
      expect(enc01(plan, { synth: [out] }).map((f) => f.status)).toEqual(['fail']);
      const planOfFirst = planFile({ 'aws_s3_bucket.site': BUCKET, 'aws_s3_bucket.extra': { bucket: 'x' } });
      expect(enc01(planOfFirst, { synth: [out] }).map((f) => f.status)).toEqual(['waived']);
    }
  });

  it('refuses a plan that no stack covers, also when there is only one stack', () => {
    const out = cdktfOut({ only: { resources: { 'aws_s3_bucket.site': BUCKET }, waive: true } });
    const plan = planFile({ 'aws_s3_bucket.site': BUCKET, 'aws_s3_bucket.other': { bucket: 'o' } });
    expect(() => enc01(plan, { synth: [out] })).toThrow(/not in the --synth stack only/);
    const two = cdktfOut({ a: { resources: { 'aws_s3_bucket.site': BUCKET } }, b: { resources: { 'aws_s3_bucket.other': BUCKET } } });
    expect(() => enc01(plan, { synth: [two] })).toThrow(/no stack of the --synth inputs holds all/);
  });
});

const CANARY = 'CANARY-s3cr3t-7f1d';

/** A plan of one aws_db_instance whose `password` has the given after_sensitive marker. */
function sensitivePlan(marker: unknown, opts: { unknownParent?: boolean } = {}): Record<string, unknown> {
  const after: Record<string, unknown> = { identifier: 'db', password: CANARY, storage_encrypted: true, nested: [{ secret: CANARY }] };
  const afterUnknown: Record<string, unknown> = {};
  if (opts.unknownParent) {
    delete after.nested;
    afterUnknown.nested = true;
  }
  return {
    format_version: '1.2',
    planned_values: { root_module: { resources: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', values: after, sensitive_values: {} }] } },
    resource_changes: [
      {
        address: 'aws_db_instance.db',
        mode: 'managed',
        type: 'aws_db_instance',
        name: 'db',
        change: { actions: ['create'], before: null, after, after_unknown: afterUnknown, before_sensitive: false, after_sensitive: { password: marker, nested: opts.unknownParent ? [{ secret: true }] : [{ secret: marker }] } },
      },
    ],
    configuration: { root_module: { resources: [{ address: 'aws_db_instance.db', mode: 'managed', type: 'aws_db_instance', name: 'db', expressions: { password: { constant_value: CANARY }, nested: [{ secret: { constant_value: CANARY } }] } }] } },
  };
}

const everything = (file: string, doc: unknown): string => {
  const text = JSON.stringify(doc);
  fs.writeFileSync(file, text);
  const run = runCheck([file], { now: NOW });
  let out = '';
  for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'html']) writeReport(format, run.result, { color: false, toolVersion: 't', catalogueVersion: 'c', generatedAt: NOW }, (s) => (out += s));
  return out + JSON.stringify(run.graph.resources.map((r) => r.values));
};

describe('sensitive markers, fail-closed', () => {
  const markers: unknown[] = [true, 1, 'yes', 'true', { value: true }, [true], { '': 1 }, -1, 0.5];
  it.each(markers.map((m) => [JSON.stringify(m), m]))('a marker %s withholds the value and its configuration constant', (_, marker) => {
    const dir = tmp();
    const loaded = parseDocument(sensitivePlan(marker), 'p.json', 'x').resources[0];
    expect(JSON.stringify(loaded.values)).not.toContain(CANARY);
    expect(everything(path.join(dir, 'p.json'), sensitivePlan(marker))).not.toContain(CANARY);
  });

  it('a nested marker under an unknown parent withholds the configuration constant', () => {
    const loaded = parseDocument(sensitivePlan(true, { unknownParent: true }), 'p.json', 'x').resources[0];
    expect(JSON.stringify(loaded.values)).not.toContain(CANARY);
  });

  it('false, null and empty markers keep a value known', () => {
    for (const m of [false, null, {}, []]) {
      const loaded = parseDocument(sensitivePlan(m), 'p.json', 'x').resources[0];
      expect(loaded.values.identifier).toBe('db');
      expect(loaded.values.password).toBe(CANARY);
    }
  });

  it('--synth never replaces a sensitive unknown plan value with the synth template', () => {
    const out = tmp();
    const synth = { '//': { metadata: { stackName: 's' } }, resource: { aws_db_instance: { db: { identifier: 'db', password: `\${join("", ["${CANARY}", var.x])}` } } } };
    fs.writeFileSync(path.join(out, 'cdk.tf.json'), JSON.stringify(synth));
    const plan = sensitivePlan(true);
    const rc = (plan.resource_changes as Array<{ change: Record<string, Record<string, unknown>> }>)[0].change;
    delete rc.after.password;
    rc.after_unknown.password = true;
    const file = path.join(tmp(), 'plan.json');
    fs.writeFileSync(file, JSON.stringify(plan));
    const run = runCheck([file], { now: NOW, synth: [out] });
    expect(JSON.stringify(run.graph.resources.map((r) => [r.values, (r.values.password as { template?: string })?.template]))).not.toContain(CANARY);
  });
});
