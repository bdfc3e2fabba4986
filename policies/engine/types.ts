import type { Graph } from '../model/graph';
import type { Resource, Unit } from '../model/types';

/** The eight strategies of the healthcare-cybersecurity document. */
export const STRATEGIES = {
  1: 'Encryption',
  2: 'Access Control (incl. multi-factor authentication)',
  3: 'Regular Security Audits',
  4: 'Employee Training',
  5: 'Secure Communication',
  6: 'Data Backup and Recovery',
  7: 'Collaboration with Cybersecurity Experts',
  8: 'Incident Response Plan',
} as const;

export type Strategy = keyof typeof STRATEGIES;
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/**
 * `not_assessed`: the rule was not judged on these inputs — an account-level control declared to
 * live elsewhere (`scope.account`), or an evidence rule run without evidence. Never a pass: it is
 * listed and counted, fails the run with `--strict`, and is a gap in the reviewer report.
 */
export type Status = 'pass' | 'fail' | 'unknown' | 'waived' | 'error' | 'not_assessed';
export const STATUSES: readonly Status[] = ['fail', 'error', 'unknown', 'not_assessed', 'waived', 'pass'];

/** What a team declares to live outside the inputs checked (phikit.config.yaml `scope`). */
export interface DeclaredScope {
  /**
   * Account-level controls (CloudTrail, GuardDuty, password policy, …) owned by another stack or the
   * organization: their account findings are `not_assessed` with this reason instead of failing.
   * `controls`: only these rule or control ids (default: every account-level rule).
   */
  readonly account?: { readonly reason: string; readonly controls?: readonly string[] };
}

/**
 * What HIPAA requires apart from what phikit recommends.
 * - `required`: the HIPAA baseline: an anchor (cdk-nag `HIPAA.Security` or the AWS Config HIPAA
 *   conformance pack) asks the same thing, or the Security Rule names the control directly.
 * - `recommended`: phikit hardening beyond that baseline.
 */
export type Level = 'required' | 'recommended';
export const LEVELS: readonly Level[] = ['required', 'recommended'];

/**
 * Why a rule has its level. A `required` rule either has cdk-nag / AWS Config anchors in `anchors`
 * that ask the same thing (then `levelBasis` may be omitted: every cdk-nag and AWS Config anchor of
 * the rule is its basis), or names in `securityRule` the 45 CFR provision that names the control.
 * A `recommended` rule may say in `beyond` what the baseline accepts that phikit asks more than
 * (required whenever the rule has cdk-nag / AWS Config anchors, to say why they do not make it required).
 */
export interface LevelBasis {
  /** The 45 CFR provision naming the control, starting with its citation: `164.312(b) audit controls …`. */
  readonly securityRule?: string;
  /** For `recommended` rules: what HIPAA and the anchors accept, and what phikit asks beyond it. */
  readonly beyond?: string;
}

/** One test/documentation case: Terraform resources written once, run through both formats. */
export interface RuleCase {
  /** What makes this case pass or fail, e.g. `fails when sse_algorithm is AES256`. */
  readonly description: string;
  /**
   * Resources keyed by address (`aws_s3_bucket.b`, `data.aws_iam_policy_document.p`).
   * Nested blocks are written as lists of objects; maps (tags) as objects; references as
   * `${aws_s3_bucket.b.id}`. Attributes listed in `unknown` become unknown-after-apply.
   */
  readonly resources: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Address → attribute paths that are unknown after apply in the plan form of this case. */
  readonly unknown?: Readonly<Record<string, readonly string[]>>;
  /** Evidence files for organizational rules, keyed by file name (`training.json`). */
  readonly evidence?: Readonly<Record<string, unknown>>;
  /** The address the expectation is about; default: any finding of the rule. */
  readonly target?: string;
  /** Case-specific clock for recency rules (ISO date). */
  readonly now?: string;
  /**
   * Plan action per address (default `create`). A `delete`d resource appears only in the plan's
   * `resource_changes` (its body is the `before` state) and is left out of the synth form, as a
   * resource removed from the configuration would be.
   */
  readonly actions?: Readonly<Record<string, 'delete' | 'replace' | 'update' | 'no-op'>>;
  /** Input formats the case applies to (default both): for behaviour only one format can show, e.g. planned deletions. */
  readonly formats?: ReadonlyArray<'synth' | 'plan'>;
}

export interface RuleExamples {
  readonly pass: readonly RuleCase[];
  readonly fail: readonly RuleCase[];
  /** Cases where the decisive attribute is unknown after apply. */
  readonly unknown?: readonly RuleCase[];
}

export interface RuleMeta {
  /** Stable id, never reused: `ENC-01`, `ENC-04b`. */
  readonly id: string;
  /** Catalogue control this rule implements (`ENC-04`). */
  readonly control: string;
  /** Desired state, e.g. "S3 buckets encrypt by default with a customer-managed KMS key". */
  readonly title: string;
  readonly strategy: Strategy;
  /** 45 CFR citations, verbatim: `164.312(a)(2)(iv)`. */
  readonly citations: readonly string[];
  readonly severity: Severity;
  /** `required` (HIPAA baseline) or `recommended` (phikit hardening); see {@link Level}. */
  readonly level: Level;
  /** Why the rule has its level; see {@link LevelBasis}. */
  readonly levelBasis?: LevelBasis;
  /** Resource types the rule evaluates (empty for account/evidence rules). */
  readonly resourceTypes: readonly string[];
  readonly rationale: string;
  readonly remediation: string;
  /** The phikit construct that satisfies the rule, when one exists. */
  readonly construct?: string;
  readonly references?: readonly string[];
  /** Equivalent rules in other rule sets. */
  readonly anchors?: {
    readonly cdkNag?: readonly string[];
    readonly awsConfig?: readonly string[];
    readonly checkov?: readonly string[];
  };
  /** Old ids of this rule. */
  readonly aliases?: readonly string[];
  /** `technical` (resource attributes) or `evidence` (organizational evidence files). */
  readonly kind?: 'technical' | 'evidence';
  readonly examples: RuleExamples;
}

/** What a check says about one target. */
export interface Verdict {
  readonly status: 'pass' | 'fail' | 'unknown' | 'not_applicable';
  readonly message: string;
  /** The attribute that decided it, and its value as rendered (sensitive values redacted). */
  readonly evidence?: { readonly attribute: string; readonly value: string };
  /** For account/graph rules: the resource the verdict is about; omitted = the account. */
  readonly resource?: Resource;
  /** For evidence rules: the evidence file the verdict is about. */
  readonly evidenceFile?: string;
}

/** Organizational evidence loaded from `--evidence DIR`. */
export interface EvidenceSet {
  readonly dir?: string;
  /** file name → parsed JSON (already schema-validated), or an error message. */
  readonly files: ReadonlyMap<string, { readonly data?: unknown; readonly error?: string; readonly path: string }>;
}

export interface CheckContext {
  readonly graph: Graph;
  /** The clock used for recency and expiry decisions. */
  readonly now: Date;
  readonly evidence: EvidenceSet;
  /** The whole rule catalogue of the run (for rules that refer to other rules). */
  readonly rulesCatalogue?: readonly RuleMeta[];
}

export interface ResourceRule extends RuleMeta {
  readonly scope: 'resource';
  /** Called once per managed resource of `resourceTypes` (resources being deleted are skipped). */
  check(resource: Resource, ctx: CheckContext): Verdict | readonly Verdict[];
}

export interface GraphRule extends RuleMeta {
  readonly scope: 'account' | 'evidence';
  /** Called once for the whole input. */
  check(ctx: CheckContext): readonly Verdict[];
}

export type Rule = ResourceRule | GraphRule;

export interface WaiverInfo {
  readonly source: 'file' | 'inline';
  readonly reason: string;
  readonly approvedBy?: string;
  readonly expires?: string;
  readonly expired: boolean;
  /** Waivers file path and entry index, or the construct path. */
  readonly origin: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly strategy: Strategy;
  readonly severity: Severity;
  /** The rule's level: a `recommended` finding does not fail the run unless `--level recommended`. */
  readonly level: Level;
  readonly citations: readonly string[];
  readonly status: Status;
  readonly message: string;
  /** Terraform address; `(account)` for account-level findings; `(evidence)` for evidence files. */
  readonly address: string;
  readonly resourceType?: string;
  readonly file: string;
  /** Line of the resource in `file`, when the input says it (Terraform source). */
  readonly line?: number;
  readonly unitId: string;
  readonly stack?: string;
  readonly constructPath?: string;
  readonly evidence?: { readonly attribute: string; readonly value: string };
  readonly remediation: string;
  readonly waiver?: WaiverInfo;
  /** Set when compared with a baseline report (`--baseline`): is this finding new? */
  readonly baseline?: 'new' | 'unchanged';
}

export interface StaleWaiver {
  readonly origin: string;
  readonly rule: string;
  readonly resource: string;
  readonly reason: string;
  /**
   * `unmatched`, `ambiguous` (glob matched several stacks without saying so) or `invalid` (it
   * matched, but lacks an approver, an expiry date or a long enough reason, so it was not applied).
   */
  readonly problem: 'unmatched' | 'ambiguous' | 'invalid';
  /** For `invalid`: what is missing. */
  readonly detail?: string;
}

export interface ResolvedFinding {
  readonly ruleId: string;
  readonly address: string;
  readonly file: string;
  readonly status: Status;
  readonly message: string;
}

export interface RunResult {
  /** Every finding — except passes when the run only counted them (`passCounts`). */
  readonly findings: readonly Finding[];
  /** Passing verdicts per rule id, not listed in `findings` (evaluate's `passes: 'count'`). */
  readonly passCounts?: ReadonlyMap<string, number>;
  /** Findings of the baseline that no longer fail (only with `--baseline`). */
  readonly resolved?: readonly ResolvedFinding[];
  readonly staleWaivers: readonly StaleWaiver[];
  readonly units: readonly Unit[];
  readonly rules: readonly Rule[];
  readonly now: Date;
}
