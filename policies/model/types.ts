import type { Value } from './values';

/** Where a resource came from: one input file, or one stack of a cdktf.out directory. */
export interface Unit {
  /** Stable id used in finding keys: the file path, plus `#stack` for cdktf.out stacks. */
  readonly id: string;
  /** Path of the file the resources were read from (as given on the command line). */
  readonly file: string;
  readonly format: InputFormat;
  /** cdktf stack name, when known. */
  readonly stack?: string;
  /** SHA-256 of the file bytes. */
  readonly sha256: string;
  /** Plan format_version / cdktf version, for provenance. */
  readonly formatVersion?: string;
  /** The file is one line (compact JSON, as `terraform show -json` writes): whatever it holds is on line 1. */
  readonly oneLine?: boolean;
}

export type InputFormat = 'plan' | 'synth';

/** What the plan will do to a resource. Synth input is always `config`. */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'no-op' | 'read' | 'config';

/** A waiver written into a resource's cdktf `"//"` metadata by a phikit construct. */
export interface InlineWaiver {
  readonly ruleId: string;
  readonly reason: string;
  readonly expires?: string;
  readonly approvedBy?: string;
}

export interface Resource {
  /** Full address: `module.a.aws_s3_bucket.b["k"]`, `data.aws_iam_policy_document.p`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: 'managed' | 'data';
  /** `module.a.module.b` (instance keys included) or '' for the root module. */
  readonly modulePath: string;
  /** Address without the instance key of the resource itself. */
  readonly baseAddress: string;
  readonly unit: Unit;
  /** Normalized attribute values (no `"//"` keys; unknown and sensitive values replaced). */
  readonly values: Readonly<Record<string, Value>>;
  readonly action: ChangeAction;
  /** cdktf construct path, from `"//".metadata.path`. */
  readonly constructPath?: string;
  readonly inlineWaivers: readonly InlineWaiver[];
  /** Provider config key (`aws`, `aws.replica`), when known. */
  readonly provider?: string;
  /** Source mode: the .tf file and line of the resource block. */
  readonly location?: { readonly file: string; readonly line: number };
  /** Region of the provider configuration the resource uses, when the inputs state it (see model/regions). */
  readonly region?: string;
}

/** A reference edge: `from.path` refers to (or names by literal) `to`. */
export interface Edge {
  readonly from: Resource;
  readonly to: Resource;
  /** Attribute path without list indices, e.g. `rule.apply_server_side_encryption_by_default.kms_master_key_id`. */
  readonly path: string;
  readonly via: 'reference' | 'literal';
}
