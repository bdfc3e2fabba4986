/**
 * Construct-side waivers and prop validation.
 *
 * Weakening a secure default needs an explicit waiver with a reason, an approver and an expiry —
 * the same policy as a waivers file. A waiver is written into the synthesized resource's `"//"`
 * metadata (`"//": { "phikit": { "waivers": [...] } }`), where the policy checker reads it: the
 * finding for that rule and resource becomes `waived` (or `fail` once expired) and shows the
 * reason, approver and expiry in every report. A waiver for a rule the construct's props do not
 * weaken is refused (it would otherwise vanish silently).
 *
 * Every construct validates all its props before creating anything and throws ONE error naming
 * every bad prop and every missing or invalid waiver.
 */
import { Token, type TerraformElement } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { InlineWaiver } from '../../policies/model/types';

/** A construct waiver: the shared inline-waiver shape, with approver and expiry required. */
export interface Waiver extends InlineWaiver {
  /** phikit rule id the waiver is for, e.g. `ENC-01`. */
  readonly ruleId: string;
  /** Why weakening the default is acceptable (at least 10 characters). */
  readonly reason: string;
  /** Who approved it (person, role or team, e.g. `security@example.org`). */
  readonly approvedBy: string;
  /** Last day the waiver applies (YYYY-MM-DD). After it, the checker fails the finding again. */
  readonly expires: string;
}

/** Thrown at construct time when props are invalid (every problem of the construct listed). */
export class HipaaPropsError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'HipaaPropsError';
  }
}

/** Thrown at construct time when an insecure setting has no (valid) waiver, or a waiver is unused. */
export class WaiverRequiredError extends HipaaPropsError {
  constructor(message: string, problems: readonly string[]) {
    super(message, problems);
    this.name = 'WaiverRequiredError';
  }
}

const RULE_ID = /^[A-Z]{2,4}-\d{2}[a-z]?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Same minimum as a waivers file's reason (policies/schemas/waivers.schema.json). */
export const MIN_REASON_LENGTH = 10;

function validDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Problems with one waiver, as readable sentences (empty when valid). */
export function waiverShapeProblems(w: Partial<Waiver> | undefined): string[] {
  if (!w || typeof w !== 'object') return ['a waiver must be an object { ruleId, reason, approvedBy, expires }'];
  const id = typeof w.ruleId === 'string' ? w.ruleId : String(w.ruleId);
  const out: string[] = [];
  if (!RULE_ID.test(id)) out.push(`waiver ruleId "${id}" is not a phikit rule id`);
  if (typeof w.reason !== 'string' || w.reason.trim().length < MIN_REASON_LENGTH) out.push(`waiver ${id}: reason must be at least ${MIN_REASON_LENGTH} characters`);
  if (typeof w.approvedBy !== 'string' || !w.approvedBy.trim()) out.push(`waiver ${id}: approvedBy is required (who accepted the risk)`);
  if (!validDate(w.expires)) out.push(`waiver ${id}: expires ${w.expires === undefined ? 'is required' : `"${w.expires}" is not a YYYY-MM-DD date`}`);
  return out;
}

/** Problems with the waiver for a rule (kept for callers of the earlier API). */
export function waiverProblems(w: Partial<Waiver> | undefined, ruleId: string): string[] {
  if (!w) return [`no waiver given for ${ruleId}`];
  if (w.ruleId !== ruleId) return [`waiver is for ${w.ruleId}, but this setting needs a waiver for ${ruleId}`];
  return waiverShapeProblems(w);
}

const snippet = (ruleId: string) => `{ ruleId: '${ruleId}', reason: '…', approvedBy: '…', expires: 'YYYY-MM-DD' }`;

/**
 * Collects a construct's prop problems and the waivers its props need, then throws one error
 * listing all of them.
 *
 * @example
 * const p = new PropCheck(this, 'HipaaBucket', props.waivers);
 * p.expect(days > 0, 'objectLock.days', `must be a positive whole number of days, got ${days}`);
 * p.weakens(!versioned, 'versioned: false', 'BAK-08a');
 * const waivers = p.done();   // throws, or returns the waivers the props need
 */
export class PropCheck {
  private readonly problems: string[] = [];
  private readonly waiverIssues: string[] = [];
  private readonly used: Waiver[] = [];
  private readonly asked = new Set<string>();

  constructor(
    private readonly scope: IConstruct,
    private readonly kind: string,
    private readonly waivers: readonly Waiver[] | undefined,
  ) {}

  /** Record a bad prop unless `ok`. */
  expect(ok: boolean, prop: string, problem: string): boolean {
    if (!ok) this.problems.push(`${prop} ${problem}`);
    return ok;
  }

  /** Check a string prop's format, unless it is a token (known only at apply). */
  expectFormat(value: string | undefined, prop: string, ok: (v: string) => boolean, problem: string): boolean {
    if (value === undefined || Token.isUnresolved(value)) return true;
    return this.expect(typeof value === 'string' && ok(value), prop, `"${value}" ${problem}`);
  }

  /** When `weakened`, the props weaken the default that `ruleId` checks: a valid waiver is needed. */
  weakens(weakened: boolean, setting: string, ruleId: string): void {
    if (!weakened) return;
    this.asked.add(ruleId);
    const w = (this.waivers ?? []).find((x) => x?.ruleId === ruleId);
    if (!w) {
      this.waiverIssues.push(`${setting} weakens a HIPAA secure default (phikit rule ${ruleId}): pass waivers: [${snippet(ruleId)}] to accept it`);
      return;
    }
    const shape = waiverShapeProblems(w);
    if (shape.length) this.waiverIssues.push(...shape.map((s) => `${setting}: ${s}`));
    else if (!this.used.includes(w)) this.used.push(w);
  }

  /** Throw every problem at once, or return the waivers to record. */
  done(): Waiver[] {
    for (const w of this.waivers ?? []) {
      if (w && this.asked.has(w.ruleId)) continue;
      this.waiverIssues.push(
        !w || !RULE_ID.test(String(w.ruleId))
          ? waiverShapeProblems(w)[0]
          : `waiver for ${w.ruleId}: these ${this.kind} props do not weaken ${w.ruleId}, so there is nothing to waive (remove it; to accept a finding the construct does not control, use a waivers file)`,
      );
    }
    const all = [...this.problems, ...this.waiverIssues];
    if (all.length) {
      const text = `[${this.scope.node.path}] ${this.kind}: ${all.length} problem${all.length > 1 ? 's' : ''} with its props:\n${all.map((p) => `  - ${p}`).join('\n')}`;
      throw this.waiverIssues.length ? new WaiverRequiredError(text, all) : new HipaaPropsError(text, all);
    }
    return [...this.used];
  }
}

/**
 * Require a waiver for one insecure setting (single-setting form of PropCheck). Returns the
 * waiver, or throws WaiverRequiredError naming the construct, the setting and the rule.
 */
export function requireWaiver(scope: IConstruct, setting: string, ruleId: string, waivers: readonly Waiver[] | undefined): Waiver {
  const p = new PropCheck(scope, scope.constructor.name, (waivers ?? []).filter((w) => w?.ruleId === ruleId));
  p.weakens(true, setting, ruleId);
  return p.done()[0];
}

/** Write waivers into a resource's `"//"` metadata for the checker. */
export function recordWaivers(resource: TerraformElement, waivers: readonly Waiver[]): void {
  if (!waivers.length) return;
  resource.addOverride(
    '//.phikit.waivers',
    waivers.map((w) => ({ ruleId: w.ruleId, reason: w.reason, approvedBy: w.approvedBy, expires: w.expires })),
  );
}

/** Approver recorded on the waivers the kit itself writes (a constraint of AWS, not a user's choice). */
export const KIT_APPROVER = 'phikit (built-in: AWS service constraint)';
/**
 * Expiry of the kit's built-in waivers: one year after the catalogue date. They then fail again,
 * so the AWS constraint behind each is re-reviewed with a phikit upgrade.
 */
export const KIT_WAIVER_EXPIRES = '2027-11-30';
