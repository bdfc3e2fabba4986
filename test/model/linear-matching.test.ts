/**
 * Linear-time matching wherever input meets a pattern (issue 13, class 2): the one glob matcher
 * (waivers, backup selections, IAM wildcards) and `${…}` reference extraction agree with the
 * obvious regular expressions on small inputs, and finish quickly on the inputs that make those
 * expressions backtrack.
 */
import { compileGlob, globMatch } from '../../policies/model/glob';
import { stripInstanceKeys } from '../../policies/model/modules';
import { splitAddress } from '../../policies/model/plan';
import { fromTemplateString, referencesIn } from '../../policies/model/values';
import { wildcardMatch } from '../../policies/model/iam';
import { rng } from '../fuzz/mutate';

/** The matcher the model used before: a regular expression (an oracle here, on short strings only). */
const regexGlob = (p: string, t: string, flags = '') => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags).test(t);
const TRAVERSAL =
  /(?<![\w.])(?:(?:data\.)?[a-z][a-z0-9_]*_[a-z0-9_]+\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*)*|module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_][\w-]*)?|var\.[A-Za-z_][\w-]*|local\.[A-Za-z_][\w-]*)/g;
const regexRefs = (expr: string) => [...new Set([...expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(TRAVERSAL)].map((m) => m[0]))];

const ms = (f: () => void) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

describe('the glob matcher', () => {
  it('agrees with an anchored regular expression on 5,000 random patterns and texts', () => {
    const r = rng(13);
    const word = (alphabet: string, max: number) => Array.from({ length: Math.floor(r() * max) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    let matched = 0;
    for (let i = 0; i < 5000; i++) {
      const p = word('ab*?.[', 9);
      const t = word('ab.[', 12);
      const ic = i % 3 === 0;
      const want = regexGlob(p, ic ? t.toUpperCase() : t, ic ? 'i' : '');
      expect([p, t, globMatch(p, ic ? t.toUpperCase() : t, ic)]).toEqual([p, t, want]);
      if (want) matched++;
    }
    expect(matched).toBeGreaterThan(250);
  });

  it('handles segments longer than one shift-and word (31 characters)', () => {
    const seg = `${'ab?'.repeat(15)}z`;
    const text = `xx${'abQ'.repeat(15)}z--`;
    expect(globMatch(`*${seg}*`, text)).toBe(true);
    expect(globMatch(`*${seg}*`, text.replace('Qz', 'QQ'))).toBe(regexGlob(`*${seg}*`, text.replace('Qz', 'QQ')));
    expect(globMatch(`*${seg}`, text)).toBe(false);
  });

  it('is linear on patterns with many stars (a regex takes exponential time)', () => {
    const pattern = `${'*a'.repeat(200)}*b`;
    const text = 'a'.repeat(200_000);
    expect(ms(() => expect(compileGlob(pattern).test(text)).toBe(false))).toBeLessThan(1000);
    const wild = `${'*?a?'.repeat(100)}*b`;
    expect(ms(() => expect(globMatch(wild, text)).toBe(false))).toBeLessThan(2000);
    expect(ms(() => expect(wildcardMatch(`${'s3:*'.repeat(500)}X`, 's3:'.repeat(50_000))).toBe(false))).toBeLessThan(1000);
  });
});

describe('reference extraction from ${…} templates', () => {
  it('agrees with the traversal regular expression on random expressions', () => {
    const r = rng(1313);
    const tokens = ['aws_s3_bucket', 'data', 'module', 'var', 'local', '.', 'b', 'arn', '_', '[', ']', '"', '\\', '0', 'x-y', ' ', '(', ',', 'A', 'aws_kms_key.k.arn', 'module.m["k"].out', '"aws_iam_role.r.arn"'];
    for (let i = 0; i < 5000; i++) {
      const expr = Array.from({ length: 1 + Math.floor(r() * 12) }, () => tokens[Math.floor(r() * tokens.length)]).join('');
      // The old expression treated `\` + line break differently; neither occurs here.
      expect([expr, referencesIn(expr).sort()]).toEqual([expr, regexRefs(expr).sort()]);
    }
  });

  it('finds the usual shapes', () => {
    expect(referencesIn('aws_kms_key.k.arn').sort()).toEqual(['aws_kms_key.k.arn']);
    expect(referencesIn('data.aws_iam_policy_document.p.json')).toEqual(['data.aws_iam_policy_document.p.json']);
    expect(referencesIn('merge(var.tags, { a = local.x }) + module.m[0].out + aws_s3_bucket.b[1].id').sort()).toEqual(['aws_s3_bucket.b[1].id', 'local.x', 'module.m[0].out', 'var.tags']);
    expect(referencesIn('"aws_s3_bucket.quoted.id" == aws_s3_bucket.real.id')).toEqual(['aws_s3_bucket.real.id']);
  });

  it('is linear on a 400 KB identifier run, many unclosed [ and many unclosed quotes', () => {
    const run = `\${${'a_'.repeat(200_000)}a}`;
    expect(ms(() => expect(fromTemplateString(run)).toMatchObject({ refs: [] }))).toBeLessThan(1000);
    const brackets = `\${aws_s3_bucket.b${'[aws_s3_bucket.c'.repeat(40_000)}}`;
    expect(ms(() => referencesIn(brackets))).toBeLessThan(1000);
    const quotes = `"\\${'"\\'.repeat(100_000)}`;
    expect(ms(() => referencesIn(quotes))).toBeLessThan(1000);
    const modules = 'module.'.repeat(60_000);
    expect(ms(() => referencesIn(modules))).toBeLessThan(1000);
  });
});

describe('instance keys in addresses', () => {
  it('strips keys, quoted ones with dots and brackets included', () => {
    expect(stripInstanceKeys('module.a["x.y]"].module.b[0]')).toBe('module.a.module.b');
    expect(splitAddress('module.a["x.y"].aws_s3_bucket.b')).toEqual(['module', 'a["x.y"]', 'aws_s3_bucket', 'b']);
  });

  it('is linear on many unclosed brackets and quotes', () => {
    expect(ms(() => stripInstanceKeys(`module.a${'[["\\"'.repeat(100_000)}`))).toBeLessThan(1000);
    expect(ms(() => stripInstanceKeys(`module.a${'['.repeat(300_000)}]`))).toBeLessThan(1000);
  });
});
