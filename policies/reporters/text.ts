/**
 * Human-readable text report; colour only when asked (TTY). Passing findings are counted, not
 * listed. Written in chunks, so a large run is never one huge string.
 *
 * Default layout: a summary table per strategy (required / recommended failures, unknown, not
 * assessed, waived, errors, passes), then per strategy the findings grouped by rule — the rule's
 * title, level, severity, citations and fix once, then one line per resource with its evidence.
 * Not-assessed rules are listed one line each under the reason they were not assessed.
 * `verbose`: every finding with its full detail (title, message, fix, citations, file).
 */
import { summarize } from '../engine/evaluate';
import { levelBasisText, levelGates } from '../engine/levels';
import { Finding, Level, Rule, STRATEGIES, Status, Strategy } from '../engine/types';
import { staleProblem, term, waiverTerms } from './escape';
import type { Reporter, StreamingReporter } from './types';

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;

interface Tally {
  required: number;
  recommended: number;
  unknown: number;
  not_assessed: number;
  waived: number;
  error: number;
  pass: number;
}

const emptyTally = (): Tally => ({ required: 0, recommended: 0, unknown: 0, not_assessed: 0, waived: 0, error: 0, pass: 0 });

/** The bucket a finding is grouped under: its status, with failures split by whether they gate. */
type Group = 'fail' | 'advisory' | Exclude<Status, 'fail' | 'pass'>;
const GROUP_ORDER: readonly Group[] = ['error', 'fail', 'unknown', 'advisory', 'waived', 'not_assessed'];

export const writeTextReport: StreamingReporter = (result, opts, write) => {
  const c = (code: keyof typeof CODES, s: string) => (opts.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const gate: Level = opts.level ?? 'required';
  const groupOf = (f: Finding): Group => (f.status === 'fail' ? (levelGates(f.level, gate) ? 'fail' : 'advisory') : (f.status as Group));
  const label: Record<Group | 'pass', string> = {
    pass: c('green', 'PASS'),
    fail: c('red', 'FAIL'),
    advisory: c('blue', 'RECOMMENDED'),
    unknown: c('yellow', 'UNKNOWN'),
    waived: c('cyan', 'WAIVED'),
    error: c('magenta', 'ERROR'),
    not_assessed: c('yellow', 'NOT ASSESSED'),
  };
  const lines: string[] = [];
  const flush = () => {
    if (lines.length) write(`${lines.join('\n')}\n`);
    lines.length = 0;
  };
  const rules = new Map<string, Rule>(result.rules.map((r) => [r.id, r]));
  const manyInputs = result.units.length > 1;
  lines.push(c('bold', `phikit ${opts.toolVersion} — HIPAA policy check (catalogue ${opts.catalogueVersion})`));
  for (const u of result.units) lines.push(c('dim', `  input: ${term(u.file)}${u.stack ? ` [stack ${term(u.stack)}]` : ''} (${term(u.format)})`));
  lines.push(
    c('dim', gate === 'recommended' ? '  gate: required and recommended failures fail the run (--level recommended)' : '  gate: required failures fail the run; recommended ones (phikit hardening) are reported only — --level recommended gates them too'),
  );

  const byStrategy = new Map<Strategy, Finding[]>();
  const tallies = new Map<Strategy, Tally>();
  const tallyOf = (s: Strategy): Tally => {
    let t = tallies.get(s);
    if (!t) tallies.set(s, (t = emptyTally()));
    return t;
  };
  for (const f of result.findings) {
    const t = tallyOf(f.strategy);
    if (f.status === 'fail') t[f.level]++;
    else t[f.status]++;
    if (f.status === 'pass') continue;
    const l = byStrategy.get(f.strategy) ?? [];
    l.push(f);
    byStrategy.set(f.strategy, l);
  }
  if (result.passCounts?.size) {
    for (const [ruleId, n] of result.passCounts) {
      const r = rules.get(ruleId);
      if (r) tallyOf(r.strategy).pass += n;
    }
  }
  const strategies = (Object.keys(STRATEGIES).map(Number) as Strategy[]).filter((s) => tallies.has(s));

  // Summary table
  const head = ['strategy', 'required', 'recommended', 'unknown', 'not assessed', 'waived', 'error', 'pass'];
  const rows = strategies.map((s) => {
    const t = tallies.get(s)!;
    return [`${s}. ${STRATEGIES[s].replace(/ \(.*\)$/, '')}`, t.required, t.recommended, t.unknown, t.not_assessed, t.waived, t.error, t.pass].map(String);
  });
  const total = emptyTally();
  for (const t of tallies.values()) for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += t[k];
  rows.push(['total', total.required, total.recommended, total.unknown, total.not_assessed, total.waived, total.error, total.pass].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const row = (cells: string[]) => `  ${cells.map((x, i) => (i ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ')}`;
  lines.push('', c('bold', 'Summary (failing findings by level; passes counted)'), c('dim', row(head)));
  rows.forEach((r, i) => lines.push(i === rows.length - 1 ? c('bold', row(r)) : row(r)));
  flush();

  const where = (f: Finding) => `${term(f.address)}${f.stack ? ` [${term(f.stack)}]` : ''}${f.constructPath ? ` (${term(f.constructPath)})` : ''}${manyInputs && !f.stack ? ` · ${term(f.file)}` : ''}`;

  for (const s of strategies) {
    const fs = byStrategy.get(s) ?? [];
    const t = tallies.get(s)!;
    lines.push('');
    lines.push(c('bold', `${s}. ${STRATEGIES[s]}`) + c('dim', `  (${t.required} required and ${t.recommended} recommended failing, ${t.unknown} unknown, ${t.not_assessed} not assessed, ${t.waived} waived, ${t.pass} pass${t.error ? `, ${t.error} error` : ''})`));
    if (opts.verbose) {
      for (const f of fs) {
        lines.push(`  ${label[groupOf(f)]}${f.baseline === 'new' ? c('bold', ' NEW') : ''} ${f.ruleId} ${f.level} ${f.severity} ${where(f)}`);
        lines.push(`       ${term(f.title)}`);
        lines.push(`       ${term(f.message)}`);
        if (f.evidence) lines.push(c('dim', `       evidence: ${term(f.evidence.attribute)} = ${term(f.evidence.value)}`));
        if (f.waiver) lines.push(c('dim', `       waiver: ${term(f.waiver.reason)} (${term(waiverTerms(f.waiver))})`));
        if (f.status === 'fail' || f.status === 'unknown') lines.push(c('dim', `       fix: ${f.remediation}`));
        lines.push(c('dim', `       HIPAA: ${f.citations.join(', ')} · ${f.level}: ${levelBasisText(rules.get(f.ruleId) ?? f)} · ${term(f.file)}`));
        flush();
      }
      continue;
    }
    // Grouped: per bucket (in GROUP_ORDER), per rule (in catalogue order, which is the finding order).
    const groups = new Map<Group, Map<string, Finding[]>>();
    for (const f of fs) {
      const g = groupOf(f);
      let m = groups.get(g);
      if (!m) groups.set(g, (m = new Map()));
      const l = m.get(f.ruleId);
      if (l) l.push(f);
      else m.set(f.ruleId, [f]);
    }
    for (const g of GROUP_ORDER) {
      const m = groups.get(g);
      if (!m) continue;
      if (g === 'not_assessed') {
        // One line per rule, under each distinct reason.
        const byReason = new Map<string, string[]>();
        for (const [ruleId, list] of m) {
          const f = list[0];
          const reason = f.message.replace(/ \(in these inputs: .*\)$/s, '');
          const r = byReason.get(reason) ?? [];
          r.push(`    ${ruleId.padEnd(8)} ${f.level.padEnd(11)} ${f.severity.padEnd(8)} ${f.title}${list.length > 1 ? ` (${list.length})` : ''}`);
          byReason.set(reason, r);
        }
        for (const [reason, ls] of byReason) lines.push(`  ${label.not_assessed} ${term(reason)}`, ...ls);
        flush();
        continue;
      }
      for (const [ruleId, list] of m) {
        const f0 = list[0];
        const rule = rules.get(ruleId);
        lines.push(`  ${label[g]} ${ruleId} ${f0.level} ${f0.severity} — ${f0.title}${list.length > 1 ? c('dim', ` (${list.length})`) : ''}`);
        lines.push(c('dim', `       HIPAA ${f0.citations.join(', ')} · ${f0.level === 'required' ? 'required' : 'recommended'}: ${levelBasisText(rule ?? f0)}`));
        if (g !== 'waived') lines.push(c('dim', `       fix: ${rule?.remediation ?? f0.remediation}`));
        for (const f of list) {
          const ev = f.evidence ? ` [${term(f.evidence.attribute)} = ${term(f.evidence.value)}]` : '';
          const waiver = f.waiver ? ` — waiver: ${term(f.waiver.reason)} (${term(waiverTerms(f.waiver))})` : '';
          lines.push(`       - ${f.baseline === 'new' ? c('bold', 'NEW ') : ''}${where(f)}: ${term(f.message)}${ev}${waiver}`);
        }
        flush();
      }
    }
  }
  for (const w of result.staleWaivers) {
    lines.push('');
    lines.push(`${c('yellow', 'STALE WAIVER')} ${term(w.rule)} ${term(w.resource)}: ${w.problem === 'ambiguous' ? 'matches resources in several stacks/files; add "stack", "file" or "any_stack": true' : w.problem === 'invalid' ? term(staleProblem(w)) : 'matches no finding'} (${term(w.origin)})`);
  }
  for (const r of result.resolved ?? []) {
    lines.push(`${c('green', 'RESOLVED')} ${term(r.ruleId)} ${term(r.address)} (${term(r.file)}): was ${term(r.status)}`);
  }
  const s = summarize(result.findings, result.passCounts);
  lines.push('');
  lines.push(
    c(
      'bold',
      `${s.pass + s.fail + s.unknown + s.waived + s.error + s.not_assessed} findings: ${s.pass} pass, ${s.fail} fail (${total.required} required, ${total.recommended} recommended), ${s.unknown} unknown, ${s.not_assessed} not assessed, ${s.waived} waived, ${s.error} error`,
    ),
  );
  flush();
};

export const textReporter: Reporter = (result, opts) => {
  const parts: string[] = [];
  writeTextReport(result, opts, (chunk) => parts.push(chunk));
  return parts.join('');
};
