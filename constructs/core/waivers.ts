/**
 * Construct-side waivers: weakening a secure default needs an explicit waiver with a reason.
 *
 * A waiver is written into the synthesized resource's `"//"` metadata
 * (`"//": { "phikit": { "waivers": [...] } }`), where the policy checker reads it: the finding
 * for that rule and resource becomes `waived` (or `fail` once expired) and shows the reason in
 * every report.
 */
import type { TerraformElement } from 'cdktf';
import type { IConstruct } from 'constructs';

export interface Waiver {
  /** phikit rule id the waiver is for, e.g. `ENC-01`. */
  readonly ruleId: string;
  /** Why weakening the default is acceptable (at least 10 characters). */
  readonly reason: string;
  /** Last day the waiver applies (YYYY-MM-DD). After it, the checker fails the finding again. */
  readonly expires?: string;
  /** Who approved it (person or team). */
  readonly approvedBy?: string;
}

/** Thrown at construct time when an insecure setting has no (valid) waiver. */
export class WaiverRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaiverRequiredError';
  }
}

const RULE_ID = /^[A-Z]{2,4}-\d{2}[a-z]?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a waiver, as readable sentences (empty when valid). */
export function waiverProblems(w: Waiver | undefined, ruleId: string): string[] {
  if (!w) return [`no waiver given for ${ruleId}`];
  const out: string[] = [];
  if (!RULE_ID.test(w.ruleId)) out.push(`waiver ruleId "${w.ruleId}" is not a phikit rule id`);
  else if (w.ruleId !== ruleId) out.push(`waiver is for ${w.ruleId}, but this setting needs a waiver for ${ruleId}`);
  if (typeof w.reason !== 'string' || w.reason.trim().length < 10) out.push('waiver reason must be at least 10 characters');
  if (w.expires !== undefined && (!DATE.test(w.expires) || Number.isNaN(Date.parse(w.expires)))) out.push(`waiver expires "${w.expires}" is not a YYYY-MM-DD date`);
  return out;
}

/**
 * Require a waiver for an insecure setting. Returns the waiver, or throws
 * WaiverRequiredError naming the construct, the setting and the rule.
 *
 * @param scope   the construct whose props weaken a default (for the error message)
 * @param setting what was weakened, e.g. `publicRead: true`
 * @param ruleId  the phikit rule the weakened setting fails
 * @param waivers the waivers given in the construct's props
 */
export function requireWaiver(scope: IConstruct, setting: string, ruleId: string, waivers: readonly Waiver[] | undefined): Waiver {
  const w = (waivers ?? []).find((x) => x.ruleId === ruleId);
  const problems = waiverProblems(w, ruleId);
  if (problems.length) {
    throw new WaiverRequiredError(
      `[${scope.node.path}] ${setting} weakens a HIPAA secure default (phikit rule ${ruleId}); pass waivers: [{ ruleId: '${ruleId}', reason: '…', expires: 'YYYY-MM-DD' }] to accept it: ${problems.join('; ')}`,
    );
  }
  return w as Waiver;
}

/** Write waivers into a resource's `"//"` metadata for the checker. */
export function recordWaivers(resource: TerraformElement, waivers: readonly Waiver[]): void {
  if (!waivers.length) return;
  resource.addOverride(
    '//.phikit.waivers',
    waivers.map((w) => ({ ruleId: w.ruleId, reason: w.reason, ...(w.expires ? { expires: w.expires } : {}), ...(w.approvedBy ? { approvedBy: w.approvedBy } : {}) })),
  );
}
