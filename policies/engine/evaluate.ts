/**
 * Run rules over a graph → findings.
 *
 * - A rule that throws yields an `error` finding for that resource (or the account) and the
 *   run goes on.
 * - `not_applicable` verdicts produce no finding.
 * - Waivers turn `fail`/`unknown` into `waived`; an expired waiver turns them into `fail`.
 * - Output order is deterministic: rule order, then unit order, then address.
 */
import type { Graph } from '../model/graph';
import type { Resource } from '../model/types';
import type { CheckContext, EvidenceSet, Finding, Rule, RunResult, Status, Strategy, Verdict } from './types';
import { WaiverMatcher, WaiversFile } from './waivers';

export interface EvaluateOptions {
  readonly rules: readonly Rule[];
  readonly waivers?: WaiversFile;
  readonly now?: Date;
  readonly evidence?: EvidenceSet;
  /** Only these rule ids (or control ids). */
  readonly ruleIds?: readonly string[];
  readonly strategies?: readonly Strategy[];
  /**
   * Time budget per rule in milliseconds (default 30 s). A rule that uses it up stops being run
   * on further resources and yields an `error` finding. JavaScript cannot interrupt a single
   * check call, so a check that never returns still hangs the run; the budget catches rules that
   * are slow per resource, the common failure.
   */
  readonly ruleBudgetMs?: number;
}

export const ACCOUNT = '(account)';
export const EVIDENCE = '(evidence)';

const EMPTY_EVIDENCE: EvidenceSet = { files: new Map() };

export function selectRules(rules: readonly Rule[], ids?: readonly string[], strategies?: readonly Strategy[]): Rule[] {
  return rules.filter(
    (r) =>
      (!ids || !ids.length || ids.includes(r.id) || ids.includes(r.control) || (r.aliases ?? []).some((a) => ids.includes(a))) &&
      (!strategies || !strategies.length || strategies.includes(r.strategy)),
  );
}

interface Raw {
  rule: Rule;
  verdict: Verdict | { status: 'error'; message: string; resource?: Resource };
  resource?: Resource;
}

function errorMessage(e: unknown): string {
  const name = e instanceof Error ? e.name : 'Error';
  // The message of an exception may quote input; keep only its class and a generic text.
  return `rule raised ${name} while checking; the result for this target is unknown (reported as an error)`;
}

export function evaluate(graph: Graph, opts: EvaluateOptions): RunResult {
  const now = opts.now ?? new Date();
  const ctx: CheckContext = { graph, now, evidence: opts.evidence ?? EMPTY_EVIDENCE, rulesCatalogue: opts.rules };
  const rules = selectRules(opts.rules, opts.ruleIds, opts.strategies);
  const raws: Raw[] = [];
  const budget = opts.ruleBudgetMs ?? 30_000;
  for (const rule of rules) {
    if (rule.scope === 'resource') {
      const started = Date.now();
      let exhausted = false;
      for (const type of rule.resourceTypes) {
        for (const res of graph.ofType(type)) {
          if (exhausted) break;
          if (Date.now() - started > budget) {
            exhausted = true;
            raws.push({ rule, verdict: { status: 'error', message: `rule exceeded its ${budget} ms time budget; remaining resources were not checked by it` }, resource: res });
            break;
          }
          try {
            const v = rule.check(res, ctx);
            for (const verdict of Array.isArray(v) ? (v as Verdict[]) : [v as Verdict]) {
              raws.push({ rule, verdict, resource: verdict.resource ?? res });
            }
          } catch (e) {
            raws.push({ rule, verdict: { status: 'error', message: errorMessage(e) }, resource: res });
          }
        }
      }
    } else {
      try {
        for (const verdict of rule.check(ctx)) raws.push({ rule, verdict, resource: verdict.resource });
      } catch (e) {
        raws.push({ rule, verdict: { status: 'error', message: errorMessage(e) } });
      }
    }
  }
  const applicable = raws.filter((r) => r.verdict.status !== 'not_applicable');
  const defaultUnit = graph.units[0];
  const targets = applicable.map((r) => {
    const unit = r.resource?.unit ?? defaultUnit;
    return {
      ruleId: r.rule.id,
      address: addressOf(r),
      unitId: unit?.id ?? '',
      file: 'evidenceFile' in r.verdict && r.verdict.evidenceFile ? r.verdict.evidenceFile : unit?.file ?? '',
      stack: unit?.stack,
      resource: r.resource,
    };
  });
  const matcher = new WaiverMatcher(opts.waivers, now, targets);
  const findings: Finding[] = applicable.map((r, i) => {
    const t = targets[i];
    let status = r.verdict.status as Status;
    let message = r.verdict.message;
    const waiver = status === 'fail' || status === 'unknown' ? matcher.match(t) : undefined;
    if (waiver) {
      if (waiver.expired) {
        status = 'fail';
        message = `${message} (waiver ${waiver.expires ? `expired on ${waiver.expires}` : 'invalid'}: ${waiver.reason})`;
      } else status = 'waived';
    }
    const evidence = 'evidence' in r.verdict ? r.verdict.evidence : undefined;
    return {
      ruleId: r.rule.id,
      title: r.rule.title,
      strategy: r.rule.strategy,
      severity: r.rule.severity,
      citations: r.rule.citations,
      status,
      message,
      address: t.address,
      resourceType: r.resource?.type,
      file: t.file,
      unitId: t.unitId,
      stack: t.stack,
      constructPath: r.resource?.constructPath,
      evidence,
      remediation: r.rule.remediation,
      waiver,
    };
  });
  return { findings: sortFindings(findings, rules), staleWaivers: matcher.stale(), units: graph.units, rules, now };
}

function addressOf(r: Raw): string {
  if (r.resource) return r.resource.address;
  if (r.rule.scope === 'evidence') return EVIDENCE;
  return ACCOUNT;
}

function sortFindings(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ra = order.get(a.f.ruleId) ?? 0;
      const rb = order.get(b.f.ruleId) ?? 0;
      if (ra !== rb) return ra - rb;
      if (a.f.unitId !== b.f.unitId) return a.f.unitId < b.f.unitId ? -1 : 1;
      if (a.f.address !== b.f.address) return a.f.address < b.f.address ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.f);
}

/** Counts by status. */
export function summarize(findings: readonly Finding[]): Record<Status, number> {
  const out: Record<Status, number> = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0 };
  for (const f of findings) out[f.status]++;
  return out;
}
