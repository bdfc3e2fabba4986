/**
 * Human-readable text report, grouped by strategy; colour only when asked (TTY). Passing
 * findings are counted, not listed. Written in chunks (a few lines per finding that needs
 * attention), so a large run is never one huge string.
 */
import { summarize } from '../engine/evaluate';
import { Finding, STRATEGIES, Status, Strategy } from '../engine/types';
import { staleProblem, term, waiverTerms } from './escape';
import type { Reporter, StreamingReporter } from './types';

const CODES = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;

export const writeTextReport: StreamingReporter = (result, opts, write) => {
  const c = (code: keyof typeof CODES, s: string) => (opts.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const label: Record<Finding['status'], string> = {
    pass: c('green', 'PASS'),
    fail: c('red', 'FAIL'),
    unknown: c('yellow', 'UNKNOWN'),
    waived: c('cyan', 'WAIVED'),
    error: c('magenta', 'ERROR'),
  };
  const lines: string[] = [];
  const flush = () => {
    if (lines.length) write(`${lines.join('\n')}\n`);
    lines.length = 0;
  };
  lines.push(c('bold', `phikit ${opts.toolVersion} — HIPAA policy check (catalogue ${opts.catalogueVersion})`));
  for (const u of result.units) lines.push(c('dim', `  input: ${term(u.file)}${u.stack ? ` [stack ${term(u.stack)}]` : ''} (${term(u.format)})`));
  const byStrategy = new Map<Strategy, Finding[]>();
  const counted = new Map<Strategy, Record<Status, number>>();
  const countsOf = (s: Strategy): Record<Status, number> => {
    let counts = counted.get(s);
    if (!counts) counted.set(s, (counts = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 }));
    return counts;
  };
  for (const f of result.findings) {
    countsOf(f.strategy)[f.status]++;
    if (f.status === 'pass') continue;
    const l = byStrategy.get(f.strategy) ?? [];
    l.push(f);
    byStrategy.set(f.strategy, l);
  }
  if (result.passCounts?.size) {
    const strategyOf = new Map(result.rules.map((r) => [r.id, r.strategy]));
    for (const [ruleId, n] of result.passCounts) {
      const s = strategyOf.get(ruleId);
      if (s !== undefined) countsOf(s).pass += n;
    }
  }
  for (const s of Object.keys(STRATEGIES).map(Number) as Strategy[]) {
    const counts = counted.get(s);
    if (!counts) continue;
    lines.push('');
    lines.push(c('bold', `${s}. ${STRATEGIES[s]}`) + c('dim', `  (${counts.pass} pass, ${counts.fail} fail, ${counts.unknown} unknown, ${counts.waived} waived${counts.error ? `, ${counts.error} error` : ''})`));
    for (const f of byStrategy.get(s) ?? []) {
      const where = `${term(f.address)}${f.stack ? ` [${term(f.stack)}]` : ''}${f.constructPath ? ` (${term(f.constructPath)})` : ''}`;
      lines.push(`  ${label[f.status]}${f.baseline === 'new' ? c('bold', ' NEW') : ''} ${term(f.ruleId)} ${f.severity} ${where}`);
      lines.push(`       ${term(f.title)}`);
      lines.push(`       ${term(f.message)}`);
      if (f.evidence) lines.push(c('dim', `       evidence: ${term(f.evidence.attribute)} = ${term(f.evidence.value)}`));
      if (f.waiver) lines.push(c('dim', `       waiver: ${term(f.waiver.reason)} (${term(waiverTerms(f.waiver))})`));
      if (f.status === 'fail' || f.status === 'unknown') lines.push(c('dim', `       fix: ${term(f.remediation)}`));
      lines.push(c('dim', `       HIPAA: ${f.citations.join(', ')} · ${term(f.file)}`));
      flush();
    }
  }
  for (const w of result.staleWaivers) {
    lines.push('');
    lines.push(`${c('yellow', 'STALE WAIVER')} ${term(w.rule)} ${term(w.resource)}: ${w.problem === 'ambiguous' ? 'matches resources in several stacks/files; add "stack", "file" or "any_stack": true' : w.problem === 'invalid' ? term(staleProblem(w)) : 'matches no finding'} (${term(w.origin)})`);
  }
  for (const r of result.resolved ?? []) {
    lines.push(`${c('green', 'RESOLVED')} ${term(r.ruleId)} ${term(r.address)} (${term(r.file)}): was ${term(r.status)}`);
  }
  const t = summarize(result.findings, result.passCounts);
  lines.push('');
  lines.push(c('bold', `${t.pass + t.fail + t.unknown + t.waived + t.error} findings: ${t.pass} pass, ${t.fail} fail, ${t.unknown} unknown, ${t.waived} waived, ${t.error} error`));
  flush();
};

export const textReporter: Reporter = (result, opts) => {
  const parts: string[] = [];
  writeTextReport(result, opts, (chunk) => parts.push(chunk));
  return parts.join('');
};
