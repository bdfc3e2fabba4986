/**
 * IAM policy documents, understood once in the model so rules do not parse JSON themselves.
 *
 * Sources: a JSON string (plan, or `jsonencode` output), a cdktf template string whose
 * `${...}` parts sit inside JSON strings, a reference to a `data.aws_iam_policy_document`
 * (read from its `json` when known, otherwise from its `statement` blocks).
 */
import { attr, blocks } from './attrs';
import type { Graph } from './graph';
import type { Resource } from './types';
import { Unknown, Value, isPlainObject } from './values';

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
}

export type PolicyRead =
  | { readonly state: 'known'; readonly doc: PolicyDocument; readonly source: string }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly reason: string }
  | { readonly state: 'invalid'; readonly reason: string };

const asList = (v: unknown): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : x instanceof Unknown ? '${unknown}' : String(x)));
  if (typeof v === 'string') return [v];
  if (v instanceof Unknown) return ['${unknown}'];
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
      sid: typeof o.Sid === 'string' ? o.Sid : undefined,
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

/** Parse `aws_iam_policy_document` statement blocks (data source attributes). */
export function policyFromDocumentBlocks(res: Resource): PolicyDocument {
  const statements: Statement[] = [];
  for (const b of blocks(res, 'statement')) {
    if (b instanceof Unknown) continue;
    const principals = (key: string): Principals | undefined => {
      const ps = blocks(b, key).filter((x): x is Record<string, Value> => !(x instanceof Unknown));
      if (!ps.length) return undefined;
      const byType = (t: string) =>
        ps.filter((p) => attr(p, 'type').state === 'known' && (attr(p, 'type') as { value: unknown }).value === t).flatMap((p) => asList(valueOf(p, 'identifiers')) ?? []);
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
      if (typeof test !== 'string' || typeof variable !== 'string') continue;
      conds.push({ operator: test, key: variable.toLowerCase(), values: asList(valueOf(c, 'values')) ?? [] });
    }
    const effect = valueOf(b, 'effect');
    statements.push({
      sid: typeof valueOf(b, 'sid') === 'string' ? (valueOf(b, 'sid') as string) : undefined,
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
  return { statements };
}

function valueOf(o: Record<string, Value>, k: string): Value | undefined {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function parseJsonText(text: string): PolicyDocument | undefined {
  try {
    return policyFromJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Read the policy document at `path` of `res` (e.g. `policy`, `assume_role_policy`).
 * Follows references to `aws_iam_policy_document` data sources.
 */
export function readPolicy(graph: Graph, res: Resource, path: string): PolicyRead {
  const a = attr(res, path);
  if (a.state === 'absent') return { state: 'absent' };
  if (a.state === 'sensitive') return { state: 'unknown', reason: `${path} is sensitive` };
  if (a.state === 'known') {
    if (typeof a.value === 'string') {
      if (a.value.trim() === '') return { state: 'absent' };
      const doc = parseJsonText(a.value);
      return doc ? { state: 'known', doc, source: path } : { state: 'invalid', reason: `${path} is not a JSON policy document` };
    }
    if (isPlainObject(a.value)) {
      const doc = policyFromJson(a.value);
      if (doc) return { state: 'known', doc, source: path };
    }
    return { state: 'invalid', reason: `${path} is not a policy document` };
  }
  const u = a.value;
  // A template with references inside JSON strings parses as JSON directly.
  if (u.template && u.template.trim().startsWith('{')) {
    const doc = parseJsonText(u.template);
    if (doc) return { state: 'known', doc, source: path };
  }
  // A reference to a policy-document data source.
  for (const target of graph.deref(res, path).resources) {
    if (target.type === 'aws_iam_policy_document') {
      const json = attr(target, 'json');
      if (json.state === 'known' && typeof json.value === 'string') {
        const doc = parseJsonText(json.value);
        if (doc) return { state: 'known', doc, source: `${target.address}.json` };
      }
      if (blocks(target, 'statement').length) return { state: 'known', doc: policyFromDocumentBlocks(target), source: target.address };
    }
  }
  return { state: 'unknown', reason: `${path} is known only after apply` };
}

/** Wildcard match of IAM patterns (`s3:Get*`, `*`), case-insensitive as IAM actions are. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(value);
}

/** Does the statement's action list cover `action` (taking NotAction into account)? */
export function coversAction(s: Statement, action: string): boolean {
  if (s.actions) return s.actions.some((p) => wildcardMatch(p, action));
  if (s.notActions) return !s.notActions.some((p) => wildcardMatch(p, action));
  return false;
}

/** Statement grants every action on every resource. */
export function isAdminStatement(s: Statement): boolean {
  if (s.effect !== 'Allow') return false;
  const allActions = (s.actions?.includes('*') ?? false) || (s.notActions !== undefined && s.notActions.length === 0);
  const allResources = s.resources?.includes('*') ?? (s.notResources !== undefined);
  return allActions && allResources;
}

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

/** An Allow to anyone that no restricting condition narrows. */
export function isPublicAllow(s: Statement): boolean {
  if (s.effect !== 'Allow' || !s.principals?.anyone) return false;
  return !s.conditions.some((c) => RESTRICTING_CONDITION_KEYS.includes(c.key));
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
