/**
 * The compliance mapping both the Markdown and the HTML report render: strategies → 45 CFR
 * citations → controls → findings, the Security Rule coverage matrix, waivers and provenance.
 * Pure data, deterministically ordered, so identical input renders byte-identical reports.
 */
import { summarize } from '../engine/evaluate';
import { Finding, Rule, RunResult, STRATEGIES, Status, Strategy } from '../engine/types';
import { HIPAA_SPECS, HipaaSpec, specFor } from '../hipaa/specs';
import type { ReportOptions } from './types';

export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'unknown', 'waived', 'pass'];
export const STATUS_LABEL: Record<Status, string> = { fail: 'Fail', error: 'Error', unknown: 'Unknown', waived: 'Waived', pass: 'Pass' };
/** Text symbols so status is never conveyed by colour alone. */
export const STATUS_ICON: Record<Status, string> = { fail: '✗', error: '⚠', unknown: '?', waived: '≈', pass: '✓' };

export interface ControlGroup {
  readonly control: string;
  readonly rules: ReadonlyArray<{ readonly rule: Rule; readonly findings: readonly Finding[] }>;
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
  readonly citations: readonly CitationGroup[];
}

export interface CoverageRow {
  readonly spec: HipaaSpec;
  readonly technical: readonly Rule[];
  readonly evidence: readonly Rule[];
  readonly counts: Record<Status, number>;
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
  readonly expiredWaivers: readonly Finding[];
  readonly stale: RunResult['staleWaivers'];
  readonly resolved: NonNullable<RunResult['resolved']>;
  readonly baseline: boolean;
}

const citationKey = (c: string) => c.replace(/\((\d+)\)/g, (_, n: string) => `(${n.padStart(3, '0')})`);
const byCitation = (a: string, b: string) => (citationKey(a) < citationKey(b) ? -1 : citationKey(a) > citationKey(b) ? 1 : 0);

export function buildMapping(result: RunResult, opts: ReportOptions): Mapping {
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of result.findings) findingsByRule.set(f.ruleId, [...(findingsByRule.get(f.ruleId) ?? []), f]);

  const strategies: StrategyGroup[] = [];
  for (const strategy of Object.keys(STRATEGIES).map(Number) as Strategy[]) {
    const rules = result.rules.filter((r) => r.strategy === strategy);
    const citations = [...new Set(rules.flatMap((r) => r.citations.map((c) => specFor(c)?.citation ?? c)))].sort(byCitation);
    const groups: CitationGroup[] = citations.map((citation) => {
      const citing = rules.filter((r) => r.citations.some((c) => (specFor(c)?.citation ?? c) === citation));
      const controls = new Map<string, Array<{ rule: Rule; findings: Finding[] }>>();
      const notApplicable: Rule[] = [];
      for (const rule of citing) {
        const fs = findingsByRule.get(rule.id) ?? [];
        if (!fs.length) {
          notApplicable.push(rule);
          continue;
        }
        controls.set(rule.control, [...(controls.get(rule.control) ?? []), { rule, findings: fs }]);
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
      counts: summarize(result.findings.filter((f) => f.strategy === strategy)),
      citations: groups,
    });
  }

  const coverage: CoverageRow[] = HIPAA_SPECS.map((spec) => {
    const citing = result.rules.filter((r) => r.citations.some((c) => specFor(c)?.citation === spec.citation));
    const evidence = citing.filter((r) => r.scope === 'evidence' || r.kind === 'evidence');
    const technical = citing.filter((r) => !evidence.includes(r));
    const counts = summarize(citing.flatMap((r) => findingsByRule.get(r.id) ?? []));
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
    return { spec, technical, evidence, counts, how };
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
