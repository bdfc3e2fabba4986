/**
 * IAM policy documents, understood once in the model so rules do not parse JSON themselves.
 *
 * Sources read by {@link readPolicy}:
 *  - a known JSON string (plan JSON, or `jsonencode` output evaluated by Terraform);
 *  - a cdktf template string whose `${...}` parts sit inside JSON strings
 *    (`"Resource": "${aws_s3_bucket.b.arn}/*"`): parsed as JSON, the `${...}` kept as text;
 *  - a cdktf `${jsonencode({...})}` expression: the HCL literal is read, references become `${ref}`;
 *  - a reference to a `data.aws_iam_policy_document`: its `json` when known, otherwise its
 *    `statement` blocks merged with `source_policy_documents` / `source_json` (first) and
 *    `override_policy_documents` / `override_json` (last), with Terraform's merge-by-`sid` rules.
 *
 * Values that are not known before apply appear in statements as text containing `${`
 * (see {@link isUnresolved}); a document read only in part has `partial` set.
 */
import { attr, blocks } from './attrs';
import type { Graph } from './graph';
import { globMatch } from './glob';
import { jsonencodeArgument, parseHclLiteral } from './hcl-literal';
import { memoizeByObject, memoizeByResource } from './memo';
import type { Resource } from './types';
import { Unknown, Value, interpolations, isPlainObject } from './values';

export interface Condition {
  /** Operator as written, e.g. `Bool`, `StringEquals`, `NumericLessThan`, `ForAnyValue:StringLike`. */
  readonly operator: string;
  /** Condition key, lower-cased (`aws:securetransport`). */
  readonly key: string;
  readonly values: readonly string[];
}

export interface Principals {
  /** `"*"` or `{"AWS": "*"}`: anyone. */
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

export interface Statement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principals?: Principals;
  readonly notPrincipals?: Principals;
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
  /** Set when part of the document could not be read (an unknown source document, …): why. */
  readonly partial?: string;
}

export type PolicyRead =
  | { readonly state: 'known'; readonly doc: PolicyDocument; readonly source: string }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly reason: string }
  | { readonly state: 'invalid'; readonly reason: string };

/** Marker used for a value that is not known before apply and carries no reference. */
export const UNKNOWN_VALUE = '${unknown}';

/** A statement value that is not known before apply (a `${...}` reference or template). */
export function isUnresolved(v: string): boolean {
  return interpolations(v) !== null;
}

/**
 * An unresolved value that could be anything: it contains a variable, a local, a function of them,
 * or a value unknown after apply with no reference. A reference to a resource attribute
 * (`${aws_s3_bucket.b.arn}/*`) is not opaque: it names that resource. With `whole`, the value is
 * opaque only when nothing of it is literal (`${var.arn}`): `arn:aws:s3:::${var.bucket}/*` stays an
 * S3 ARN whatever the variable holds.
 */
export function isOpaque(v: string, whole = false): boolean {
  const parts = interpolations(v);
  if (!parts) return false;
  const opaque = parts.some((p) => !/^\s*(data\.)?aws_[a-z0-9_]+\.[\w-]+(\[[^\]]*\])?\.[\w.]+\s*$/.test(p));
  if (!opaque || !whole) return opaque;
  let rest = v;
  for (const p of parts) rest = rest.replace(`\${${p}}`, '');
  return rest.trim() === '';
}

/** Statement parts that are opaque (see {@link isOpaque}): any opaque action; resources and principals that are opaque as a whole. Computed once per statement (shared, read-only). */
export function opaqueParts(s: Statement): readonly string[] {
  return opaquePartsOnce(s);
}

const opaquePartsOnce = memoizeByObject((s: Statement): readonly string[] => {
  const out: string[] = [];
  if ([...(s.actions ?? []), ...(s.notActions ?? [])].some((v) => isOpaque(v))) out.push('Action');
  if ([...(s.resources ?? []), ...(s.notResources ?? [])].some((v) => isOpaque(v, true))) out.push('Resource');
  const p = s.principals;
  if (p && [...p.aws, ...p.service, ...p.federated, ...p.canonicalUser].some((v) => isOpaque(v, true))) out.push('Principal');
  return out;
});

// An unknown of several references with no template (one element of a list expression) is opaque.
const unknownText = (u: Unknown): string => (u.template ? u.template : u.refs.length && u.reason !== 'expression' ? `\${${u.refs[0]}}` : UNKNOWN_VALUE);

const asList = (v: unknown): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === 'string' ? x : x instanceof Unknown ? unknownText(x) : String(x)));
  if (typeof v === 'string') return [v];
  if (v instanceof Unknown) return [unknownText(v)];
  return [String(v)];
};

function principalsFromJson(p: unknown): Principals | undefined {
  if (p === undefined || p === null) return undefined;
  if (p === '*') return { anyone: true, aws: ['*'], service: [], federated: [], canonicalUser: [] };
  if (typeof p !== 'object' || Array.isArray(p)) return { anyone: false, aws: asList(p) ?? [], service: [], federated: [], canonicalUser: [] };
  const o = p as Record<string, unknown>;
  const aws = asList(o.AWS) ?? [];
  return {
    anyone: aws.includes('*'),
    aws,
    service: asList(o.Service) ?? [],
    federated: asList(o.Federated) ?? [],
    canonicalUser: asList(o.CanonicalUser) ?? [],
  };
}

function conditionsFromJson(c: unknown): Condition[] {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return [];
  const out: Condition[] = [];
  for (const [op, body] of Object.entries(c as Record<string, unknown>)) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
    for (const [key, vals] of Object.entries(body as Record<string, unknown>)) {
      out.push({ operator: op, key: key.toLowerCase(), values: (asList(vals) ?? []).map(String) });
    }
  }
  return out;
}

/** Parse a policy JSON object (already decoded). */
export function policyFromJson(doc: unknown): PolicyDocument | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const raw = (doc as Record<string, unknown>).Statement;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : [];
  const statements: Statement[] = [];
  for (const s of list) {
    if (!s || typeof s !== 'object' || Array.isArray(s)) continue;
    const o = s as Record<string, unknown>;
    statements.push({
      sid: typeof o.Sid === 'string' && o.Sid !== '' ? o.Sid : undefined,
      effect: o.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: asList(o.Action),
      notActions: asList(o.NotAction),
      resources: asList(o.Resource),
      notResources: asList(o.NotResource),
      principals: principalsFromJson(o.Principal),
      notPrincipals: principalsFromJson(o.NotPrincipal),
      conditions: conditionsFromJson(o.Condition),
    });
  }
  return { statements };
}

function valueOf(o: Record<string, Value>, k: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** Parse `aws_iam_policy_document` statement blocks (data source attributes), without merging sources. */
export function policyFromDocumentBlocks(res: Resource): PolicyDocument {
  const statements: Statement[] = [];
  let partial: string | undefined;
  for (const b of blocks(res, 'statement')) {
    if (b instanceof Unknown) {
      partial = 'a statement block is known only after apply';
      continue;
    }
    const principals = (key: string): Principals | undefined => {
      const ps = blocks(b, key).filter((x): x is Record<string, Value> => !(x instanceof Unknown));
      if (!ps.length) return undefined;
      const byType = (t: string) => ps.filter((p) => valueOf(p, 'type') === t).flatMap((p) => asList(valueOf(p, 'identifiers')) ?? []);
      const aws = byType('AWS');
      const star = byType('*');
      return {
        anyone: aws.includes('*') || star.length > 0,
        aws: [...aws, ...star],
        service: byType('Service'),
        federated: byType('Federated'),
        canonicalUser: byType('CanonicalUser'),
      };
    };
    const conds: Condition[] = [];
    for (const c of blocks(b, 'condition')) {
      if (c instanceof Unknown) continue;
      const test = valueOf(c, 'test');
      const variable = valueOf(c, 'variable');
      if (typeof test !== 'string') continue;
      const key = typeof variable === 'string' ? variable : variable instanceof Unknown ? unknownText(variable) : undefined;
      if (!key) continue;
      conds.push({ operator: test, key: key.toLowerCase(), values: asList(valueOf(c, 'values')) ?? [] });
    }
    const effect = valueOf(b, 'effect');
    const sid = valueOf(b, 'sid');
    statements.push({
      sid: typeof sid === 'string' && sid !== '' ? sid : undefined,
      effect: effect === 'Deny' ? 'Deny' : 'Allow',
      actions: asList(valueOf(b, 'actions')),
      notActions: asList(valueOf(b, 'not_actions')),
      resources: asList(valueOf(b, 'resources')),
      notResources: asList(valueOf(b, 'not_resources')),
      principals: principals('principals'),
      notPrincipals: principals('not_principals'),
      conditions: conds,
    });
  }
  return { statements, partial };
}

function parseJsonText(text: string): PolicyDocument | undefined {
  try {
    return policyFromJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Make `${...}` interpolations that contain quotes (`${trim(x, ":")}`) safe inside JSON strings:
 * escape their quotes and backslashes so JSON.parse gives back the original expression text.
 */
export function escapeInterpolations(t: string): string {
  let out = '';
  let i = 0;
  while (i < t.length) {
    const at = t.indexOf('${', i);
    if (at < 0 || (at > 0 && t[at - 1] === '$')) {
      if (at < 0) break;
      out += t.slice(i, at + 2);
      i = at + 2;
      continue;
    }
    out += t.slice(i, at);
    let depth = 0;
    let j = at;
    let inStr = false;
    for (; j < t.length; j++) {
      const c = t[j];
      if (inStr) {
        if (c === '\\') j++;
        else if (c === '"') inStr = false;
      } else if (c === '"') inStr = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out += t.slice(at, j + 1).replace(/[\\"]/g, (m) => `\\${m}`);
    i = j + 1;
  }
  return out + t.slice(i);
}

/** Terraform's merge: statements with a `sid` already present replace it; others are appended. */
function mergeBySid(base: readonly Statement[], add: readonly Statement[]): Statement[] {
  const out = [...base];
  for (const s of add) {
    const at = s.sid ? out.findIndex((x) => x.sid === s.sid) : -1;
    if (at >= 0) out[at] = s;
    else out.push(s);
  }
  return out;
}

/** Read a `data.aws_iam_policy_document`: its json when known, else its blocks and source/override documents. */
export function readPolicyDocumentData(graph: Graph, ds: Resource, depth = 0): PolicyRead {
  const json = attr(ds, 'json');
  if (json.state === 'known' && typeof json.value === 'string') {
    const doc = parseJsonText(json.value);
    if (doc) return { state: 'known', doc, source: `${ds.address}.json` };
  }
  if (depth > 8) return { state: 'unknown', reason: `${ds.address}: source documents nest too deeply` };
  let partial: string | undefined;
  const docsAt = (path: string): Statement[] => {
    const out: Statement[] = [];
    const raw = ds.values[path];
    if (raw === undefined || raw === null) return out;
    const items: Value[] = Array.isArray(raw) ? raw : [raw];
    const seen = new Set<string>();
    for (const item of items) {
      // Unknown elements of one list expression (`compact([x ? a.json : "", b.json])`, from a plan
      // or a template) all carry the list's references: read each policy document they name once, in order.
      if (item instanceof Unknown && item.refs.length) {
        const key = item.refs.join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        const named = policyDocumentsNamed(graph, ds, item.refs);
        if (named.length > 1 || (named.length === 1 && items.length > 1)) {
          for (const d of named) {
            const r = readPolicyDocumentData(graph, d, depth + 1);
            if (r.state === 'known') {
              out.push(...r.doc.statements);
              if (r.doc.partial) partial = r.doc.partial;
            } else if (r.state !== 'absent') partial = `${ds.address}.${path}: ${r.reason}`;
          }
          continue;
        }
      }
      const r = readPolicyValue(graph, ds, path, item, depth + 1);
      if (r.state === 'known') {
        out.push(...r.doc.statements);
        if (r.doc.partial) partial = r.doc.partial;
      } else if (r.state !== 'absent') partial = `${ds.address}.${path}: ${r.state === 'unknown' ? r.reason : r.reason}`;
    }
    return out;
  };
  const own = policyFromDocumentBlocks(ds);
  if (own.partial) partial = own.partial;
  let statements = mergeBySid([...docsAt('source_policy_documents'), ...docsAt('source_json')], own.statements);
  statements = mergeBySid(statements, [...docsAt('override_json'), ...docsAt('override_policy_documents')]);
  if (!statements.length && partial) return { state: 'unknown', reason: partial };
  return { state: 'known', doc: { statements, partial }, source: ds.address };
}

/** The policy-document data sources (other than `from`) that `refs` name, each once, in order. */
function policyDocumentsNamed(graph: Graph, from: Resource, refs: readonly string[]): Resource[] {
  const out: Resource[] = [];
  for (const ref of refs) {
    for (const t of graph.resolveRef(from, ref) ?? []) if (t.type === 'aws_iam_policy_document' && t !== from && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Read one policy value found at `path` of `res`: a JSON string, a cdktf template, a
 * `${jsonencode(...)}` expression, or a reference to a policy-document data source.
 */
export function readPolicyValue(graph: Graph, res: Resource, path: string, v: Value | undefined, depth = 0): PolicyRead {
  if (v === undefined || v === null) return { state: 'absent' };
  if (typeof v === 'string') {
    if (v.trim() === '') return { state: 'absent' };
    const doc = parseJsonText(v);
    return doc ? { state: 'known', doc, source: path } : { state: 'invalid', reason: `${path} is not a JSON policy document` };
  }
  if (isPlainObject(v)) {
    const doc = policyFromJson(v);
    return doc ? { state: 'known', doc, source: path } : { state: 'invalid', reason: `${path} is not a policy document` };
  }
  if (!(v instanceof Unknown)) return { state: 'unknown', reason: `${path} is sensitive or not a policy document` };
  const u = v;
  if (u.template) {
    const t = u.template.trim();
    // A template with references inside JSON strings parses as JSON directly.
    if (t.startsWith('{')) {
      const doc = parseJsonText(t) ?? parseJsonText(escapeInterpolations(t));
      if (doc) return { state: 'known', doc, source: path };
    }
    const parts = interpolations(t);
    const arg = parts && parts.length === 1 && t.startsWith('${') && t.endsWith('}') ? jsonencodeArgument(parts[0]) : undefined;
    if (arg !== undefined) {
      const lit = parseHclLiteral(arg);
      const doc = lit === undefined ? undefined : policyFromJson(lit);
      if (doc) return { state: 'known', doc, source: `${path} (jsonencode)` };
    }
  }
  // A reference to a policy-document data source (or a `.json` of one).
  for (const ref of u.refs) {
    const targets = graph.resolveRef(res, ref) ?? [];
    for (const target of targets) {
      if (target.type === 'aws_iam_policy_document' && target !== res) return readPolicyDocumentData(graph, target, depth + 1);
    }
  }
  // A plan holds nothing of a document built from values known only at apply (jsonencode() with an
  // ARN of the same plan); its Terraform source does: say how to let phikit read it.
  if (res.unit.format === 'plan' && !u.template && u.refs.length && !graph.hasSource(res.unit, res.modulePath)) {
    return { state: 'unknown', reason: `${path} is known only after apply (the plan holds none of its statements; with the Terraform source beside the plan, or --source DIR, phikit reads the literal ones)` };
  }
  return { state: 'unknown', reason: `${path} is known only after apply` };
}

/**
 * Read the policy document at `path` of `res` (e.g. `policy`, `assume_role_policy`).
 * Follows references to `aws_iam_policy_document` data sources. Read once per resource and
 * path; the answer is shared between callers (read-only).
 */
export function readPolicy(graph: Graph, res: Resource, path: string): PolicyRead {
  return readPolicyOnce(graph, res, path);
}

const readPolicyOnce = memoizeByResource((graph: Graph, res: Resource, path: string): PolicyRead => {
  const a = attr(res, path);
  if (a.state === 'absent') return { state: 'absent' };
  if (a.state === 'sensitive') return { state: 'unknown', reason: `${path} is sensitive` };
  return readPolicyValue(graph, res, path, a.value);
});

// ---------------------------------------------------------------------------------------------
// Actions and resources

/** Wildcard match of IAM patterns (`s3:Get*`, `*`), case-insensitive as IAM actions are (linear time, no regex from input). */
export function wildcardMatch(pattern: string, value: string): boolean {
  return globMatch(pattern, value, true);
}

/** Does the statement's action list cover `action` (taking NotAction into account)? */
export function coversAction(s: Statement, action: string): boolean {
  if (s.actions) return s.actions.some((p) => wildcardMatch(p, action));
  if (s.notActions) return !s.notActions.some((p) => wildcardMatch(p, action));
  return false;
}

/** A resource pattern that matches every ARN (`*`, `arn:aws:*:*:*:*`, `arn:*:*:*:*:*`). */
export function isAnyResource(pattern: string): boolean {
  if (pattern === '*') return true;
  const parts = pattern.split(':');
  return parts[0] === 'arn' && parts.length >= 3 && parts[2] === '*' && parts.slice(3).every((x) => x === '*' || x === '');
}

/** Does the statement apply to every resource (`Resource: "*"` or equivalent, or a `NotResource`)? */
export function coversAllResources(s: Statement): boolean {
  if (s.resources) return s.resources.some(isAnyResource);
  return s.notResources !== undefined;
}

/** Does the statement's resource list cover `arn` (wildcards, NotResource)? ARNs compare case-sensitively. */
export function coversResource(s: Statement, arn: string): boolean {
  const match = (p: string) => globMatch(p, arn);
  if (s.resources) return s.resources.some(match);
  if (s.notResources) return !s.notResources.some(match);
  return false;
}

/** Statement grants every action on every resource (`*`/`*:*`, or an empty NotAction, on `*`). */
export function isAdminStatement(s: Statement): boolean {
  if (s.effect !== 'Allow') return false;
  const allActions = (s.actions?.some((a) => a === '*' || a === '*:*') ?? false) || (s.notActions !== undefined && s.notActions.length === 0);
  return allActions && coversAllResources(s);
}

/** Actions of an Allow statement that grant a whole service (`s3:*`, `*`), as written. */
export function fullServiceAccess(s: Statement): string[] {
  if (s.effect !== 'Allow') return [];
  return (s.actions ?? []).filter((a) => a === '*' || /^[\w-]+:\*$/.test(a) || a === '*:*');
}

/** Allow statement covering every IAM action on every resource (`iam:*`, `*`). */
export function isFullIamAccess(s: Statement): boolean {
  return s.effect === 'Allow' && coversAllResources(s) && coversAction(s, 'iam:*') && (s.actions ? s.actions.some((a) => wildcardMatch(a, 'iam:*') && /^(\*|iam:\*|\*:\*)$/i.test(a)) : true);
}

/**
 * IAM actions that let a principal raise its own privileges when allowed on any resource
 * (the well-known escalation paths: new policy versions, attaching or writing policies,
 * credentials for other users, trust-policy edits, passing roles to compute).
 */
export const PRIVILEGE_ESCALATION_ACTIONS: readonly string[] = [
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:PutUserPermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
];

/** Actions that expose credentials or secret material when allowed on any resource. */
export const CREDENTIAL_EXPOSURE_ACTIONS: readonly string[] = [
  'iam:CreateAccessKey',
  'iam:CreateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:UpdateAccessKey',
  'sts:GetFederationToken',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'ecr:GetAuthorizationToken',
  'redshift:GetClusterCredentials',
  'rds:CopyDBSnapshot',
  'ec2:GetPasswordData',
  'lambda:GetFunction',
  'cognito-identity:GetCredentialsForIdentity',
];

/** Data-exfiltration actions (reading stored data) that should not be allowed on any resource. */
export const DATA_EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'rds-data:ExecuteStatement',
  'kms:Decrypt',
  'secretsmanager:GetSecretValue',
  'ssm:GetParameter',
  'ssm:GetParameters',
  's3:PutObjectAcl',
  's3:PutBucketPolicy',
];

/** The KMS actions AWS Config's `iam-*-blocked-kms-actions` rules block on Resource "*". */
export const KMS_DECRYPT_ACTIONS: readonly string[] = ['kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

/** Which of `actions` an unconditioned Allow statement on every resource grants. */
export function grantedOnAnyResource(s: Statement, actions: readonly string[]): string[] {
  if (s.effect !== 'Allow' || !coversAllResources(s)) return [];
  return actions.filter((a) => coversAction(s, a));
}

/** Privilege-escalation actions this statement allows on any resource. */
export function escalationActions(s: Statement): string[] {
  return grantedOnAnyResource(s, PRIVILEGE_ESCALATION_ACTIONS);
}

/** Allow of kms:Decrypt / kms:ReEncrypt* (or kms:*, *) on Resource "*". */
export function allowsKmsDecryptOnAnyResource(s: Statement): boolean {
  return grantedOnAnyResource(s, KMS_DECRYPT_ACTIONS).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Conditions

/** Condition lookup by key (lower-case) and optional operator suffix (`Bool`, `StringEquals`). */
export function conditionOn(s: Statement, key: string, operator?: RegExp): Condition | undefined {
  const k = key.toLowerCase();
  return s.conditions.find((c) => c.key === k && (!operator || operator.test(c.operator)));
}

/** Keys that, as conditions, restrict who can use a public-principal statement. */
export const RESTRICTING_CONDITION_KEYS = [
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceip',
  'aws:sourceorgid',
  'aws:principalarn',
  'aws:userid',
  'aws:sourceowner',
];

/** Is the condition restricting (a known key from {@link RESTRICTING_CONDITION_KEYS}, `aws:PrincipalTag/*`, `sts:ExternalId`)? */
export function isRestrictingCondition(c: Condition): boolean {
  if (/^(ForAllValues:)?.*IfExists$/i.test(c.operator) && !/^Bool/i.test(c.operator)) return false;
  if (/^Null$/i.test(c.operator)) return false;
  // StringNotEquals aws:PrincipalOrgID in an Allow admits everyone outside the organization.
  if (/Not/i.test(c.operator.replace(/^ForAnyValue:|^ForAllValues:/i, ''))) return false;
  if (c.values.some((v) => v === '*')) return false;
  return RESTRICTING_CONDITION_KEYS.includes(c.key) || c.key.startsWith('aws:principaltag/') || c.key === 'sts:externalid';
}

/** An Allow to anyone that no restricting condition narrows. */
export function isPublicAllow(s: Statement): boolean {
  if (s.effect !== 'Allow' || !s.principals?.anyone) return false;
  return !s.conditions.some(isRestrictingCondition);
}

/**
 * Requires MFA for an Allow: `Bool aws:MultiFactorAuthPresent "true"` or a
 * `NumericLessThan(Equals) aws:MultiFactorAuthAge N` (with `N ≤ maxAgeSeconds` when given).
 * `BoolIfExists … true` does not count: callers using long-term access keys carry no MFA key at
 * all, and IfExists lets them through.
 */
export function requiresMfa(s: Statement, maxAgeSeconds?: number): boolean {
  const present = conditionOn(s, 'aws:MultiFactorAuthPresent', /^Bool$/i);
  if (present && present.values.length > 0 && present.values.every((v) => v.toLowerCase() === 'true')) return true;
  const age = conditionOn(s, 'aws:MultiFactorAuthAge', /^NumericLessThan(Equals)?$/i);
  if (age && age.values.length > 0) {
    const n = Math.max(...age.values.map(Number));
    return Number.isFinite(n) && (maxAgeSeconds === undefined || n <= maxAgeSeconds);
  }
  return false;
}

/** Requires `sts:ExternalId` to equal a value (StringEquals / StringLike without `*` alone). */
export function requiresExternalId(s: Statement): boolean {
  const c = conditionOn(s, 'sts:ExternalId', /^String(Equals|Like)$/i);
  return !!c && c.values.length > 0 && c.values.every((v) => v !== '' && v !== '*');
}

/**
 * A Deny of insecure transport: `Effect: Deny`, every principal, all actions of the service,
 * condition `Bool aws:SecureTransport = false`.
 */
export function deniesInsecureTransport(doc: PolicyDocument, service = 's3'): boolean {
  return doc.statements.some((s) => {
    if (s.effect !== 'Deny') return false;
    if (!(s.principals?.anyone ?? false)) return false;
    const all = s.actions?.some((a) => a === '*' || a.toLowerCase() === `${service}:*`) ?? false;
    if (!all) return false;
    const c = conditionOn(s, 'aws:SecureTransport', /^Bool(IfExists)?$/i);
    return !!c && c.values.some((v) => v.toLowerCase() === 'false');
  });
}

/** A Deny for TLS versions below `min` (`NumericLessThan s3:TlsVersion 1.2`). */
export function deniesOldTls(doc: PolicyDocument, min = 1.2): boolean {
  return doc.statements.some((s) => {
    if (s.effect !== 'Deny' || !(s.principals?.anyone ?? false)) return false;
    const c = conditionOn(s, 's3:TlsVersion', /^NumericLessThan$/i);
    return !!c && c.values.some((v) => Number(v) >= min);
  });
}

/**
 * The deny-unless-MFA pattern for IAM users: a Deny of (nearly) all actions — `NotAction`
 * listing only the self-service MFA actions, or `Action: "*"` — on any resource, when
 * `BoolIfExists aws:MultiFactorAuthPresent = false` (or `Bool … false`).
 */
export function deniesUnlessMfa(doc: PolicyDocument): boolean {
  return doc.statements.some((s) => {
    if (s.effect !== 'Deny' || !coversAllResources(s)) return false;
    const broad = s.actions ? s.actions.some((a) => a === '*' || a === '*:*') : (s.notActions ?? []).every((a) => /^(iam|sts):/i.test(a));
    if (!broad) return false;
    const c = conditionOn(s, 'aws:MultiFactorAuthPresent', /^Bool(IfExists)?$/i);
    return !!c && c.values.some((v) => v.toLowerCase() === 'false');
  });
}

// ---------------------------------------------------------------------------------------------
// Principals

export type PrincipalKind =
  | 'anyone'
  | 'account' // an account id or its :root ARN (any principal of that account the account allows)
  | 'iam-user'
  | 'iam-role'
  | 'assumed-role'
  | 'service'
  | 'oidc' // web identity: OIDC provider ARN, cognito-identity, accounts.google.com, …
  | 'saml'
  | 'canonical-user'
  | 'unresolved';

export interface PrincipalRef {
  readonly type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
  readonly value: string;
  readonly kind: PrincipalKind;
  /** The 12-digit account the principal belongs to, when it names one. */
  readonly account?: string;
  /** Built from `data.aws_caller_identity` (this account), account id unknown before apply. */
  readonly self?: boolean;
}

/** Classify one principal value of a given type. */
export function classifyPrincipal(type: PrincipalRef['type'], value: string): PrincipalRef {
  const v = value.trim();
  if (type === 'Service') return { type, value: v, kind: isUnresolved(v) ? 'unresolved' : 'service' };
  if (type === 'CanonicalUser') return { type, value: v, kind: 'canonical-user' };
  if (type === 'Federated') {
    const account = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(v)?.[1];
    if (/saml-provider|aws_iam_saml_provider/i.test(v)) return { type, value: v, kind: 'saml', account };
    if (/oidc-provider|aws_iam_openid_connect_provider|cognito-identity\.amazonaws\.com|accounts\.google\.com|graph\.facebook\.com|www\.amazon\.com/i.test(v)) {
      return { type, value: v, kind: 'oidc', account };
    }
    return { type, value: v, kind: 'unresolved', account };
  }
  if (v === '*') return { type, value: v, kind: 'anyone' };
  if (/^\d{12}$/.test(v)) return { type, value: v, kind: 'account', account: v };
  const arn = /^arn:aws[\w-]*:(iam|sts)::([^:]*):(.*)$/.exec(v);
  if (arn) {
    const [, svc, acct, rest] = arn;
    if (acct === '*' || acct.includes('*')) return { type, value: v, kind: 'anyone' };
    const account = /^\d{12}$/.test(acct) ? acct : undefined;
    const self = /^\$\{\s*data\.aws_caller_identity\.[\w-]+\.account_id\s*\}$/.test(acct) ? { self: true } : {};
    if (rest === 'root') return { type, value: v, kind: 'account', account, ...self };
    if (svc === 'sts' && rest.startsWith('assumed-role/')) return { type, value: v, kind: 'assumed-role', account, ...self };
    if (rest.startsWith('user/')) return { type, value: v, kind: 'iam-user', account, ...self };
    if (rest.startsWith('role/')) return { type, value: v, kind: 'iam-role', account, ...self };
    if (!account) return { type, value: v, kind: 'unresolved' };
    return { type, value: v, kind: 'account', account };
  }
  if (/aws_caller_identity\.[\w-]+\.account_id/.test(v) && !/:(user|role)\//.test(v)) return { type, value: v, kind: 'account', self: true };
  if (/aws_iam_role\.[\w-]+\.(arn|unique_id)/.test(v)) return { type, value: v, kind: 'iam-role' };
  if (/aws_iam_user\.[\w-]+\.(arn|unique_id)/.test(v)) return { type, value: v, kind: 'iam-user' };
  if (/aws_cloudfront_origin_access_identity\./.test(v)) return { type, value: v, kind: 'service' };
  if (/^A[A-Z0-9]{16,}$/.test(v)) return { type, value: v, kind: /^AROA/.test(v) ? 'iam-role' : 'iam-user' };
  return { type, value: v, kind: 'unresolved' };
}

/** Every principal of a Principal block, classified. */
export function principalRefs(p: Principals | undefined): PrincipalRef[] {
  if (!p) return [];
  const out: PrincipalRef[] = [];
  for (const v of p.aws) out.push(classifyPrincipal('AWS', v));
  for (const v of p.service) out.push(classifyPrincipal('Service', v));
  for (const v of p.federated) out.push(classifyPrincipal('Federated', v));
  for (const v of p.canonicalUser) out.push(classifyPrincipal('CanonicalUser', v));
  if (p.anyone && !out.some((r) => r.kind === 'anyone')) out.push({ type: 'AWS', value: '*', kind: 'anyone' });
  return out;
}

/** AWS account ids named by principals (`123456789012`, `arn:aws:iam::123456789012:root`). */
export function accountsIn(p: Principals | undefined): string[] {
  if (!p) return [];
  const out = new Set<string>();
  for (const a of p.aws) {
    const m = /^(\d{12})$/.exec(a) ?? /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(a);
    if (m) out.add(m[1]);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Trust policies

export const ASSUME_ACTIONS: readonly string[] = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession'];

/** Allow statements of a trust policy that let someone assume the role. */
export function assumeStatements(doc: PolicyDocument): Statement[] {
  return doc.statements.filter((s) => s.effect === 'Allow' && ASSUME_ACTIONS.slice(0, 3).some((a) => coversAction(s, a)));
}

/**
 * Who a principal of a trust policy stands for:
 *  - `human`: people sign in and then assume the role — any principal of an account (account id
 *    or `:root`), IAM users, anyone, and SAML federation (workforce identity provider);
 *  - `service`: an AWS service principal (`lambda.amazonaws.com`);
 *  - `workload`: machine identities — other roles (role chaining carries no MFA context),
 *    assumed-role sessions, OIDC web identity (CI systems, EKS service accounts, Cognito);
 *  - `unknown`: not known before apply.
 */
export type TrustAudience = 'human' | 'service' | 'workload' | 'unknown';

export function audienceOf(p: PrincipalRef): TrustAudience {
  switch (p.kind) {
    case 'anyone':
    case 'account':
    case 'iam-user':
    case 'saml':
      return 'human';
    case 'service':
      return 'service';
    case 'iam-role':
    case 'assumed-role':
    case 'oidc':
    case 'canonical-user':
      return 'workload';
    default:
      return 'unknown';
  }
}

export interface TrustPrincipal extends PrincipalRef {
  readonly audience: TrustAudience;
  readonly statement: Statement;
}

/** Every principal allowed to assume the role, with its audience and statement. Computed once per document (shared, read-only). */
export function trustPrincipals(doc: PolicyDocument): readonly TrustPrincipal[] {
  return trustPrincipalsOnce(doc);
}

const trustPrincipalsOnce = memoizeByObject((doc: PolicyDocument): readonly TrustPrincipal[] =>
  assumeStatements(doc).flatMap((s) => principalRefs(s.principals).map((p) => ({ ...p, audience: audienceOf(p), statement: s }))),
);

/** Role assumable by humans (see {@link TrustAudience}); false for service-only and workload roles. */
export function isHumanAssumable(doc: PolicyDocument): boolean {
  return trustPrincipals(doc).some((p) => p.audience === 'human');
}

/** Every human principal of the trust policy must use MFA (true when nobody human is trusted). */
export function trustRequiresMfa(doc: PolicyDocument, maxAgeSeconds?: number): boolean {
  return trustPrincipals(doc).every((p) => p.audience !== 'human' || requiresMfa(p.statement, maxAgeSeconds));
}

/** Principals of other accounts (not in `own`) trusted without an sts:ExternalId condition. */
export function externalWithoutExternalId(doc: PolicyDocument, own: ReadonlySet<string>): TrustPrincipal[] {
  return trustPrincipals(doc).filter((p) => p.type === 'AWS' && p.kind !== 'anyone' && !!p.account && !own.has(p.account) && !requiresExternalId(p.statement));
}

/** Whole other accounts (id or `:root`, not in `own`) trusted by a statement with no condition at all. */
export function unconditionedForeignRoots(doc: PolicyDocument, own: ReadonlySet<string>): TrustPrincipal[] {
  return trustPrincipals(doc).filter((p) => p.kind === 'account' && !!p.account && !own.has(p.account) && p.statement.conditions.length === 0);
}

/** Account ids this plan itself uses: found in ARNs of its resources (not in principals or policies). */
export function ownAccountIds(graph: Graph, extra: readonly string[] = []): ReadonlySet<string> {
  const cache = ownCache.get(graph);
  if (cache && !extra.length) return cache;
  const out = new Set<string>(extra);
  for (const r of graph.resources) {
    if (r.type === 'aws_caller_identity' && typeof r.values.account_id === 'string') out.add(r.values.account_id);
    collectAccountIds(r.values as Value, 0, out);
  }
  if (!extra.length) ownCache.set(graph, out);
  return out;
}

/**
 * True when the inputs read this account's id (`data.aws_caller_identity`) but do not know it:
 * Terraform source (nothing is read before a plan) or a plan that reads it at apply. Then an
 * account id absent from {@link ownAccountIds} may still be the inputs' own account, so "external"
 * is unknown, not a failure.
 */
export function ownAccountUnresolved(graph: Graph): boolean {
  // Once per graph: asked for every policy judged, a scan of the resources each time was
  // policies × resources (module-shaped 100k plan: SARIF and the reviewer report twice as slow).
  let unresolved = unresolvedCache.get(graph);
  if (unresolved === undefined) {
    unresolved = graph.resources.some((r) => r.type === 'aws_caller_identity' && r.mode === 'data' && !(typeof r.values.account_id === 'string' && /^\d{12}$/.test(r.values.account_id)));
    unresolvedCache.set(graph, unresolved);
  }
  return unresolved;
}

const unresolvedCache = new WeakMap<Graph, boolean>();

/** Attributes holding principals or policies: account ids there are not necessarily this plan's own. */
const NOT_OWN_ACCOUNT_ATTRS = new Set(['assume_role_policy', 'policy', 'minified_json', 'principal', 'principals', 'identifiers', 'source_account', 'shared_accounts', 'account_ids', 'inline_policy', 'json', 'container_definitions', 'access_policies', 'permissions']);
const ARN_ACCOUNT = /arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/g;

function collectAccountIds(v: Value, depth: number, out: Set<string>): void {
  if (depth > 40) return;
  if (typeof v === 'string') {
    // Most strings hold no ARN at all: skip the regular expression for them.
    if (v.includes('arn:aws')) for (const m of v.matchAll(ARN_ACCOUNT)) out.add(m[1]);
  } else if (Array.isArray(v)) {
    for (const x of v) collectAccountIds(x, depth + 1, out);
  } else if (isPlainObject(v)) {
    for (const k of Object.keys(v)) if (!NOT_OWN_ACCOUNT_ATTRS.has(k)) collectAccountIds(v[k], depth + 1, out);
  }
}
const ownCache = new WeakMap<Graph, Set<string>>();

// ---------------------------------------------------------------------------------------------
// Policies attached to identities

/** AWS managed policies with known broad grants, by name. */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, { readonly admin?: boolean; readonly fullIam?: boolean; readonly note: string }>> = {
  AdministratorAccess: { admin: true, fullIam: true, note: 'every action on every resource' },
  IAMFullAccess: { fullIam: true, note: 'every IAM action (privilege escalation)' },
  PowerUserAccess: { note: 'every action except IAM/Organizations/Account' },
  AdministratorAccess_Amplify: { note: 'broad administrative access for Amplify' },
};

/** Name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/AdministratorAccess` → `AdministratorAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:aws[\w-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m?.[1];
}

export interface AttachedPolicy {
  /** inline resource (`aws_iam_role_policy`…), inline block (`aws_iam_role.inline_policy`), a managed policy resource, an AWS managed policy by ARN, or something not resolvable. */
  readonly kind: 'inline' | 'inline-block' | 'managed' | 'aws-managed' | 'external';
  /** The resource that makes the attachment (the inline policy, the attachment, or the identity itself). */
  readonly via: Resource;
  /** The `aws_iam_policy` resource, when the attachment resolves to one. */
  readonly policy?: Resource;
  /** AWS managed policy name, or the ARN / reference as written. */
  readonly name: string;
  readonly read: PolicyRead;
}

const IDENTITY_KEY: Record<string, string> = { aws_iam_role: 'role', aws_iam_user: 'user', aws_iam_group: 'group' };
const INLINE_TYPE: Record<string, string> = { aws_iam_role: 'aws_iam_role_policy', aws_iam_user: 'aws_iam_user_policy', aws_iam_group: 'aws_iam_group_policy' };
const ATTACH_TYPE: Record<string, string> = {
  aws_iam_role: 'aws_iam_role_policy_attachment',
  aws_iam_user: 'aws_iam_user_policy_attachment',
  aws_iam_group: 'aws_iam_group_policy_attachment',
};
const MULTI_ATTACH_PATH: Record<string, string> = { aws_iam_role: 'roles', aws_iam_user: 'users', aws_iam_group: 'groups' };

/** What a `policy_arn` value points at. */
export function resolvePolicyArn(graph: Graph, via: Resource, path: string, v: Value | undefined): Omit<AttachedPolicy, 'via'> {
  if (typeof v === 'string') {
    const name = awsManagedPolicyName(v);
    if (name) return { kind: 'aws-managed', name, read: { state: 'unknown', reason: `${name} is an AWS managed policy` } };
    // A customer-managed policy named by ARN: its arn is computed, so match the name (and path) too.
    const byArn = /^arn:aws[\w-]*:iam::[^:]*:policy(\/.*\/|\/)([^/]+)$/.exec(v);
    const local =
      graph.byLiteral(via.unit, v).find((r) => r.type === 'aws_iam_policy') ??
      (byArn ? graph.byLiteral(via.unit, byArn[2]).find((r) => r.type === 'aws_iam_policy' && r.mode === 'managed' && (typeof r.values.path !== 'string' || r.values.path === byArn[1])) : undefined);
    if (local) return { kind: 'managed', policy: local, name: local.address, read: readPolicy(graph, local, 'policy') };
    return { kind: 'external', name: v, read: { state: 'unknown', reason: `${v} is not declared in these inputs` } };
  }
  if (v instanceof Unknown) {
    for (const ref of v.refs) {
      for (const t of graph.resolveRef(via, ref) ?? []) {
        if (t.type === 'aws_iam_policy' && t.mode === 'managed') return { kind: 'managed', policy: t, name: t.address, read: readPolicy(graph, t, 'policy') };
        if (t.type === 'aws_iam_policy' && t.mode === 'data') {
          const arn = t.values.arn;
          const name = typeof arn === 'string' ? awsManagedPolicyName(arn) : undefined;
          if (name) return { kind: 'aws-managed', name, read: { state: 'unknown', reason: `${name} is an AWS managed policy` } };
          const n = t.values.name;
          if (typeof n === 'string' && AWS_MANAGED_POLICIES[n]) return { kind: 'aws-managed', name: n, read: { state: 'unknown', reason: `${n} is an AWS managed policy` } };
          return { kind: 'external', name: t.address, read: readPolicy(graph, t, 'policy') };
        }
      }
    }
    return { kind: 'external', name: v.refs[0] ?? path, read: { state: 'unknown', reason: `${path} is known only after apply` } };
  }
  return { kind: 'external', name: path, read: { state: 'unknown', reason: `${path} is not readable` } };
}

/**
 * Every policy attached to a role, user or group: inline policy resources, `inline_policy`
 * blocks, `*_policy_attachment` / `aws_iam_policy_attachment` resources (resolved to the
 * `aws_iam_policy` by reference or ARN, or named as AWS managed policies), and
 * `managed_policy_arns`. Joins work by reference and by literal name. Computed once per identity
 * (shared, read-only).
 */
export function policiesAttachedTo(graph: Graph, identity: Resource): readonly AttachedPolicy[] {
  return policiesAttachedOnce(graph, identity, '');
}

const policiesAttachedOnce = memoizeByResource((graph: Graph, identity: Resource): readonly AttachedPolicy[] => {
  const key = IDENTITY_KEY[identity.type];
  if (!key) return [];
  const out: AttachedPolicy[] = [];
  for (const p of graph.related(identity, INLINE_TYPE[identity.type], key)) {
    out.push({ kind: 'inline', via: p, name: p.address, read: readPolicy(graph, p, 'policy') });
  }
  if (identity.type === 'aws_iam_role') {
    for (const b of blocks(identity, 'inline_policy')) {
      if (b instanceof Unknown) continue;
      const name = typeof b.name === 'string' ? b.name : 'inline_policy';
      out.push({ kind: 'inline-block', via: identity, name, read: readPolicyValue(graph, identity, 'inline_policy.policy', b.policy) });
    }
    const arns = identity.values.managed_policy_arns;
    if (Array.isArray(arns)) for (const a of arns) out.push({ via: identity, ...resolvePolicyArn(graph, identity, 'managed_policy_arns', a) });
  }
  const attachments = [...graph.related(identity, ATTACH_TYPE[identity.type], key), ...graph.related(identity, 'aws_iam_policy_attachment', MULTI_ATTACH_PATH[identity.type])];
  for (const a of attachments) out.push({ via: a, ...resolvePolicyArn(graph, a, 'policy_arn', a.values.policy_arn) });
  return out;
});

/** Groups a user belongs to (`aws_iam_user_group_membership`, `aws_iam_group_membership`). */
export function groupsOfUser(graph: Graph, user: Resource): Resource[] {
  const out = new Set<Resource>();
  for (const m of graph.related(user, 'aws_iam_user_group_membership', 'user')) {
    for (const g of graph.deref(m, 'groups').resources) if (g.type === 'aws_iam_group') out.add(g);
  }
  for (const m of graph.related(user, 'aws_iam_group_membership', 'users')) {
    for (const g of graph.deref(m, 'group').resources) if (g.type === 'aws_iam_group') out.add(g);
  }
  return [...out];
}

/** Membership resources that put the user into some group (the group may be outside the inputs). */
export function membershipsOfUser(graph: Graph, user: Resource): Resource[] {
  return [...graph.related(user, 'aws_iam_user_group_membership', 'user'), ...graph.related(user, 'aws_iam_group_membership', 'users')];
}

/** Membership resources that put at least one user into the group. */
export function membershipsOfGroup(graph: Graph, group: Resource): Resource[] {
  return [...graph.related(group, 'aws_iam_group_membership', 'group'), ...graph.related(group, 'aws_iam_user_group_membership', 'groups')];
}

/** Identity-policy documents held by a resource: `policy` of the policy types, each `inline_policy` of a role. Read once per resource (shared, read-only). */
export function identityPolicyDocuments(graph: Graph, res: Resource): ReadonlyArray<{ readonly path: string; readonly read: PolicyRead }> {
  return identityPolicyDocumentsOnce(graph, res, '');
}

const identityPolicyDocumentsOnce = memoizeByResource((graph: Graph, res: Resource): ReadonlyArray<{ readonly path: string; readonly read: PolicyRead }> => {
  switch (res.type) {
    case 'aws_iam_policy':
    case 'aws_iam_role_policy':
    case 'aws_iam_user_policy':
    case 'aws_iam_group_policy':
      return [{ path: 'policy', read: readPolicy(graph, res, 'policy') }];
    case 'aws_ssoadmin_permission_set_inline_policy':
      return [{ path: 'inline_policy', read: readPolicy(graph, res, 'inline_policy') }];
    case 'aws_iam_role':
      return blocks(res, 'inline_policy')
        .filter((b): b is Record<string, Value> => !(b instanceof Unknown))
        .map((b) => ({ path: `inline_policy[${typeof b.name === 'string' ? b.name : '?'}].policy`, read: readPolicyValue(graph, res, 'inline_policy.policy', b.policy) }));
    default:
      return [];
  }
});

/** Resource types holding identity policies (for rules over ‹IAM policy docs›). */
export const IDENTITY_POLICY_TYPES: readonly string[] = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
  'aws_ssoadmin_permission_set_inline_policy',
];
