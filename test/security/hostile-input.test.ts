/**
 * Issue 13, classes 3-6, 9 and 10, through the CLI in-process: whole-run budgets, auxiliary
 * inputs held to the same file rules as plans, terminal and Markdown escaping (checked with a real
 * Markdown renderer), process hygiene and one waiver policy for every source.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../policies/cli/main';
import { toPlan, toSynth } from '../support/cases';

// markdown-it is a devDependency (pinned): `npm ci` installs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt: new (o?: Record<string, unknown>) => { render(src: string): string } = require('markdown-it');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-hostile-'));
let n = 0;
const file = (name: string, body: string | Buffer | object) => {
  const p = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(p, typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  return p;
};

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[]): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const ow = process.stdout.write.bind(process.stdout);
  const ew = process.stderr.write.bind(process.stderr);
  (process.stdout as unknown as { write: (s: string | Uint8Array) => boolean }).write = (s) => ((stdout += String(s)), true);
  (process.stderr as unknown as { write: (s: string | Uint8Array) => boolean }).write = (s) => ((stderr += String(s)), true);
  try {
    return { code: await main([...args]), stdout, stderr };
  } finally {
    (process.stdout as unknown as { write: typeof ow }).write = ow;
    (process.stderr as unknown as { write: typeof ew }).write = ew;
  }
}

/** Exit 2 with exactly one line on stderr, no stack trace. */
const oneLine = (o: Out, re: RegExp) => {
  expect(o.code).toBe(2);
  expect(o.stderr.trim().split('\n')).toHaveLength(1);
  expect(o.stderr).toMatch(re);
  expect(o.stderr).not.toMatch(/\n\s+at /);
};

const NOW = ['--now', '2026-11-28T00:00:00Z'];
const plan = file('plan.json', toPlan({ description: 'p', resources: { 'aws_s3_bucket.b': { bucket: 'b' } } }));

describe('class 3: budgets across the whole run', () => {
  it('refuses more resources than --max-resources before modelling them (a 300k-resource cdk.tf.json)', async () => {
    const names: Record<string, object> = {};
    for (let i = 0; i < 300_000; i++) names[`r${i}`] = {};
    const big = file('many.json', { resource: { null_resource: names } });
    const t = Date.now();
    oneLine(await cli(['check', big, ...NOW]), /more than 250000 resources \(--max-resources\)/);
    expect(Date.now() - t).toBeLessThan(15_000);
    oneLine(await cli(['check', plan, '--max-resources', '0']), /--max-resources: "0" is not a whole number/);
  }, 60_000);

  it('refuses inputs adding up to more than --max-total-input-size, and one stack listed twice', async () => {
    const a = file('a.json', toPlan({ description: 'a', resources: { 'aws_s3_bucket.a': { bucket: 'a' } } }));
    const size = fs.statSync(a).size + fs.statSync(plan).size;
    oneLine(await cli(['check', a, plan, '--max-total-input-size', String(size - 1)]), /add up to more than .* \(--max-total-input-size\)/);
    expect((await cli(['check', a, plan, '--max-total-input-size', String(size), ...NOW])).code).toBe(1);
    oneLine(await cli(['check', plan, plan]), /read twice/);
    const out = fs.mkdtempSync(path.join(dir, 'out-'));
    fs.mkdirSync(path.join(out, 'stacks', 's'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 's', 'cdk.tf.json'), JSON.stringify(toSynth({ description: 's', resources: { 'aws_s3_bucket.b': { bucket: 'b' } } }, 's')));
    const stacks: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) stacks[`s${i}`] = { name: `s${i}`, synthesizedStackPath: 'stacks/s/cdk.tf.json' };
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ stacks }));
    oneLine(await cli(['check', out]), /is read twice/);
    fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ stacks: { a: { name: 'x', synthesizedStackPath: 'stacks/s/cdk.tf.json' }, b: { name: 'x', synthesizedStackPath: './stacks/s/cdk.tf.json' } } }));
    oneLine(await cli(['check', out]), /lists stack "x" more than once/);
  });

  it('clips any one printed string (a 1 MB for_each key) with a marker and its full length', async () => {
    const key = 'k'.repeat(1_000_000);
    const doc = toPlan({ description: 'long', resources: { 'aws_s3_bucket.b': { bucket: 'b' } } }) as { planned_values: { root_module: { resources: Array<{ address: string }> } }; resource_changes: Array<{ address: string }> };
    for (const r of [...doc.planned_values.root_module.resources, ...doc.resource_changes]) r.address = `aws_s3_bucket.b["${key}"]`;
    const p = file('long.json', doc);
    for (const format of ['text', 'json', 'markdown']) {
      const o = await cli(['check', p, '--format', format, ...NOW]);
      expect(o.code).toBe(1);
      expect(o.stdout).toMatch(/…\\?\[truncated: 1000019 characters in all, sha256 [0-9a-f]{12}\\?\]/);
      // Without the clip: ~40 findings × 1 MB each.
      expect(o.stdout.length).toBeLessThan(3_000_000);
    }
  });
});

describe('class 4: auxiliary inputs get the same file rules as plans', () => {
  const fifo = () => {
    const p = path.join(dir, `fifo-${n++}`);
    execFileSync('mkfifo', [p]);
    return p;
  };
  const evidenceWith = (name: string, make: (p: string) => void) => {
    const ev = fs.mkdtempSync(path.join(dir, 'ev-'));
    make(path.join(ev, name));
    return ev;
  };

  it.each([
    ['--waivers FIFO', () => ['--waivers', fifo()], /waivers file is a FIFO/],
    ['--baseline FIFO', () => ['--baseline', fifo()], /baseline is a FIFO/],
    ['--baseline /dev/zero', () => ['--baseline', '/dev/zero'], /baseline is a character device/],
    ['--waivers /dev/zero', () => ['--waivers', '/dev/zero'], /waivers file is a character device/],
    ['--waivers directory', () => ['--waivers', dir], /waivers file is a directory/],
    ['--baseline missing', () => ['--baseline', path.join(dir, 'nope.json')], /baseline no such file/],
    ['--waivers over the size limit', () => ['--waivers', file('w.yaml', `version: 1\nwaivers: []\n${'#'.repeat(5000)}\n`), '--max-input-size', '4096'], /waivers file \d+ bytes is over the input limit/],
    ['an evidence file that is a FIFO', () => ['--evidence', evidenceWith('training.json', (p) => execFileSync('mkfifo', [p]))], /evidence file is a FIFO/],
    ['an evidence file that is a directory', () => ['--evidence', evidenceWith('training.json', (p) => fs.mkdirSync(p))], /evidence file is a directory/],
  ])('%s: exit 2 with one line, at once', async (_, args, re) => {
    oneLine(await cli(['check', plan, ...(args as () => string[])()]), re as RegExp);
  }, 10_000);

  it('a plan input that is a FIFO or a device', async () => {
    oneLine(await cli(['check', fifo()]), /not a regular file|is a FIFO/);
    oneLine(await cli(['check', '/dev/zero']), /character device|not a regular file/);
  }, 10_000);
});

const HOSTILE = ['\u001b]0;owned\u0007', '\u001b[2J', '\r', '\n  PASS ENC-01 high aws_s3_bucket.forged', '\u202e', '\u009b31m', '\u0008', '\u2028'];
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('class 5: no control character from input reaches the terminal', () => {
  it('text report and stderr, with --no-color and without', async () => {
    const name = `b${HOSTILE.join('x')}`;
    const synth = { resource: { aws_s3_bucket: { [name]: { bucket: `n${HOSTILE.join('')}`, '//': { metadata: { path: `stack/${HOSTILE.join('')}` } } } } } };
    const p = file('ctl.json', synth);
    for (const extra of [[], ['--no-color']]) {
      const o = await cli(['check', p, ...NOW, ...extra]);
      expect(o.code).toBe(1);
      expect(o.stdout).not.toMatch(CONTROL);
      // No forged report line.
      expect(o.stdout.split('\n').filter((l) => l.startsWith('  PASS'))).toEqual([]);
      expect(o.stdout).toContain('\\x1b]0;owned\\x07');
    }
    const bad = file(`bad${HOSTILE.join('')}.json`, '{"truncated": ');
    const o = await cli(['check', bad]);
    oneLine(o, /not valid JSON/);
    expect(o.stderr.slice(0, -1)).not.toMatch(CONTROL);
  });
});

describe('class 6: one Markdown escaper, checked with a real renderer', () => {
  it('no raw tag, heading or emphasis from input survives markdown-it (baseline ruleId, lone CR, waiver reason)', async () => {
    const inject = '<img src=x onerror=alert(1)>\r# heading\r\n**bold** [link](javascript:alert(1)) `code` ~~s~~ | cell';
    const synth = { resource: { aws_s3_bucket: { b: { bucket: 'b', '//': { metadata: { path: `p/${inject}` } } } } } };
    const p = file('md.json', synth);
    const baseline = file('baseline.json', { findings: [{ ruleId: `<img src=x onerror=alert(2)>\r# h`, address: `aws_s3_bucket.gone${inject}`, file: `f${inject}`, status: 'fail', message: `<script>alert(3)</script>` }] });
    const o = await cli(['check', p, '--format', 'markdown', '--baseline', baseline, ...NOW]);
    expect(o.code).toBe(1);
    expect(o.stdout).toContain('Resolved:');
    const html = new MarkdownIt({ html: true, linkify: true }).render(o.stdout);
    expect(html).not.toMatch(/<img|<script|<a |href="javascript/i);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<h1>heading|<h1>h<|<strong>bold|<code>code|<s>s<\/s>/);
    // Our own structure is still there.
    expect(html).toMatch(/<h2>Summary<\/h2>/);
    expect(html).toMatch(/<table>/);
  });
});

describe('class 9: process hygiene', () => {
  it('report --out at a file, below a file or at /dev/full is a usage error; a planted symlink is replaced, not followed', async () => {
    oneLine(await cli(['report', plan, '--out', plan, ...NOW]), /--out is not a directory/);
    oneLine(await cli(['report', plan, '--out', path.join(plan, 'sub'), ...NOW]), /--out is not a directory/);
    oneLine(await cli(['report', plan, '--out', '/dev/full', ...NOW]), /--out is not a directory/);
    const out = fs.mkdtempSync(path.join(dir, 'report-'));
    const target = file('target.txt', 'keep me');
    fs.symlinkSync(target, path.join(out, 'phikit-report.html'));
    const o = await cli(['report', plan, '--out', out, ...NOW]);
    expect(o.code).toBe(1);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(out, 'phikit-report.html')).isSymbolicLink()).toBe(false);
    expect(fs.readdirSync(out).sort()).toEqual(['phikit-report.html', 'phikit-report.json', 'phikit-report.md']);
  });

  it('a lone surrogate in a manifest stack path does not break SARIF', async () => {
    const out = fs.mkdtempSync(path.join(dir, 'sur-'));
    const weird = 'st\ud800ck';
    fs.mkdirSync(path.join(out, weird), { recursive: true });
    fs.writeFileSync(path.join(out, weird, 'cdk.tf.json'), JSON.stringify(toSynth({ description: 's', resources: { 'aws_s3_bucket.b': { bucket: 'b' } } }, 's')));
    fs.writeFileSync(path.join(out, 'manifest.json'), `{"stacks":{"s":{"name":"s","synthesizedStackPath":"st\\ud800ck/cdk.tf.json"}}}`);
    const o = await cli(['check', out, '--format', 'sarif', ...NOW]);
    expect([o.code, o.stderr]).toEqual([1, '']);
    expect(() => JSON.parse(o.stdout)).not.toThrow();
  });

  it('EPIPE on stdout ends quietly; ENOSPC is one line and exit 2 (real processes)', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'phikit.js');
    if (!fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'policies', 'cli', 'main.js'))) throw new Error('run npm run build first');
    const pipe = execFileSync('bash', ['-c', `node ${JSON.stringify(bin)} check ${JSON.stringify(plan)} --format json 2>&1 >(head -c 1 >/dev/null) | head -c 0; node ${JSON.stringify(bin)} check ${JSON.stringify(plan)} --format json 2>/tmp/phikit-epipe.$$ | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"; cat /tmp/phikit-epipe.$$; rm -f /tmp/phikit-epipe.$$`]).toString();
    expect(pipe).toMatch(/rc=[01]\n$/);
    const full = execFileSync('bash', ['-c', `node ${JSON.stringify(bin)} check ${JSON.stringify(plan)} --format json > /dev/full 2>/tmp/phikit-full.$$; echo "rc=$?"; cat /tmp/phikit-full.$$; rm -f /tmp/phikit-full.$$`]).toString();
    expect(full).toMatch(/^rc=2\nphikit: cannot write to standard output \(no space left on the device\)\n$/);
  }, 60_000);
});

describe('class 10: one waiver policy for every source', () => {
  const site = (waiver: Record<string, unknown>) =>
    file('inline.json', { resource: { aws_s3_bucket: { site: { bucket: 'site', '//': { metadata: { path: 'web/site' }, phikit: { waivers: [{ ruleId: 'ENC-01', ...waiver }] } } } } } });

  it.each([
    ['no approver, no expiry', { reason: 'Public marketing site, no PHI.' }, /no approver \(approvedBy\), no expiry date/],
    ['a 9-character reason', { reason: 'too short', approvedBy: 'sec@example.org', expires: '2027-01-01' }, /a reason shorter than 10 characters/],
    ['a blank approver', { reason: 'Public marketing site, no PHI.', approvedBy: '  ', expires: '2027-01-01' }, /no approver/],
    ['an expiry that is not a date', { reason: 'Public marketing site, no PHI.', approvedBy: 'sec@example.org', expires: 'never' }, /no expiry date/],
  ])('an inline waiver with %s waives nothing and is reported', async (_, waiver, re) => {
    const o = await cli(['check', site(waiver), '--rule', 'ENC-01', '--format', 'json', ...NOW]);
    expect(o.code).toBe(1);
    const report = o.stdout.split('\n').filter(Boolean).join('\n');
    const doc = JSON.parse(report) as { findings: Array<{ ruleId: string; status: string; message: string; waiver?: unknown }>; staleWaivers: Array<{ problem: string; detail?: string }> };
    const f = doc.findings.find((x) => x.ruleId === 'ENC-01')!;
    expect([f.status, f.waiver]).toEqual(['fail', undefined]);
    expect(f.message).toMatch(re as RegExp);
    expect(doc.staleWaivers.map((w) => w.problem)).toEqual(['invalid']);
    const text = await cli(['check', site(waiver), '--rule', 'ENC-01', ...NOW]);
    expect(text.stdout).not.toMatch(/approved by n\/a|expires never/);
    expect(text.stdout).toMatch(/STALE WAIVER ENC-01 .*not applied/);
  });

  it('a complete inline waiver waives, and every report states its approver and expiry', async () => {
    const p = site({ reason: 'Public marketing site, no PHI.', approvedBy: 'sec@example.org', expires: '2027-01-01' });
    for (const format of ['text', 'markdown']) {
      const o = await cli(['check', p, '--rule', 'ENC-01', '--format', format, ...NOW]);
      expect(o.code).toBe(0);
      expect(o.stdout).toMatch(/approved by sec@example\.org, expires 2027-01-01/);
      expect(o.stdout).not.toMatch(/approved by n\/a|expires never/);
    }
  });
});
