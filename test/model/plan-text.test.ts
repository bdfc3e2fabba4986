/**
 * Large plans are parsed by sections (policies/model/plan-text.ts): the sections no rule reads are
 * passed over, and the document read is the one JSON.parse gives, less those sections — or the
 * text is parsed whole.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadInputs, parseDocument } from '../../policies/model/load';
import { parsePlanSections } from '../../policies/model/plan-text';

const REPO = path.resolve(__dirname, '..', '..');
type Obj = Record<string, unknown>;
const UNREAD = ['planned_values', 'relevant_attributes', 'resource_drift', 'output_changes', 'checks'];

/** JSON.parse of the text, less the sections phikit does not read. */
function expected(text: string, keepPlanned = false): Obj {
  const doc = JSON.parse(text) as Obj;
  for (const k of UNREAD) if (!(keepPlanned && k === 'planned_values')) delete doc[k];
  return doc;
}

const plans = execFileSync('git', ['ls-files', '*plan*.json'], { cwd: REPO, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((f) => path.join(REPO, f))
  .filter((f) => {
    try {
      const d = JSON.parse(fs.readFileSync(f, 'utf8')) as Obj;
      return typeof d.format_version === 'string' && Array.isArray(d.resource_changes) && d.planned_values !== undefined;
    } catch {
      return false;
    }
  });

const plan = (extra: Obj = {}): Obj => ({
  format_version: '1.2',
  terraform_version: '1.11.4',
  variables: { env: { value: 'prod' } },
  planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'b' } }] } },
  resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], before: null, after: { bucket: 'b' }, after_unknown: {}, after_sensitive: {} } }],
  configuration: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', expressions: { bucket: { constant_value: 'b' } } }] } },
  relevant_attributes: [{ resource: 'aws_s3_bucket.b', attribute: ['id'] }],
  timestamp: '2026-11-28T00:00:00Z',
  ...extra,
});

describe('parsePlanSections', () => {
  it('finds the repository plans to compare against', () => {
    expect(plans.length).toBeGreaterThanOrEqual(40);
  });

  it('gives what JSON.parse gives, less the unread sections, for every plan of the repository (compact and pretty-printed)', () => {
    let split = 0;
    for (const f of plans) {
      const text = fs.readFileSync(f, 'utf8');
      for (const t of [JSON.stringify(JSON.parse(text)), JSON.stringify(JSON.parse(text), null, 2)]) {
        const got = parsePlanSections(t, 0);
        if (got === undefined) continue; // parsed whole by the caller: nothing to compare
        split++;
        expect(got).toEqual(expected(t, got.planned_values !== undefined));
      }
    }
    // Terraform's own output splits (a key name that also occurs deeper only costs a whole parse).
    expect(split).toBeGreaterThanOrEqual(plans.length);
  });

  it('leaves out planned_values and relevant_attributes when every planned address has a change', () => {
    const got = parsePlanSections(JSON.stringify(plan()), 0)!;
    expect(Object.keys(got)).toEqual(['format_version', 'terraform_version', 'variables', 'resource_changes', 'configuration', 'timestamp']);
  });

  it('keeps planned_values when a resource is listed only there', () => {
    const doc = plan();
    (doc.planned_values as { root_module: { resources: Obj[] } }).root_module.resources.push({ address: 'aws_kms_key["a \\"b\\""]', mode: 'managed', type: 'aws_kms_key', name: 'k', values: {} });
    const got = parsePlanSections(JSON.stringify(doc), 0)!;
    expect(got.planned_values).toEqual(doc.planned_values);
  });

  it('keeps planned_values when a change does not state its sensitivity (plans before format 0.2)', () => {
    const doc = plan({ format_version: '0.1' });
    delete (doc.resource_changes as Array<{ change: Obj }>)[0].change.after_sensitive;
    expect(parsePlanSections(JSON.stringify(doc), 0)!.planned_values).toEqual(doc.planned_values);
  });

  it('a key of Terraform plan name deeper in the document never moves the split: equal, or parsed whole', () => {
    // A tag map with keys named like top-level sections, in a section read and in one passed over.
    const tags = { a: 'x', configuration: 'y', output_changes: 'z', resource_changes: '[]', timestamp: 'w' };
    const doc = plan();
    (doc.resource_changes as Array<{ change: { after: Obj } }>)[0].change.after.tags = tags;
    (doc.planned_values as { root_module: { resources: Array<{ values: Obj }> } }).root_module.resources[0].values.tags = tags;
    for (const d of [doc, { ...doc, configuration: undefined }]) {
      const text = JSON.stringify(d);
      const got = parsePlanSections(text, 0);
      if (got !== undefined) expect(got).toEqual(expected(text));
    }
  });

  it('parses whole: a key twice, a section of the wrong type, invalid JSON in a section read, text that is not a plan', () => {
    const text = JSON.stringify(plan());
    expect(parsePlanSections(text.replace(/}$/, ',"configuration":{}}'), 0)).toBeUndefined();
    expect(parsePlanSections(JSON.stringify(plan({ resource_changes: {} })), 0)).toBeUndefined();
    expect(parsePlanSections(text.replace('"actions":["create"]', '"actions":[create]'), 0)).toBeUndefined();
    expect(parsePlanSections(text.slice(0, -1), 0)).toBeUndefined();
    expect(parsePlanSections(JSON.stringify({ resource: {}, format_version: '1.2' }), 0)).toBeUndefined();
    expect(parsePlanSections('[1,2]', 0)).toBeUndefined();
  });

  it('stops at the second occurrence of a key name: a text full of them is given back at once', () => {
    const text = `{"format_version":"1.2","planned_values":{"a":[${'{"x":1,"checks":2},'.repeat(300_000)}{}]},"resource_changes":[]}`;
    const t0 = Date.now();
    expect(parsePlanSections(text, 0)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('leaves small texts to the caller by default', () => {
    expect(parsePlanSections(JSON.stringify(plan()))).toBeUndefined();
  });
});

describe('loading a large plan by sections', () => {
  it('models the same resources as a whole parse, and still reports invalid JSON in a section read', () => {
    const base = fs.readFileSync(path.join(REPO, 'test/fixtures/modules/s3-bucket/plan.json'), 'utf8');
    const doc = JSON.parse(base) as Obj;
    // Past the size where sections pay: a large section nobody reads.
    doc.relevant_attributes = Array.from({ length: 80_000 }, (_, i) => ({ resource: `aws_s3_bucket.b${i}`, attribute: ['arn', 'id'] }));
    const text = JSON.stringify(doc);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-sections-'));
    const file = path.join(dir, 'plan.json');
    fs.writeFileSync(file, text);
    const [loaded] = loadInputs([file]);
    const whole = parseDocument(JSON.parse(text), file, text);
    const view = (rs: typeof loaded.resources) => rs.map((r) => ({ address: r.address, action: r.action, values: r.values, region: r.region, provider: r.provider }));
    expect(loaded.resources.length).toBeGreaterThan(5);
    expect(view(loaded.resources)).toEqual(view(whole.resources));
    expect(loaded.unit.sha256).toBe(whole.unit.sha256);

    fs.writeFileSync(file, text.replace('"resource_changes":[{', '"resource_changes":[{,'));
    expect(() => loadInputs([file])).toThrow(/not valid JSON/);
  });
});

describe('one-line inputs', () => {
  it('marks a compact file (one line, a final newline or none) as one line, and a pretty-printed one not', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/modules/s3-bucket/plan.json'), 'utf8')) as Obj;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-one-line-'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const [compact, newline, pretty] = loadInputs([write('a.json', JSON.stringify(doc)), write('b.json', `${JSON.stringify(doc)}\n`), write('c.json', JSON.stringify(doc, null, 2))]);
    expect([compact.unit.oneLine, newline.unit.oneLine, pretty.unit.oneLine]).toEqual([true, true, undefined]);
  });
});
