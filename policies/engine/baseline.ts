/**
 * Baselines: compare this run with a previous JSON report.
 *
 * A finding is keyed by input file + Terraform address + rule id (not address + rule alone:
 * the same address in another plan file or stack is another resource). Findings that need
 * attention (fail, unknown, error) are marked `new` or `unchanged`; baseline findings that
 * needed attention and no longer do are listed as resolved.
 */
import { InputError } from '../model/errors';
import { ReadOptions, readInputFile } from '../model/input-file';
import type { Finding, ResolvedFinding, RunResult, Status } from './types';

const ATTENTION: readonly Status[] = ['fail', 'unknown', 'error'];

export interface BaselineEntry {
  readonly ruleId: string;
  readonly address: string;
  readonly file: string;
  readonly status: Status;
  readonly message: string;
}

export const baselineKey = (f: { file: string; address: string; ruleId: string }) => `${f.file}\u0000${f.address}\u0000${f.ruleId}`;

export function parseBaseline(text: string, path: string): BaselineEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError(`${path}: baseline is not valid JSON (pass a previous "phikit check --format json" report)`);
  }
  const findings = (doc as { findings?: unknown })?.findings;
  if (!Array.isArray(findings)) throw new InputError(`${path}: baseline has no "findings" list (pass a previous "phikit check --format json" report)`);
  const out: BaselineEntry[] = [];
  for (const f of findings) {
    if (!f || typeof f !== 'object') continue;
    const o = f as Record<string, unknown>;
    if (typeof o.ruleId !== 'string' || typeof o.address !== 'string' || typeof o.file !== 'string' || typeof o.status !== 'string') {
      throw new InputError(`${path}: baseline finding lacks ruleId, address, file or status`);
    }
    out.push({ ruleId: o.ruleId, address: o.address, file: o.file, status: o.status as Status, message: typeof o.message === 'string' ? o.message : '' });
  }
  return out;
}

export function loadBaseline(path: string, opts: ReadOptions = {}): BaselineEntry[] {
  return parseBaseline(readInputFile(path, { ...opts, what: 'baseline' }), path);
}

/** The run with `baseline` set on findings that need attention, and the resolved list. */
export function applyBaseline(result: RunResult, baseline: readonly BaselineEntry[]): RunResult {
  const before = new Map<string, BaselineEntry>();
  for (const b of baseline) if (ATTENTION.includes(b.status)) before.set(baselineKey(b), b);
  const nowAttention = new Set<string>();
  const findings: Finding[] = result.findings.map((f) => {
    if (!ATTENTION.includes(f.status)) return f;
    const key = baselineKey(f);
    nowAttention.add(key);
    return { ...f, baseline: before.has(key) ? 'unchanged' : 'new' };
  });
  const resolved: ResolvedFinding[] = [...before.entries()]
    .filter(([k]) => !nowAttention.has(k))
    .map(([, b]) => ({ ruleId: b.ruleId, address: b.address, file: b.file, status: b.status, message: b.message }))
    .sort((a, b) => (baselineKey(a) < baselineKey(b) ? -1 : 1));
  return { ...result, findings, resolved };
}
