/**
 * Best-effort line numbers for findings, so code-scanning UIs can point into the input file.
 * Plan JSON: the line with `"address": "<address>"`. cdk.tf.json: the first line, at or after the
 * first line with the key `"<type>":`, that has the key `"<name>":`. Line 1 when nothing matches or
 * the file cannot be read.
 *
 * Linear in the file and the lookups: each file is read and scanned once, into an index of the
 * first line of every `"address"` value; the index of every object key (for the cdk.tf.json
 * fallback) is built on the first lookup that needs it, from a second read (the text is not kept). A lookup is then a map access (plus a
 * binary search for the fallback), never a scan of the file.
 */
import * as fs from 'node:fs';
import { isOneLine } from '../model/input-file';

/** The first line of each `"address"` value, and (lazily) the lines of every key. */
interface FileIndex {
  readonly addresses: Map<string, number>;
  /** key → ascending 0-based line numbers where it opens a member; built on first use. */
  keys?: Map<string, number[]> | null;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;

/** End (index after the closing quote) of the JSON string opening at `start`, or -1. */
function stringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/** Index of the first non-space character at or after `i`. */
function skipSpace(line: string, i: number): number {
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/**
 * Every JSON string of `line` in order, as [start, end) pairs, with whether it is an object key
 * (followed by `:`). One pass; strings are never split across lines in JSON.
 */
function forEachString(line: string, visit: (start: number, end: number, isKey: boolean) => void): void {
  for (let i = line.indexOf('"'); i >= 0; ) {
    const end = stringEnd(line, i);
    if (end < 0) return;
    const after = skipSpace(line, end);
    visit(i, end, line.charCodeAt(after) === COLON);
    i = line.indexOf('"', end);
  }
}

function decode(line: string, start: number, end: number): string | undefined {
  const raw = line.slice(start, end);
  if (raw.indexOf('\\') < 0) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/** Indexes the `"address": "<value>"` members of the file, first line of each. */
function indexAddresses(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    // Cheap test first: most lines of a plan have no address member.
    for (let at = line.indexOf('"address"'); at >= 0; at = line.indexOf('"address"', at + 9)) {
      if (at > 0 && line.charCodeAt(at - 1) === BACKSLASH) continue; // inside a string
      const colon = skipSpace(line, at + 9);
      if (line.charCodeAt(colon) !== COLON) continue;
      const open = skipSpace(line, colon + 1);
      if (line.charCodeAt(open) !== QUOTE) continue;
      const end = stringEnd(line, open);
      if (end < 0) continue;
      const value = decode(line, open, end);
      if (value !== undefined && !out.has(value)) out.set(value, n);
    }
  }
  return out;
}

function indexKeys(lines: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    forEachString(line, (start, end, isKey) => {
      if (!isKey) return;
      const key = decode(line, start, end);
      if (key === undefined) return;
      let at = out.get(key);
      if (!at) out.set(key, (at = []));
      if (at[at.length - 1] !== n) at.push(n);
    });
  }
  return out;
}

/** First element of ascending `xs` that is ≥ `min`, or undefined. */
function firstAtLeast(xs: readonly number[], min: number): number | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  return lo < xs.length ? xs[lo] : undefined;
}

export class LineLocator {
  private readonly cache = new Map<string, FileIndex | null>();

  /** Files known to be one line (from loading): answered line 1 without reading them again. */
  private readonly oneLine: ReadonlySet<string>;

  constructor(oneLine: Iterable<string> = []) {
    this.oneLine = new Set(oneLine);
  }
  /** Number of times a file was read and scanned (tests check it does not grow with lookups). */
  scans = 0;

  /** The file's lines; null when it cannot be read or is one line (every answer is then line 1). */
  private read(file: string): string[] | null {
    try {
      const buf = fs.readFileSync(file);
      this.scans++;
      // Compact JSON (`terraform show -json` output): neither decoded nor indexed.
      if (isOneLine(buf)) return null;
      const text = buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2).toString('utf16le') : buf.toString('utf8');
      return text.split(/\r?\n/);
    } catch {
      return null;
    }
  }

  private index(file: string): FileIndex | null {
    let idx = this.cache.get(file);
    if (idx === undefined) {
      const lines = this.read(file);
      idx = lines ? { addresses: indexAddresses(lines) } : null;
      this.cache.set(file, idx);
    }
    return idx;
  }

  /** 1-based line of the resource `address` in `file`. */
  line(file: string, address: string, resourceType?: string): number {
    if (address.startsWith('(') || this.oneLine.has(file)) return 1;
    const idx = this.index(file);
    if (!idx) return 1;
    const hit = idx.addresses.get(address);
    if (hit !== undefined) return hit + 1;
    if (resourceType) {
      if (idx.keys === undefined) {
        const lines = this.read(file);
        idx.keys = lines ? indexKeys(lines) : null;
      }
      const t = idx.keys?.get(resourceType)?.[0];
      if (idx.keys && t !== undefined) {
        const at = firstAtLeast(idx.keys.get(address.split('.').pop() ?? '') ?? [], t);
        if (at !== undefined) return at + 1;
      }
    }
    return 1;
  }
}
