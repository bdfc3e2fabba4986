/**
 * Waivers: recorded exceptions with a reason, an approver and an expiry date.
 *
 * Sources: a waivers file (JSON or YAML, validated against schemas/waivers.schema.json) and
 * waivers written by phikit constructs into a resource's cdktf `"//"` metadata.
 * A waived finding keeps its place in every report (status `waived`). An expired waiver
 * makes the finding fail with a message saying so. A waiver that matches nothing is stale.
 */
import YAML from 'yaml';
import { InputError } from '../model/errors';
import { CompiledGlob, compileGlob } from '../model/glob';
import { ReadOptions, readInputFile } from '../model/input-file';
import type { Resource } from '../model/types';
import { compileSchema, schemaErrorsText } from '../schemas';
import type { StaleWaiver, WaiverInfo } from './types';

export interface WaiverEntry {
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  readonly approved_by: string;
  readonly expires: string;
  readonly stack?: string;
  readonly file?: string;
  readonly any_stack?: boolean;
}

export interface WaiversFile {
  readonly path: string;
  readonly entries: readonly WaiverEntry[];
}

const validate = compileSchema('waivers.schema.json');

export function parseWaivers(text: string, path: string): WaiversFile {
  let doc: unknown;
  try {
    doc = /\.ya?ml$/i.test(path) ? YAML.parse(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch {
    throw new InputError(`${path}: waivers file is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}`);
  }
  if (!validate(doc)) throw new InputError(`${path}: invalid waivers file: ${schemaErrorsText(validate.errors)}`);
  return { path, entries: (doc as { waivers: WaiverEntry[] }).waivers };
}

export function loadWaivers(path: string, opts: ReadOptions = {}): WaiversFile {
  return parseWaivers(readInputFile(path, { ...opts, what: 'waivers file' }), path);
}

/** End of the expiry day, UTC. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  if (!expires) return false;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T23:59:59.999Z` : expires);
  return Number.isNaN(t) ? true : t < now.getTime();
}

/** What a waiver is matched against: a finding, or a pass that was only counted. */
export interface WaiverTarget {
  readonly ruleId: string;
  readonly address: string;
  readonly unitId: string;
  readonly file: string;
  readonly stack?: string;
}

interface Compiled {
  readonly entry: WaiverEntry;
  readonly re: CompiledGlob;
  readonly index: number;
  readonly units: Set<string>;
}

/**
 * Matches findings against waivers. Call `match` for every finding, then `stale()`.
 */
export class WaiverMatcher {
  private readonly used = new Set<number>();
  private readonly ambiguous = new Set<number>();
  /** File entries that matched but lack what every waiver needs → what is missing. */
  private readonly invalidEntries = new Map<number, string>();
  /** Inline waivers that lack it, once per finding key. */
  private readonly invalidInline = new Map<string, StaleWaiver>();
  private readonly compiled: Compiled[];
  /** Entries by rule + exact address (no `*` / `?`), and glob entries by rule: a finding meets only its own. */
  private readonly exact = new Map<string, Compiled[]>();
  private readonly globs = new Map<string, Compiled[]>();

  constructor(
    private readonly file: WaiversFile | undefined,
    private readonly now: Date,
    /** Every (rule, address, unit) that will be matched, so globs can be checked for spanning stacks. */
    targets: readonly WaiverTarget[],
  ) {
    this.compiled = (file?.entries ?? []).map((entry, index) => ({ entry, re: compileGlob(entry.resource), index, units: new Set<string>() }));
    for (const c of this.compiled) {
      const isGlob = /[*?]/.test(c.entry.resource);
      const index = isGlob ? this.globs : this.exact;
      const key = isGlob ? c.entry.rule : `${c.entry.rule}\u0000${c.entry.resource}`;
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    }
    for (const t of targets) for (const c of this.candidates(t)) if (this.scopeMatches(c.entry, c.re, t)) c.units.add(t.unitId);
    for (const c of this.compiled) if (c.units.size > 1 && !c.entry.any_stack && !c.entry.stack && !c.entry.file) this.ambiguous.add(c.index);
  }

  /** The entries that can match a target, in file order. */
  private candidates(t: WaiverTarget): Compiled[] {
    if (!this.compiled.length) return [];
    const exact = this.exact.get(`${t.ruleId}\u0000${t.address}`);
    const globs = this.globs.get(t.ruleId);
    if (!exact) return globs ?? [];
    if (!globs) return exact;
    return [...exact, ...globs].sort((x, y) => x.index - y.index);
  }

  private scopeMatches(e: WaiverEntry, re: CompiledGlob, t: WaiverTarget): boolean {
    if (e.rule !== t.ruleId) return false;
    if (e.stack && e.stack !== t.stack) return false;
    if (e.file && e.file !== t.file) return false;
    return re.test(t.address);
  }

  /**
   * The waiver that applies to a finding (about `resource`, when it is about one), if any; or
   * why the waiver written for it does not apply (it lacks what every waiver needs).
   */
  match(t: WaiverTarget, resource?: Resource): WaiverInfo | { readonly invalid: string } | undefined {
    let invalid: string | undefined;
    for (const c of this.candidates(t)) {
      if (this.ambiguous.has(c.index) || !this.scopeMatches(c.entry, c.re, t)) continue;
      this.used.add(c.index);
      const problems = waiverProblems({ reason: c.entry.reason, approvedBy: c.entry.approved_by, expires: c.entry.expires });
      if (problems.length) {
        this.invalidEntries.set(c.index, problems.join(', '));
        invalid ??= `waiver ${this.file?.path}#waivers[${c.index}] not applied: ${problems.join(', ')}`;
        continue;
      }
      return {
        source: 'file',
        reason: c.entry.reason,
        approvedBy: c.entry.approved_by,
        expires: c.entry.expires,
        expired: isExpired(c.entry.expires, this.now),
        origin: `${this.file?.path}#waivers[${c.index}]`,
      };
    }
    const inline = resource?.inlineWaivers.find((w) => w.ruleId === t.ruleId);
    if (inline) {
      const origin = resource?.constructPath ?? t.address;
      const problems = waiverProblems(inline);
      if (problems.length) {
        const key = `${t.unitId}\u0000${t.address}\u0000${t.ruleId}`;
        if (!this.invalidInline.has(key)) this.invalidInline.set(key, { origin, rule: t.ruleId, resource: t.address, reason: inline.reason, problem: 'invalid', detail: problems.join(', ') });
        return { invalid: `inline waiver not applied: ${problems.join(', ')}` };
      }
      return {
        source: 'inline',
        reason: inline.reason,
        approvedBy: inline.approvedBy,
        expires: inline.expires,
        expired: isExpired(inline.expires, this.now),
        origin,
      };
    }
    return invalid === undefined ? undefined : { invalid };
  }

  stale(): StaleWaiver[] {
    const file = this.compiled
      .filter((c) => !this.used.has(c.index) || this.invalidEntries.has(c.index))
      .map((c): StaleWaiver => {
        const detail = this.invalidEntries.get(c.index);
        return {
          origin: `${this.file?.path}#waivers[${c.index}]`,
          rule: c.entry.rule,
          resource: c.entry.resource,
          reason: c.entry.reason,
          problem: detail !== undefined ? 'invalid' : this.ambiguous.has(c.index) ? 'ambiguous' : 'unmatched',
          ...(detail !== undefined ? { detail } : {}),
        };
      });
    return [...file, ...this.invalidInline.values()];
  }
}

/** Shortest waiver reason accepted, from every source (the waivers schema says the same). */
export const MIN_REASON_CHARS = 10;

/**
 * One waiver policy for every source — waivers file, `"//"` metadata written by a phikit
 * construct or by hand: a reason of at least {@link MIN_REASON_CHARS} characters, who approved
 * it, and the last day it applies (YYYY-MM-DD). What is missing, as short phrases (none: valid).
 */
export function waiverProblems(w: { readonly reason?: unknown; readonly approvedBy?: unknown; readonly expires?: unknown }): string[] {
  const out: string[] = [];
  if (typeof w.reason !== 'string' || w.reason.trim().length < MIN_REASON_CHARS) out.push(`a reason shorter than ${MIN_REASON_CHARS} characters`);
  if (typeof w.approvedBy !== 'string' || !w.approvedBy.trim()) out.push('no approver (approvedBy)');
  if (typeof w.expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(w.expires) || Number.isNaN(Date.parse(`${w.expires}T00:00:00Z`))) out.push('no expiry date (expires: YYYY-MM-DD)');
  return out;
}
