/**
 * The escapers every reporter uses for strings that come from the inputs (addresses, stack
 * names, construct paths, policy Sids, waiver reasons, evidence names, baseline entries):
 *
 * - {@link term} for the text report and stderr: control characters become visible escapes
 *   (see `terminalSafe`), so no input can colour, move the cursor, retitle the window, hide
 *   text behind a bidi override, or start a forged report line — with or without colour;
 * - {@link md} for Markdown: one line (every line break, lone CR included, becomes a space),
 *   control characters as visible escapes, `& < >` as entities (no raw HTML tag survives a
 *   Markdown renderer) and the inline syntax characters backslash-escaped (no emphasis, code,
 *   link, image, strikethrough or table cell starts from input).
 *
 * - {@link code} for Markdown code spans (addresses), with the same line and control handling.
 *
 * All bound the length (`clip`). Also the wording shared by the reports for a waiver's terms
 * and a stale waiver's problem.
 */
import type { StaleWaiver, WaiverInfo } from '../engine/types';
import { terminalSafe } from '../model/printable';

export const term = (s: string): string => terminalSafe(s);

// Line breaks a Markdown renderer (or a viewer) would honour: CRLF, CR, LF, NEL, VT, FF, LS, PS.
const LINE_BREAKS = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;
const MARKDOWN_SPECIAL = /[&<>\\`*_[\]()!~|]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escape text for a Markdown table cell or paragraph (the one Markdown escaper). */
export function md(s: string): string {
  return terminalSafe(String(s).replace(LINE_BREAKS, ' ')).replace(MARKDOWN_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`);
}

/**
 * Text as a Markdown code span (searchable and copyable as written: `aws_db_instance.open`, not
 * `aws\_db\_instance.open`): one line, control characters as visible escapes, fenced with more
 * backticks than it contains, `|` escaped for tables. Inside a code span a renderer shows `<`,
 * `*`, `[` … literally, so nothing else needs escaping.
 */
export function code(s: string): string {
  const one = terminalSafe(String(s).replace(LINE_BREAKS, ' '));
  let longest = 0;
  for (let i = 0, run = 0; i < one.length; i++) {
    run = one.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** "approved by …, expires …" (every applied waiver has both: the one waiver policy). */
export function waiverTerms(w: WaiverInfo): string {
  return `approved by ${w.approvedBy ?? '—'}, ${w.expired ? `EXPIRED on ${w.expires ?? '—'}` : `expires ${w.expires ?? '—'}`}`;
}

/** What is wrong with a stale waiver, in words. */
export function staleProblem(w: StaleWaiver): string {
  if (w.problem === 'ambiguous') return 'matches several stacks/files';
  if (w.problem === 'invalid') return `not applied: ${w.detail ?? 'incomplete'}`;
  return 'matches nothing';
}
