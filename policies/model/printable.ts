/**
 * Strings from the inputs on their way out: bounded in length, and safe in a terminal.
 *
 * - {@link clip}: any one string printed is at most {@link MAX_PRINTED_CHARS} characters; a
 *   longer one (a 120 MB `for_each` key in an address) keeps its start and ends in a marker with
 *   its full length and a digest, so two long strings that share a start stay apart.
 * - {@link terminalSafe}: control characters — ESC/CSI/OSC sequences, CR, LF, tabs, every other
 *   C0 and C1 code, DEL, the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   line/paragraph separators and lone surrogates — become visible `\xNN` / `\uNNNN` escapes, so
 *   input can neither colour, move the cursor, set the window title, hide text nor forge a
 *   report line. The text report and every line on stderr go through it, with or without colour.
 */
import { sha256 } from './hash';

/** The longest string printed whole; longer ones are clipped with a marker. */
export const MAX_PRINTED_CHARS = 4096;

/** `s`, or its first characters and `…[N characters in all, sha256 …]` when it is longer than `max`. */
export function clip(s: string, max = MAX_PRINTED_CHARS): string {
  if (s.length <= max) return s;
  const digest = sha256(s).slice(0, 12);
  let keep = Math.max(0, max - 64);
  // Never split a surrogate pair.
  const code = s.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep--;
  return `${s.slice(0, keep)}…[truncated: ${s.length} characters in all, sha256 ${digest}]`;
}

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, LS/PS, BOM-like invisibles,
// and any surrogate (pairs are put back below).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (c: number, width: number) => c.toString(16).padStart(width, '0');

/** `s` with every control or invisible formatting character written as a visible escape (and clipped). */
export function terminalSafe(s: string, max = MAX_PRINTED_CHARS): string {
  const t = clip(s, max);
  if (!UNSAFE.test(t)) return t;
  return t.replace(UNSAFE_ALL, (ch) => {
    const c = ch.charCodeAt(0);
    return c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}
