/**
 * Input mutations for the robustness suite: structural (type swaps, deleted keys, huge strings,
 * deep nesting, duplicate keys, __proto__ keys) and byte-level (truncation, invalid UTF-8/UTF-16,
 * NUL bytes, bit flips). Deterministic for a seed.
 */

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container in a JSON tree with the key/index of a child, for picking a mutation site. */
function sites(root: Json, limit = 5000): Array<{ parent: Json[] | Record<string, Json>; key: string | number }> {
  const out: Array<{ parent: Json[] | Record<string, Json>; key: string | number }> = [];
  const stack: Json[] = [root];
  while (stack.length && out.length < limit) {
    const v = stack.pop() as Json;
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), stack.push(x)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push({ parent: v, key: k }), stack.push(v[k]);
  }
  return out;
}

const swaps: Array<(v: Json, r: Rng) => Json> = [
  () => null,
  () => 42,
  () => 'x',
  () => true,
  () => [],
  () => ({}),
  (v) => [v],
  (v) => (typeof v === 'string' ? `\${${v}}` : v),
  () => '${aws_s3_bucket.nope.id}',
  () => -1e308,
];

export const STRUCTURAL = ['typeSwap', 'deleteKey', 'hugeString', 'deepNest', 'protoKey', 'duplicateKey', 'wrapArray'] as const;
export const BYTES = ['truncate', 'invalidUtf8', 'utf16Odd', 'nul', 'flip', 'empty', 'bomOnly'] as const;
export type Mutation = (typeof STRUCTURAL)[number] | (typeof BYTES)[number];

export function mutate(src: Buffer, r: Rng): { kind: Mutation; bytes: Buffer } {
  const kind = pick<Mutation>(r, [...STRUCTURAL, ...BYTES]);
  if ((STRUCTURAL as readonly string[]).includes(kind)) {
    const doc = JSON.parse(src.toString('utf8')) as Json;
    const all = sites(doc);
    const site = all.length ? pick(r, all) : undefined;
    let text: string;
    if (site) {
      const p = site.parent as Record<string | number, Json>;
      switch (kind) {
        case 'typeSwap':
          p[site.key] = pick(r, swaps)(p[site.key], r);
          break;
        case 'deleteKey':
          if (Array.isArray(site.parent)) site.parent.splice(site.key as number, 1);
          else delete p[site.key];
          break;
        case 'hugeString':
          p[site.key] = 'A'.repeat(1_000_000 + Math.floor(r() * 1000));
          break;
        case 'deepNest': {
          let v: Json = p[site.key];
          for (let i = 0; i < 2000 + Math.floor(r() * 20000); i++) v = [v];
          p[site.key] = v;
          break;
        }
        case 'wrapArray':
          p[site.key] = [p[site.key], p[site.key]];
          break;
        default:
          break;
      }
    }
    text = JSON.stringify(doc);
    if (kind === 'protoKey') text = text.replace(/\{"/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"');
    if (kind === 'duplicateKey') text = text.replace(/\{"/, '{"format_version":"2.0","resource_changes":7,"');
    return { kind, bytes: Buffer.from(text) };
  }
  const at = Math.floor(r() * src.length);
  switch (kind) {
    case 'truncate':
      return { kind, bytes: src.subarray(0, at) };
    case 'invalidUtf8':
      return { kind, bytes: Buffer.concat([src.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), src.subarray(at)]) };
    case 'utf16Odd': {
      const u = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(src.toString('utf8'), 'utf16le')]);
      return { kind, bytes: u.subarray(0, 2 + 2 * Math.floor(((u.length - 2) * r()) / 2) + 1) };
    }
    case 'nul':
      return { kind, bytes: Buffer.concat([src.subarray(0, at), Buffer.from([0]), src.subarray(at)]) };
    case 'flip': {
      const b = Buffer.from(src);
      for (let i = 0; i < 8; i++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
      return { kind, bytes: b };
    }
    case 'bomOnly':
      return { kind, bytes: Buffer.from([0xef, 0xbb, 0xbf]) };
    default:
      return { kind, bytes: Buffer.alloc(0) };
  }
}
