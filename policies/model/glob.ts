/**
 * One glob matcher for every pattern that comes from the inputs: waiver `resource` globs,
 * AWS Backup selection conditions (`StringLike`), IAM action and resource wildcards.
 *
 * `*` matches any run of characters (also none), `?` exactly one; every other character is
 * literal. No regular expression is built from a pattern: a backtracking engine takes time
 * exponential in the number of `*` (`a*a*a*a*…b` against `aaaa…`). Here the pattern is split at
 * its stars into segments; the first must match at the start, the last at the end, and each one
 * between is found leftmost after the one before (a leftmost match never needs revisiting, so
 * the text is read once, left to right). Segments are found with a bit-parallel (shift-and)
 * search in which `?` matches every character: time O(|text| · ⌈|segment| / 31⌉ + |pattern|)
 * for any pattern, memory O(|pattern|).
 */

interface Segment {
  readonly text: string;
  /** Set when the segment has a `?`. */
  readonly wild: boolean;
  /** Shift-and tables, built on first use of an unanchored search. */
  masks?: { readonly byChar: Map<number, Uint32Array>; readonly other: Uint32Array };
}

export interface CompiledGlob {
  /** Does the whole of `text` match? */
  test(text: string): boolean;
}

const BITS = 31;

function segmentOf(text: string): Segment {
  return { text, wild: text.indexOf('?') >= 0 };
}

/** Does `seg` match `text` at `at` (which leaves room for it)? */
function matchesAt(seg: Segment, text: string, at: number): boolean {
  const s = seg.text;
  if (!seg.wild) return text.startsWith(s, at);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 63 /* ? */ && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

function masksOf(seg: Segment): NonNullable<Segment['masks']> {
  if (seg.masks) return seg.masks;
  const s = seg.text;
  const words = Math.ceil(s.length / BITS);
  const other = new Uint32Array(words);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 63) other[(i / BITS) | 0] |= 1 << i % BITS;
  const byChar = new Map<number, Uint32Array>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 63 || byChar.has(c)) continue;
    const m = other.slice();
    for (let j = i; j < s.length; j++) if (s.charCodeAt(j) === c) m[(j / BITS) | 0] |= 1 << j % BITS;
    byChar.set(c, m);
  }
  seg.masks = { byChar, other };
  return seg.masks;
}

/**
 * Leftmost index ≥ `from` where `seg` matches and ends at or before `limit`, or -1.
 * Shift-and over words of 31 bits: bit i of the state says "the last i+1 characters match the
 * first i+1 of the segment".
 */
function find(seg: Segment, text: string, from: number, limit: number): number {
  const s = seg.text;
  const m = s.length;
  if (m === 0) return from <= limit ? from : -1;
  if (!seg.wild) {
    const at = text.indexOf(s, from);
    // indexOf is linear for a literal needle in V8 (Boyer-Moore-Horspool with a linear fallback).
    return at >= 0 && at + m <= limit ? at : -1;
  }
  const { byChar, other } = masksOf(seg);
  const words = other.length;
  const state = new Uint32Array(words);
  const lastWord = ((m - 1) / BITS) | 0;
  const lastBit = 1 << (m - 1) % BITS;
  for (let i = from; i < limit; i++) {
    const mask = byChar.get(text.charCodeAt(i)) ?? other;
    // state = ((state << 1) | 1) & mask, carried across words.
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const v = state[w];
      const next = ((v << 1) | carry) & 0x7fffffff;
      carry = (v >>> (BITS - 1)) & 1;
      state[w] = next & mask[w];
    }
    if (state[lastWord] & lastBit) return i - m + 1;
  }
  return -1;
}

/** Compile a `*` / `?` glob. `ignoreCase` compares lower-cased text (IAM actions). */
export function compileGlob(pattern: string, ignoreCase = false): CompiledGlob {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const norm = (t: string) => (ignoreCase ? t.toLowerCase() : t);
  if (p.indexOf('*') < 0) {
    const only = segmentOf(p);
    return { test: (raw) => { const t = norm(raw); return t.length === p.length && matchesAt(only, t, 0); } };
  }
  const parts = p.split('*');
  const head = segmentOf(parts[0]);
  const tail = segmentOf(parts[parts.length - 1]);
  const middle = parts.slice(1, -1).filter((x) => x.length > 0).map(segmentOf);
  const fixed = head.text.length + tail.text.length;
  return {
    test: (raw) => {
      const t = norm(raw);
      if (t.length < fixed) return false;
      if (!matchesAt(head, t, 0)) return false;
      const end = t.length - tail.text.length;
      if (!matchesAt(tail, t, end)) return false;
      let at = head.text.length;
      for (const seg of middle) {
        const found = find(seg, t, at, end);
        if (found < 0) return false;
        at = found + seg.text.length;
      }
      return true;
    },
  };
}

const cache = new Map<string, CompiledGlob>();

/** `compileGlob(pattern, ignoreCase).test(text)`, with compiled patterns cached (bounded). */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let g = cache.get(key);
  if (!g) {
    // Patterns come from the inputs: keep the cache bounded.
    if (cache.size >= 10_000) cache.clear();
    g = compileGlob(pattern, ignoreCase);
    cache.set(key, g);
  }
  return g.test(text);
}
