/**
 * Run rules over a graph → findings.
 *
 * - A rule that throws yields an `error` finding for that resource (or the account) and the
 *   run goes on.
 * - `not_applicable` verdicts produce no finding.
 * - Waivers turn `fail`/`unknown` into `waived`; an expired waiver turns them into `fail`.
 * - Output order is deterministic: rule order, then unit order, then address.
 */
import * as vm from 'node:vm';
import type { Graph } from '../model/graph';
import type { Resource } from '../model/types';
import type { CheckContext, DeclaredScope, EvidenceSet, Finding, Rule, RunResult, Status, Strategy, Verdict } from './types';
import { clip } from '../model/printable';
import { WaiverMatcher, WaiversFile, WaiverTarget } from './waivers';

export interface EvaluateOptions {
  readonly rules: readonly Rule[];
  readonly waivers?: WaiversFile;
  readonly now?: Date;
  readonly evidence?: EvidenceSet;
  /** Only these rule ids (or control ids). */
  readonly ruleIds?: readonly string[];
  readonly strategies?: readonly Strategy[];
  /**
   * Time budget per rule in milliseconds (default 30 s), for all its checks together. A rule that
   * uses it up is stopped — even inside a check that never returns — and yields an `error`
   * finding for the resource it was checking; the run goes on with the next rule.
   */
  readonly ruleBudgetMs?: number;
  /**
   * `list` (default): every passing verdict is a finding. `count`: passes are only counted, per
   * rule, in `RunResult.passCounts` — for reports that list what needs attention and count the
   * rest (text, SARIF), which then need neither the time nor the memory of the pass findings.
   */
  readonly passes?: 'list' | 'count';
  /**
   * What the team declared to live elsewhere: account-level findings (at `(account)`) of the
   * declared account rules that do not pass become `not_assessed` with the declared reason.
   */
  readonly scope?: DeclaredScope;
  /**
   * The run was given no evidence directory: evidence rules are not run; each yields one
   * `not_assessed` finding (a gap) instead of failing on every missing file.
   */
  readonly evidenceNotGiven?: boolean;
}

/** Is `rule` an account rule covered by the declared `scope.account` (all, or the listed rule / control ids)? */
export function declaredElsewhere(rule: Rule, scope: DeclaredScope | undefined): boolean {
  const a = scope?.account;
  if (!a || rule.scope !== 'account') return false;
  return !a.controls || a.controls.some((c) => c === rule.id || c === rule.control || (rule.aliases ?? []).includes(c));
}

export const NOT_ASSESSED_ELSEWHERE = 'not assessed here — declared elsewhere: ';
export const NOT_ASSESSED_EVIDENCE = 'not assessed: no evidence directory was given (--evidence DIR, or `evidence:` in phikit.config.yaml)';

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

/**
 * Run `task` with a hard deadline. The vm module's timeout stops even a check stuck in an endless
 * loop (V8 terminates the running script from a watchdog thread); the stop surfaces here as an
 * error with code ERR_SCRIPT_EXECUTION_TIMEOUT. One call per rule, so its cost (a watchdog
 * thread start, ~0.1 ms) does not grow with the input.
 */
function withDeadline(ms: number, task: () => void): void {
  sandbox ??= vm.createContext({ task: undefined });
  sandbox.task = task;
  try {
    runTask.runInContext(sandbox, { timeout: Math.max(1, Math.floor(ms)) });
  } finally {
    sandbox.task = undefined;
  }
}

let sandbox: vm.Context | undefined;
const runTask = new vm.Script('task()');
const isTimeout = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/** A finding while the run is being built: waivers are applied once every target is known. */
type Draft = { -readonly [K in keyof Finding]: Finding[K] };

function errorMessage(e: unknown): string {
  const name = e instanceof Error ? e.name : 'Error';
  // The message of an exception may quote input; keep only its class and a generic text.
  return `rule raised ${name} while checking; the result for this target is unknown (reported as an error)`;
}

type Outcome = Verdict | { readonly status: 'error' | 'not_assessed'; readonly message: string; readonly resource?: Resource };

export function evaluate(graph: Graph, opts: EvaluateOptions): RunResult {
  const now = opts.now ?? new Date();
  const ctx: CheckContext = { graph, now, evidence: opts.evidence ?? EMPTY_EVIDENCE, rulesCatalogue: opts.rules };
  const rules = selectRules(opts.rules, opts.ruleIds, opts.strategies);
  const budget = opts.ruleBudgetMs ?? 30_000;
  const defaultUnit = graph.units[0];
  const drafts: Draft[] = [];
  // The resource of each draft (same index), for inline waivers.
  const about: Array<Resource | undefined> = [];

  const passCounts = opts.passes === 'count' ? new Map<string, number>() : undefined;
  // Counted passes still take part in telling whether a waiver's pattern spans stacks.
  const passTargets: WaiverTarget[] | undefined = passCounts && opts.waivers?.entries.length ? [] : undefined;

  const emit = (rule: Rule, v: Outcome, resource: Resource | undefined): void => {
    if (v.status === 'not_applicable') return;
    const unit = resource?.unit ?? defaultUnit;
    const evidenceFile = 'evidenceFile' in v ? v.evidenceFile : undefined;
    const address = resource ? resource.address : rule.scope === 'evidence' ? EVIDENCE : ACCOUNT;
    const file = evidenceFile || resource?.location?.file || (unit?.file ?? '');
    let status: Status = v.status;
    let message = v.message;
    if (elsewhere && address === ACCOUNT && (status === 'fail' || status === 'unknown')) {
      status = 'not_assessed';
      message = `${NOT_ASSESSED_ELSEWHERE}${opts.scope?.account?.reason} (in these inputs: ${v.message})`;
    }
    if (passCounts && status === 'pass') {
      passCounts.set(rule.id, (passCounts.get(rule.id) ?? 0) + 1);
      passTargets?.push({ ruleId: rule.id, address: clip(address), file, unitId: unit?.id ?? '', stack: unit?.stack });
      return;
    }
    drafts.push({
      ruleId: rule.id,
      title: rule.title,
      strategy: rule.strategy,
      severity: rule.severity,
      level: rule.level,
      citations: rule.citations,
      status,
      // Strings from the input are bounded here, once, for every report (clip is O(1) when short).
      message: clip(message),
      address: clip(address),
      resourceType: resource?.type,
      file,
      line: resource?.location?.line,
      unitId: unit?.id ?? '',
      stack: unit?.stack,
      constructPath: resource?.constructPath === undefined ? undefined : clip(resource.constructPath),
      evidence: 'evidence' in v && v.evidence ? { ...v.evidence, attribute: clip(v.evidence.attribute), value: clip(v.evidence.value) } : undefined,
      remediation: rule.remediation,
      waiver: undefined,
    });
    about.push(resource);
  };

  let elsewhere = false;
  for (const rule of rules) {
    elsewhere = declaredElsewhere(rule, opts.scope);
    if (rule.scope === 'evidence' && opts.evidenceNotGiven) {
      emit(rule, { status: 'not_assessed', message: NOT_ASSESSED_EVIDENCE }, undefined);
      continue;
    }
    // Nothing to check (and no deadline watchdog to start) when no resource has the rule's types.
    if (rule.scope === 'resource' && rule.resourceTypes.every((t) => graph.ofType(t).length === 0)) continue;
    const first = drafts.length;
    let current: Resource | undefined;
    try {
      withDeadline(budget, () => {
        if (rule.scope === 'resource') {
          for (const type of rule.resourceTypes) {
            for (const res of graph.ofType(type)) {
              current = res;
              try {
                graph.takeJoinNotes();
                const v = rule.check(res, ctx);
                const notes = graph.takeJoinNotes();
                if (Array.isArray(v)) for (const x of v as readonly Verdict[]) emit(rule, withJoinNotes(x, notes), x.resource ?? res);
                else emit(rule, withJoinNotes(v as Verdict, notes), (v as Verdict).resource ?? res);
              } catch (e) {
                emit(rule, { status: 'error', message: errorMessage(e) }, res);
              }
            }
          }
        } else {
          try {
            for (const v of rule.check(ctx)) emit(rule, v, v.resource);
          } catch (e) {
            emit(rule, { status: 'error', message: errorMessage(e) }, undefined);
          }
        }
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      // Stopped anywhere, possibly between the two pushes of `emit`: keep the lists in step.
      drafts.length = about.length = Math.min(drafts.length, about.length);
      emit(rule, { status: 'error', message: `rule exceeded its ${budget} ms time budget and was stopped; ${current ? 'this and the remaining resources were' : 'its targets were'} not checked by it` }, current);
    }
    sortRange(drafts, about, first);
  }

  const matcher = new WaiverMatcher(opts.waivers, now, passTargets?.length ? [...drafts, ...passTargets] : drafts);
  // An account finding has no resource of its own: an inline waiver for an account rule (a
  // construct declaring the control provided by the organization) is carried by some resource.
  const accountRules = new Set(rules.filter((r) => r.scope === 'account').map((r) => r.id));
  const accountInline = new Map<string, Resource>();
  if (accountRules.size) for (const r of graph.resources) for (const w of r.inlineWaivers) if (accountRules.has(w.ruleId) && !accountInline.has(w.ruleId)) accountInline.set(w.ruleId, r);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (d.status !== 'fail' && d.status !== 'unknown') continue;
    const waiver = matcher.match(d, about[i] ?? (d.address === ACCOUNT ? accountInline.get(d.ruleId) : undefined));
    if (!waiver) continue;
    if ('invalid' in waiver) {
      // A waiver without an approver, an expiry date or a reason waives nothing: the finding keeps its status.
      d.message = `${d.message} (${waiver.invalid})`;
      continue;
    }
    d.waiver = waiver;
    if (waiver.expired) {
      d.status = 'fail';
      d.message = `${d.message} (waiver ${waiver.expires ? `expired on ${waiver.expires}` : 'invalid'}: ${waiver.reason})`;
    } else d.status = 'waived';
  }
  return { findings: drafts, passCounts, staleWaivers: matcher.stale(), units: graph.units, rules, now };
}

const before = (a: Finding, b: Finding): boolean => (a.unitId !== b.unitId ? a.unitId < b.unitId : a.address < b.address);

/**
 * Order the findings of one rule (from index `first` on) by unit, then address, keeping the
 * check order among equals; `about` is kept in step. Usually already in order: checked first.
 */
function sortRange(drafts: Draft[], about: Array<Resource | undefined>, first: number): void {
  let sorted = true;
  for (let i = first + 1; i < drafts.length && sorted; i++) if (before(drafts[i], drafts[i - 1])) sorted = false;
  if (sorted) return;
  const idx = Array.from({ length: drafts.length - first }, (_, i) => first + i);
  idx.sort((a, b) => {
    const x = drafts[a];
    const y = drafts[b];
    if (x.unitId !== y.unitId) return x.unitId < y.unitId ? -1 : 1;
    if (x.address !== y.address) return x.address < y.address ? -1 : 1;
    return a - b;
  });
  const d = idx.map((i) => drafts[i]);
  const r = idx.map((i) => about[i]);
  for (let i = 0; i < d.length; i++) {
    drafts[first + i] = d[i];
    about[first + i] = r[i];
  }
}

/** Counts by status; with `passCounts` (passes counted, not listed), those passes too. */
export function summarize(findings: readonly Finding[], passCounts?: ReadonlyMap<string, number>): Record<Status, number> {
  const out: Record<Status, number> = { pass: 0, fail: 0, unknown: 0, waived: 0, error: 0, not_assessed: 0 };
  for (const f of findings) out[f.status]++;
  if (passCounts) for (const n of passCounts.values()) out.pass += n;
  return out;
}

/** A verdict that relied on joins made by scope says so (see Graph.related). */
function withJoinNotes(v: Verdict, notes: readonly string[]): Verdict {
  if (!notes.length || v.status === 'not_applicable') return v;
  return { ...v, message: `${v.message} (${[...new Set(notes)].join('; ')})` };
}
