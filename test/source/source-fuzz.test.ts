/**
 * Source mode under damaged and hostile .tf files: every case ends with exit 0, 1 or 2 (never an
 * internal error, a hang or a stack overflow), and exit 2 says one line. Mutations of the
 * source-mode fixtures plus hand-made hostile shapes; deterministic (seeded).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../policies/cli/main';

const FIX = path.resolve(__dirname, '../fixtures/source');
const seeds = ['insecure-mix', 'secure-mix'].map((d) => fs.readFileSync(path.join(FIX, d, 'main.tf'), 'utf8'));

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * text.length);
  switch (Math.floor(r() * 8)) {
    case 0:
      return text.slice(0, at); // truncated
    case 1:
      return text.slice(0, at) + '{' + text.slice(at); // unbalanced brace
    case 2:
      return text.slice(0, at) + '"${' + text.slice(at); // unterminated interpolation
    case 3:
      return text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(at);
    case 4:
      return text + text; // every block declared twice
    case 5:
      return text.replace(/= ([^\n]+)/, '= [for x in range(100000) : x]');
    case 6:
      return text.slice(0, at) + '\n' + text.slice(Math.min(text.length, at + 40));
    default:
      return text.replace(/"([^"\n]{1,20})"/, '"$1${local.loop}"') + '\nlocals {\n  loop = "${local.loop}x"\n}\n';
  }
}

const HOSTILE: Record<string, string> = {
  'deep parentheses': `locals {\n  x = ${'('.repeat(20000)}1${')'.repeat(20000)}\n}\n`,
  'deep interpolation': `locals {\n  x = "${'${"'.repeat(2000)}x${'"}'.repeat(2000)}"\n}\n`,
  'huge count': 'resource "aws_ebs_volume" "v" {\n  count = 100000000\n  availability_zone = "a"\n  size = 1\n}\n',
  'huge for_each': 'resource "aws_ebs_volume" "v" {\n  for_each = toset([for i in range(1000000) : tostring(i)])\n  availability_zone = "a"\n  size = 1\n}\n',
  'local cycle': 'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_ebs_volume" "v" {\n  availability_zone = local.a\n  size = 1\n}\n',
  'module calls itself': 'module "again" {\n  source = "./"\n}\n',
  'long string': `resource "aws_s3_bucket" "b" {\n  bucket = "${'a'.repeat(1_000_000)}"\n}\n`,
  'many interpolations': `locals {\n  x = "${'${"a"}'.repeat(50000)}"\n}\n`,
  'control characters': 'resource "aws_s3_bucket" "b\u001b[31m" {\n  bucket = "x\u0007\r\nPASS fake"\n}\n',
  'prototype keys': 'resource "aws_s3_bucket" "__proto__" {\n  bucket = "x"\n  tags = { __proto__ = "y", constructor = "z" }\n}\n',
  'NUL byte': 'resource "aws_s3_bucket" "b" {\n  bucket = "x\u0000"\n}\n',
};

async function run(text: string): Promise<{ code: number; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-srcfuzz-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), text);
  const out = path.join(dir, 'report.json');
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['check', dir, '--format', 'json', '-o', out]);
    return { code, stderr };
  } finally {
    process.stderr.write = write;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('source mode under damaged and hostile input', () => {
  it.each(Object.entries(HOSTILE))('%s: exit 0, 1 or 2 with at most one line', async (_name, text) => {
    const { code, stderr } = await run(text);
    expect([0, 1, 2]).toContain(code);
    if (code === 2) expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\u001b|\u0007|at .*\.js:\d+/);
  });

  it('60 seeded mutations of the fixtures end in 0, 1 or 2', async () => {
    const r = rng(20261201);
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { code, stderr } = await run(mutate(seeds[i % seeds.length], r));
      if (![0, 1, 2].includes(code)) throw new Error(`mutation ${i}: exit ${code}: ${stderr}`);
      if (code === 2 && stderr.trim().split('\n').length !== 1) throw new Error(`mutation ${i}: ${stderr}`);
      codes.push(code);
    }
    // The mutations reach both the parser's errors and successful checks.
    expect(codes).toContain(2);
    expect(codes.some((c) => c !== 2)).toBe(true);
  });
});
