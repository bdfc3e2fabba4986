/**
 * One resource model over every input shape: plan format versions, modules at any depth,
 * unknown and sensitive values, deletions, encodings, cdk.tf.json and cdktf.out directories.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { attr } from '../../policies/model/attrs';
import { Graph } from '../../policies/model/graph';
import { InputError } from '../../policies/model/errors';
import { decode, loadGraph, loadInputs, parseDocument } from '../../policies/model/load';
import { isRedacted, isUnknown } from '../../policies/model/values';
import { toPlan, toSynth } from '../support/cases';
import { sharedDir } from '../support/fixtures';

const FIX = path.join(sharedDir(), 'fixtures');
const fixture = (rel: string) => path.join(FIX, rel);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-model-'));
const graphOf = (doc: unknown, name = 'in.json') => {
  const text = JSON.stringify(doc);
  return Graph.from([parseDocument(JSON.parse(text), name, text)]);
};

describe('plan JSON', () => {
  it.each(['0.1', '0.2', '1.0', '1.1', '1.2', '1.9'])('accepts format_version %s', (v) => {
    const doc = { ...toPlan({ description: 'v', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } }), format_version: v };
    expect(graphOf(doc).ofType('aws_kms_key')).toHaveLength(1);
  });

  it.each(['2.0', '10.1', 'x'])('rejects format_version %s with a clear message', (v) => {
    const doc = { ...toPlan({ description: 'v', resources: {} }), format_version: v };
    expect(() => graphOf(doc)).toThrow(InputError);
    expect(() => graphOf(doc)).toThrow(/format_version/);
  });

  it('reads resources in child modules at depth 2 and joins by reference inside each module', () => {
    const g = loadGraph([fixture('plans/bridgecrewio__checkov/nested_child_modules_with_connections.json')]);
    const deep = g.ofType('aws_s3_bucket').find((b) => b.address === 'module.s3_module.module.s3_submodule.aws_s3_bucket.submodule_bucket')!;
    expect(deep.modulePath).toBe('module.s3_module.module.s3_submodule');
    const pab = g.related(deep, 'aws_s3_bucket_public_access_block', 'bucket');
    expect(pab.map((r) => r.address)).toEqual(['module.s3_module.module.s3_submodule.aws_s3_bucket_public_access_block.submodule_bucket']);
    const counted = g.ofType('aws_s3_bucket').find((b) => b.address === 'module.s3_bucket.aws_s3_bucket.this[0]')!;
    expect(counted.baseAddress).toBe('module.s3_bucket.aws_s3_bucket.this');
    expect(g.related(counted, 'aws_s3_bucket_public_access_block', 'bucket').map((r) => r.address)).toEqual(['module.s3_bucket.aws_s3_bucket_public_access_block.this[0]']);
  });

  it('follows references through module outputs and input variables', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [{ address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', values: { versioning_configuration: [{ status: 'Enabled' }] } }],
          child_modules: [
            { address: 'module.store', resources: [{ address: 'module.store.aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: {} }] },
            { address: 'module.keys', resources: [{ address: 'module.keys.aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', values: { enable_key_rotation: true } }] },
          ],
        },
      },
      resource_changes: [
        { address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', change: { actions: ['create'], after: { versioning_configuration: [{ status: 'Enabled' }] }, after_unknown: { bucket: true } } },
        { address: 'module.store.aws_s3_bucket.b', module_address: 'module.store', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: {}, after_unknown: { bucket: true, kms: true } } },
        { address: 'module.keys.aws_kms_key.k', module_address: 'module.keys', mode: 'managed', type: 'aws_kms_key', name: 'k', change: { actions: ['create'], after: { enable_key_rotation: true }, after_unknown: { arn: true } } },
      ],
      configuration: {
        root_module: {
          resources: [{ address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', expressions: { bucket: { references: ['module.store.bucket_id', 'module.store'] } } }],
          module_calls: {
            store: {
              expressions: { key_arn: { references: ['module.keys.arn', 'module.keys'] } },
              module: {
                outputs: { bucket_id: { expression: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } } },
                resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', expressions: { bucket: { references: ['var.name'] }, kms: { references: ['var.key_arn'] } } }],
              },
            },
            keys: { module: { outputs: { arn: { expression: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] } } }, resources: [] } },
          },
        },
      },
    };
    const g = graphOf(plan);
    const bucket = g.ofType('aws_s3_bucket')[0];
    expect(g.related(bucket, 'aws_s3_bucket_versioning', 'bucket').map((r) => r.address)).toEqual(['aws_s3_bucket_versioning.v']);
    expect(g.deref(bucket, 'kms').resources.map((r) => r.address)).toEqual(['module.keys.aws_kms_key.k']);
  });

  it('does not check a deleted resource as if it will exist, but does check a replaced one', () => {
    // The real fixture is a create-before-destroy replacement: it is checked.
    const g = loadGraph([fixture('plans/bridgecrewio__checkov/deleted_resources.json')]);
    expect(g.ofType('aws_secretsmanager_secret').map((r) => r.action)).toEqual(['replace']);
    const del = toPlan({ description: 'delete', resources: { 'aws_kms_key.gone': { enable_key_rotation: false } } });
    const change = (del.resource_changes as Array<{ change: Record<string, unknown> }>)[0].change;
    Object.assign(change, { actions: ['delete'], before: { enable_key_rotation: false }, after: null, after_unknown: {} });
    (del.planned_values as { root_module: { resources: unknown[] } }).root_module.resources = [];
    const dg = graphOf(del);
    expect(dg.resources.map((r) => [r.address, r.action])).toEqual([['aws_kms_key.gone', 'delete']]);
    expect(dg.ofType('aws_kms_key')).toEqual([]);
    const plan = toPlan({ description: 'replace', resources: { 'aws_kms_key.k': { enable_key_rotation: false } } });
    (plan.resource_changes as Array<{ change: { actions: string[] } }>)[0].change.actions = ['delete', 'create'];
    const r = graphOf(plan).ofType('aws_kms_key')[0];
    expect(r.action).toBe('replace');
  });

  it('fills unknown values from configuration references and withholds sensitive values', () => {
    const plan = toPlan({ description: 's', resources: { 'aws_kms_key.k': {}, 'aws_s3_bucket.b': { bucket: 'x' }, 'aws_s3_bucket_logging.l': { bucket: '${aws_s3_bucket.b.id}', target_bucket: 'logs' } } });
    const rc = (plan.resource_changes as Array<{ address: string; change: { after: Record<string, unknown>; after_sensitive: Record<string, unknown> } }>).find((x) => x.address === 'aws_s3_bucket.b')!;
    rc.change.after.secret_thing = 'CANARY-SECRET';
    rc.change.after_sensitive = { secret_thing: true };
    const g = graphOf(plan);
    const logging = g.ofType('aws_s3_bucket_logging')[0];
    const b = attr(logging, 'bucket');
    expect(b.state).toBe('unknown');
    expect(b.state === 'unknown' && b.value.refs).toContain('aws_s3_bucket.b.id');
    const bucket = g.ofType('aws_s3_bucket')[0];
    expect(isRedacted(bucket.values.secret_thing)).toBe(true);
    expect(JSON.stringify(bucket.values)).not.toContain('CANARY-SECRET');
  });

  it('reads data sources planned during apply and the ones read into prior_state', () => {
    const g = loadGraph([fixture('plans/bridgecrewio__checkov/iam_data_block_s3_policy.json')]);
    expect(g.ofType('aws_iam_policy_document', 'data')).toHaveLength(1);
  });
});

describe('encodings', () => {
  const src = fs.readFileSync(fixture('plans/aquasecurity__trivy/s3_sse_sg.json'));
  const count = (p: string) => loadGraph([p]).resources.length;
  const base = count(fixture('plans/aquasecurity__trivy/s3_sse_sg.json'));

  it('reads UTF-16LE with a BOM (Windows PowerShell redirection)', () => {
    const p = path.join(tmp, 'utf16.json');
    fs.writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(src.toString('utf8'), 'utf16le')]));
    expect(count(p)).toBe(base);
  });

  it('reads UTF-16BE with a BOM and UTF-8 with a BOM', () => {
    const be = Buffer.from(src.toString('utf8'), 'utf16le').swap16();
    const p1 = path.join(tmp, 'utf16be.json');
    fs.writeFileSync(p1, Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const p2 = path.join(tmp, 'utf8bom.json');
    fs.writeFileSync(p2, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), src]));
    expect(count(p1)).toBe(base);
    expect(count(p2)).toBe(base);
  });

  it('reads a large JSON text with a few non-ASCII characters as the same values (written as \\u escapes, one byte per character)', () => {
    const chars = ['é', '—', '😀', 'ü'];
    const doc = { a: 'x'.repeat(3 * 1024 * 1024), tags: chars, nested: { [`k${chars.join('')}`]: `${chars.join(' ')}` }, end: 'ß' };
    const text = JSON.stringify(doc);
    const ascii = decode(Buffer.from(text, 'utf8'), 'f.json', true);
    expect(/[^\x00-\x7f]/.test(ascii)).toBe(false);
    expect(JSON.parse(ascii)).toEqual(doc);
    // Outside a string a non-ASCII character is invalid JSON, escaped or not.
    expect(() => JSON.parse(decode(Buffer.from(`${text}\u00a0`, 'utf8'), 'f.json', true))).toThrow();
    // Common non-ASCII text (every block has some) is decoded as it is; so are small texts and non-JSON.
    const dense = JSON.stringify({ a: 'é'.repeat(2 * 1024 * 1024) });
    expect(decode(Buffer.from(dense, 'utf8'), 'f.json', true)).toBe(dense);
    expect(decode(Buffer.from('{"a":"é"}', 'utf8'), 'f.json', true)).toBe('{"a":"é"}');
    expect(decode(Buffer.from(text, 'utf8'), 'f.yaml')).toBe(text);
  });

  it('decodes as it is a large text whose non-ASCII characters are many though in few blocks (no escape per character past a bound)', () => {
    const dense = `${'é'.repeat(200_000)}`;
    const text = JSON.stringify({ a: 'x'.repeat(8 * 1024 * 1024), b: dense });
    const got = decode(Buffer.from(text, 'utf8'), 'f.json', true);
    expect(got).toBe(text);
  });

  it('rejects NUL characters in UTF-8 and UTF-16 text', () => {
    expect(() => decode(Buffer.from('{"a":"\u0000"}', 'utf8'), 'f.json')).toThrow(/NUL/);
    expect(() => decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"\u0000"}', 'utf16le')]), 'f.json')).toThrow(/NUL/);
  });

  it('rejects invalid UTF-8 instead of guessing', () => {
    const p = path.join(tmp, 'bad-utf8.json');
    fs.writeFileSync(p, Buffer.concat([src.subarray(0, 50), Buffer.from([0xc3, 0x28]), src.subarray(50)]));
    expect(() => loadGraph([p])).toThrow(/not valid UTF-8/);
  });
});

describe('cdk.tf.json and cdktf.out', () => {
  it('reads construct paths, references and single nested blocks written as objects', () => {
    const g = graphOf(toSynth({ description: 'x', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: [{ status: 'Enabled' }] } } }), 'cdk.tf.json');
    const v = g.ofType('aws_s3_bucket_versioning')[0];
    expect(v.constructPath).toBe('case/v');
    expect(typeof v.values.versioning_configuration).toBe('object');
    expect(Array.isArray(v.values.versioning_configuration)).toBe(false);
    expect(attr(v, 'versioning_configuration.status')).toEqual({ state: 'known', value: 'Enabled' });
    expect(isUnknown(v.values.bucket)).toBe(true);
    expect(g.related(g.ofType('aws_s3_bucket')[0], 'aws_s3_bucket_versioning', 'bucket')).toEqual([v]);
    expect(Object.keys(v.values)).not.toContain('//');
  });

  it('loads every stack of a cdktf.out manifest and names the stack; joins stay within a stack', () => {
    const out = fs.mkdtempSync(path.join(tmp, 'cdktf.out-'));
    const stacks = { data: { 'aws_s3_bucket.b': { bucket: 'same-name' } }, logs: { 'aws_s3_bucket_versioning.v': { bucket: 'same-name', versioning_configuration: [{ status: 'Enabled' }] } } };
    const manifest: Record<string, unknown> = { version: '0.21.0', stacks: {} };
    for (const [name, resources] of Object.entries(stacks)) {
      fs.mkdirSync(path.join(out, 'stacks', name), { recursive: true });
      fs.writeFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), JSON.stringify(toSynth({ description: name, resources }, name)));
      (manifest.stacks as Record<string, unknown>)[name] = { name, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}` };
    }
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
    const inputs = loadInputs([out]);
    expect(inputs.map((i) => i.unit.stack)).toEqual(['data', 'logs']);
    const g = Graph.from(inputs);
    const bucket = g.ofType('aws_s3_bucket')[0];
    expect(bucket.unit.stack).toBe('data');
    expect(g.related(bucket, 'aws_s3_bucket_versioning', 'bucket')).toEqual([]);
  });

  it('rejects a manifest whose stack path escapes the directory', () => {
    const out = fs.mkdtempSync(path.join(tmp, 'escape-'));
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ stacks: { x: { synthesizedStackPath: '../../../etc/passwd' } } }));
    expect(() => loadInputs([out])).toThrow(InputError);
  });

  it('loads all eight real cdk.tf.json fixtures', () => {
    const files = fs.readdirSync(path.join(FIX, 'cdktf'), { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(8);
    for (const f of files) expect(loadGraph([path.join(FIX, 'cdktf', f)]).units[0].format).toBe('synth');
  });
});

describe('hostile keys', () => {
  it('never pollutes prototypes through __proto__ or constructor keys', () => {
    const text = '{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"tags":{"__proto__":"x"}}}]}}}';
    const g = Graph.from([parseDocument(JSON.parse(text), 'p.json', text)]);
    const synthText = '{"resource":{"aws_s3_bucket":{"__proto__":{"bucket":"x"},"b":{"__proto__":{"polluted":true},"bucket":"y"}}}}';
    Graph.from([parseDocument(JSON.parse(synthText), 's.json', synthText)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(g.resources[0].values, '__proto__')).toBe(true);
  });

  it('rejects values nested deeper than the limit with an input error, not a stack overflow', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const text = `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","values":{"x":${deep}}}]}}}`;
    expect(() => parseDocument(JSON.parse(text), 'deep.json', text)).toThrow(/nested deeper/);
  });
});
