/**
 * The compliance mapping both the Markdown and the HTML report render: strategies → 45 CFR
 * citations → controls → findings, the Security Rule coverage matrix, waivers and provenance.
 * Pure data, deterministically ordered, so identical input renders byte-identical reports.
 */
import { summarize } from '../engine/evaluate';
import { Finding, Level, Rule, RunResult, STRATEGIES, Status, Strategy } from '../engine/types';
import { HIPAA_SPECS, HipaaSpec, specFor } from '../hipaa/specs';
import type { ReportOptions } from './types';

export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'unknown', 'not_assessed', 'waived', 'pass'];
export const STATUS_LABEL: Record<Status, string> = { fail: 'Fail', error: 'Error', unknown: 'Unknown', not_assessed: 'Not assessed', waived: 'Waived', pass: 'Pass' };
/** Text symbols so status is never conveyed by colour alone. */
export const STATUS_ICON: Record<Status, string> = { fail: '✗', error: '⚠', unknown: '?', not_assessed: '∅', waived: '≈', pass: '✓' };

/** One rule's rows under a citation: the findings listed, and how many of each status are not. */
export interface RuleRows {
  readonly rule: Rule;
  /** The findings listed, in finding order: at most `rowsPerRule` of each status. */
  readonly findings: readonly Finding[];
  /** Findings of this rule left out of the listing, by status (all zero when none are). */
  readonly omitted: Record<Status, number>;
}

export interface ControlGroup {
  readonly control: string;
  readonly rules: readonly RuleRows[];
}

export interface CitationGroup {
  readonly citation: string;
  readonly spec?: HipaaSpec;
  readonly controls: readonly ControlGroup[];
  /** Rules citing this section with no matching resources in the inputs. */
  readonly notApplicable: readonly Rule[];
}

export interface StrategyGroup {
  readonly strategy: Strategy;
  readonly name: string;
  readonly counts: Record<Status, number>;
  /** The same counts split by rule level: required (HIPAA baseline) apart from recommended (phikit hardening). */
  readonly byLevel: Record<Level, Record<Status, number>>;
  readonly citations: readonly CitationGroup[];
}

export interface CoverageRow {
  readonly spec: HipaaSpec;
  readonly technical: readonly Rule[];
  readonly evidence: readonly Rule[];
  readonly counts: Record<Status, number>;
  /** The results split by rule level. */
  readonly byLevel: Record<Level, Record<Status, number>>;
  /** How phikit covers it, in one sentence. */
  readonly how: string;
}

export interface Mapping {
  readonly title: string;
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly catalogueVersion: string;
  readonly inputs: RunResult['units'];
  readonly counts: Record<Status, number>;
  readonly strategies: readonly StrategyGroup[];
  readonly coverage: readonly CoverageRow[];
  readonly waived: readonly Finding[];
  /** Not-assessed findings (declared elsewhere, or evidence not given): gaps the reviewer must see evidence for. */
  readonly gaps: readonly Finding[];
  readonly expiredWaivers: readonly Finding[];
  readonly stale: RunResult['staleWaivers'];
  readonly resolved: NonNullable<RunResult['resolved']>;
  readonly baseline: boolean;
}

const citationKey = (c: string) => c.replace(/\((\d+)\)/g, (_, n: string) => `(${n.padStart(3, '0')})`);
const byCitation = (a: string, b: string) => (citationKey(a) < citationKey(b) ? -1 : citationKey(a) > citationKey(b) ? 1 : 0);

/**
 * Rows listed per rule and status in the reviewer reports unless `ReportOptions.rowsPerRule` says
 * otherwise: enough to review the pattern, while a 100k-resource plan still gives a report a
 * browser opens. The JSON report written beside them lists every finding.
 */
export const DEFAULT_ROWS_PER_RULE = 100;

const zeroCounts = (): Record<Status, number> => ({ pass: 0, fail: 0, unknown: 0, waived: 0, error: 0, not_assessed: 0 });
const zeroByLevel = (): Record<Level, Record<Status, number>> => ({ required: zeroCounts(), recommended: zeroCounts() });

/** The findings of one rule as listed (at most `limit` per status) and the counts of the rest. */
function rowsOf(rule: Rule, findings: readonly Finding[], limit: number): RuleRows {
  if (!(limit > 0) || findings.length <= limit) return { rule, findings, omitted: zeroCounts() };
  const shown = zeroCounts();
  const omitted = zeroCounts();
  const listed: Finding[] = [];
  for (const f of findings) {
    if (shown[f.status] < limit) {
      shown[f.status]++;
      listed.push(f);
    } else omitted[f.status]++;
  }
  return { rule, findings: listed, omitted };
}

/** Findings left out of a rule's listing, in total. */
export function omittedCount(r: RuleRows): number {
  return r.omitted.pass + r.omitted.fail + r.omitted.unknown + r.omitted.waived + r.omitted.error + r.omitted.not_assessed;
}

/** "1,200 fail, 3 unknown": the non-zero counts, in report order. */
export function countsText(c: Record<Status, number>): string {
  return STATUS_ORDER.filter((s) => c[s] > 0)
    .map((s) => `${c[s].toLocaleString('en-US')} ${s}`)
    .join(', ');
}

export function buildMapping(result: RunResult, opts: ReportOptions): Mapping {
  const findingsByRule = new Map<string, Finding[]>();
  const countsByStrategy = new Map<Strategy, Record<Status, number>>();
  const levelsByStrategy = new Map<Strategy, Record<Level, Record<Status, number>>>();
  for (const f of result.findings) {
    let byLevel = levelsByStrategy.get(f.strategy);
    if (!byLevel) levelsByStrategy.set(f.strategy, (byLevel = zeroByLevel()));
    byLevel[f.level][f.status]++;
    let list = findingsByRule.get(f.ruleId);
    if (!list) findingsByRule.set(f.ruleId, (list = []));
    list.push(f);
    let counts = countsByStrategy.get(f.strategy);
    if (!counts) countsByStrategy.set(f.strategy, (counts = zeroCounts()));
    counts[f.status]++;
  }
  const countsByRule = new Map<string, Record<Status, number>>();
  for (const [id, fs] of findingsByRule) countsByRule.set(id, summarize(fs));
  const limit = opts.rowsPerRule ?? DEFAULT_ROWS_PER_RULE;
  const rowsByRule = new Map<string, RuleRows>();
  const rowsFor = (rule: Rule, fs: readonly Finding[]) => {
    let rows = rowsByRule.get(rule.id);
    if (!rows) rowsByRule.set(rule.id, (rows = rowsOf(rule, fs, limit)));
    return rows;
  };

  const strategies: StrategyGroup[] = [];
  for (const strategy of Object.keys(STRATEGIES).map(Number) as Strategy[]) {
    const rules = result.rules.filter((r) => r.strategy === strategy);
    const citations = [...new Set(rules.flatMap((r) => r.citations.map((c) => specFor(c)?.citation ?? c)))].sort(byCitation);
    const groups: CitationGroup[] = citations.map((citation) => {
      const citing = rules.filter((r) => r.citations.some((c) => (specFor(c)?.citation ?? c) === citation));
      const controls = new Map<string, RuleRows[]>();
      const notApplicable: Rule[] = [];
      for (const rule of citing) {
        const fs = findingsByRule.get(rule.id) ?? [];
        if (!fs.length) {
          notApplicable.push(rule);
          continue;
        }
        let rows = controls.get(rule.control);
        if (!rows) controls.set(rule.control, (rows = []));
        rows.push(rowsFor(rule, fs));
      }
      return {
        citation,
        spec: specFor(citation),
        controls: [...controls.entries()].map(([control, rs]) => ({ control, rules: rs })),
        notApplicable,
      };
    });
    strategies.push({
      strategy,
      name: STRATEGIES[strategy],
      counts: countsByStrategy.get(strategy) ?? zeroCounts(),
      byLevel: levelsByStrategy.get(strategy) ?? zeroByLevel(),
      citations: groups,
    });
  }

  const coverage: CoverageRow[] = HIPAA_SPECS.map((spec) => {
    const citing = result.rules.filter((r) => r.citations.some((c) => specFor(c)?.citation === spec.citation));
    const evidence = citing.filter((r) => r.scope === 'evidence' || r.kind === 'evidence');
    const technical = citing.filter((r) => !evidence.includes(r));
    const counts = zeroCounts();
    const byLevel = zeroByLevel();
    for (const r of citing) {
      const c = countsByRule.get(r.id);
      if (c) {
        for (const k of STATUS_ORDER) {
          counts[k] += c[k];
          byLevel[r.level][k] += c[k];
        }
      }
    }
    let how: string;
    if (technical.length || evidence.length) {
      const parts = [];
      if (technical.length) parts.push(`${technical.length} technical rule${technical.length > 1 ? 's' : ''} checked in the plan`);
      if (evidence.length) parts.push(`${evidence.length} evidence rule${evidence.length > 1 ? 's' : ''} over --evidence files`);
      how = parts.join('; ');
    } else if (spec.outOfScope) {
      how = `Outside infrastructure-as-code scope: ${spec.outOfScope}`;
    } else if (spec.kind === 'standard') {
      how = 'Met through its implementation specifications (see the rows below).';
    } else {
      how = 'Not checked by phikit rules: an organizational process; record how it is met in the addressable-decision register or your policies.';
    }
    return { spec, technical, evidence, counts, byLevel, how };
  });

  const waived = result.findings.filter((f) => f.status === 'waived');
  const expiredWaivers = result.findings.filter((f) => f.waiver?.expired);
  return {
    title: 'HIPAA Security Rule compliance mapping',
    generatedAt: (opts.generatedAt ?? result.now).toISOString(),
    toolVersion: opts.toolVersion,
    catalogueVersion: opts.catalogueVersion,
    inputs: result.units,
    counts: summarize(result.findings),
    strategies,
    coverage,
    waived,
    gaps: result.findings.filter((f) => f.status === 'not_assessed'),
    expiredWaivers,
    stale: result.staleWaivers,
    resolved: result.resolved ?? [],
    baseline: result.resolved !== undefined,
  };
}

/** Where a finding is: construct path when known, else the address; plus stack. */
export function whereOf(f: Finding): string {
  return `${f.constructPath ?? f.address}${f.stack ? ` [${f.stack}]` : ''}`;
}

/** Per-strategy share of passing findings among decided ones (pass / (pass + fail + error + unknown)). */
export function scoreOf(c: Record<Status, number>): number | undefined {
  const denom = c.pass + c.fail + c.error + c.unknown;
  return denom ? Math.round((100 * c.pass) / denom) : undefined;
}

/** "3 fail, 1 not assessed" for one level's counts, or "—" when it has none. */
export function levelText(c: Record<Status, number>): string {
  return countsText(c) || '—';
}
