/**
 * Helpers shared by the access-control rules (Strategy 2). Policy understanding lives in
 * `policies/model/iam.ts`; this file only turns its answers into verdicts and holds the
 * network-port logic several rules use.
 */
import { attr, bool, computedOnly, str, tagsOf, tagsUndecided, undecided } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import { Condition, fullServiceAccess, isRestrictingCondition, PolicyDocument as Doc, PolicyRead, Statement, TrustPrincipal, readPolicy, trustPrincipals } from '../../model/iam';
import type { Resource } from '../../model/types';
import { jsonencodeArgument, parseHclLiteral } from '../../model/hcl-literal';
import type { CheckContext, Verdict } from '../../engine/types';
import { ev, evv, expectBool, expectSet, fail, judgePolicy, pass, policyJson, unknown } from '../helpers';
// Shared with other strategies, so they live in rules/helpers.ts; re-exported for this strategy's rules.
export { judgeIdentityPolicies, judgePolicy, policyJson, statementSummary } from '../helpers';
import type { StatementJudge } from '../helpers';
export type { StatementJudge, StatementPart } from '../helpers';

export const PUB = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'];
export const IAM = [
  '164.308(a)(3)(i)',
  '164.308(a)(3)(ii)(A)',
  '164.308(a)(3)(ii)(B)',
  '164.308(a)(4)(i)',
  '164.308(a)(4)(ii)(A)',
  '164.308(a)(4)(ii)(B)',
  '164.308(a)(4)(ii)(C)',
  '164.312(a)(1)',
];
export const SG = [
  '164.308(a)(3)(i)',
  '164.308(a)(3)(ii)(B)',
  '164.308(a)(4)(i)',
  '164.308(a)(4)(ii)(A)',
  '164.308(a)(4)(ii)(B)',
  '164.308(a)(4)(ii)(C)',
  '164.312(a)(1)',
  '164.312(e)(1)',
];

/** Resource-policy verdict for a policy attribute: no public, unconditioned Allow. */
export function readResourcePolicy(graph: Graph, res: Resource, path = 'policy'): PolicyRead {
  return readPolicy(graph, res, path);
}

// ---------------------------------------------------------------------------------------------
// Networks

export const WORLD = ['0.0.0.0/0', '::/0'];

/** Ports the kit never exposes to the internet: SSH, FTP, RDP, MySQL, 4333, PostgreSQL, MSSQL, Redis, OpenSearch. */
export const RESTRICTED_PORTS: readonly number[] = [22, 20, 21, 3389, 3306, 4333, 5432, 1433, 6379, 9200];
/** Ports that may be open to the world (public load balancers). */
export const AUTHORIZED_WORLD_PORTS: readonly number[] = [80, 443];

export interface PortRange {
  readonly from: number;
  readonly to: number;
  /** Protocol as written (`tcp`, `-1`, `6`, `all`). */
  readonly protocol: string;
}

/** All traffic: protocol -1/all, or a port range 0–65535. */
export function isAllTraffic(r: PortRange): boolean {
  return r.protocol === '-1' || r.protocol.toLowerCase() === 'all' || (r.from <= 0 && r.to >= 65535);
}

/** Restricted ports a world-open range exposes, or (for all traffic) all of them. */
export function exposedRestricted(r: PortRange): number[] {
  if (isAllTraffic(r)) return [...RESTRICTED_PORTS];
  if (!/^(tcp|udp|6|17)$/i.test(r.protocol)) return [];
  return RESTRICTED_PORTS.filter((p) => p >= r.from && p <= r.to);
}

/** A world-open range that opens something other than 80/443. */
export function opensUnauthorized(r: PortRange): boolean {
  if (isAllTraffic(r)) return true;
  if (/^(icmp|icmpv6|1|58)$/i.test(r.protocol)) return false;
  for (let p = r.from; p <= r.to; p++) if (!AUTHORIZED_WORLD_PORTS.includes(p)) return true;
  return false;
}

/** World CIDRs found in a list attribute value (known values only). */
export function worldCidrs(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && WORLD.includes(x.trim()));
}

/** Verdict for one world-open ingress range (SG form). */
export function ingressVerdict(where: string, r: PortRange, cidrs: string[]): Verdict | undefined {
  const range = r.from === r.to ? `port ${r.from}` : `ports ${r.from}-${r.to}`;
  const exposed = exposedRestricted(r);
  if (exposed.length) {
    return fail(`${where} allows ${cidrs.join(', ')} to ${isAllTraffic(r) ? 'all traffic' : range} (${r.protocol}), exposing admin/database port(s) ${exposed.join(', ')}`, evv(where, `${cidrs.join(',')} ${r.protocol} ${r.from}-${r.to}`));
  }
  if (opensUnauthorized(r)) {
    return fail(`${where} allows ${cidrs.join(', ')} to ${range} (${r.protocol}); only 80 and 443 may be open to the world`, evv(where, `${cidrs.join(',')} ${r.protocol} ${r.from}-${r.to}`));
  }
  return undefined;
}

/** Read a port range from a block/resource with from_port/to_port/protocol (ip_protocol for the VPC rule resources). */
export function portRangeOf(b: Resource | Readonly<Record<string, unknown>>, protocolKey = 'protocol'): PortRange | 'unknown' {
  const root = b as Resource;
  const protoA = attr(root, protocolKey);
  const fromA = attr(root, 'from_port');
  const toA = attr(root, 'to_port');
  if ([protoA, fromA, toA].some((a) => a.state === 'unknown' || a.state === 'sensitive')) return 'unknown';
  const protocol = protoA.state === 'known' ? String(protoA.value) : '-1';
  const from = fromA.state === 'known' ? Number(fromA.value) : 0;
  const to = toA.state === 'known' ? Number(toA.value) : 65535;
  return { from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to, protocol };
}

// ---------------------------------------------------------------------------------------------
// Small attribute helpers

/** Known boolean at path, with a provider default when absent; 'unknown' when not known before apply. */
export function boolOr(res: Resource, path: string, dflt: boolean | undefined): boolean | undefined | 'unknown' {
  const a = attr(res, path);
  if (a.state === 'unknown' || a.state === 'sensitive') return 'unknown';
  if (a.state === 'absent') return dflt;
  return bool(a);
}

/** Known string at path, or 'unknown'. */
export function strOr(res: Resource, path: string): string | undefined | 'unknown' {
  const a = attr(res, path);
  if (a.state === 'unknown' || a.state === 'sensitive') return 'unknown';
  return str(a);
}

export { ev };

// ---------------------------------------------------------------------------------------------
// Identity-policy rules

/** Is this aws_iam_policy used only as a permissions boundary (a ceiling, not a grant)? */
export function isOnlyPermissionsBoundary(graph: Graph, res: Resource): boolean {
  if (res.type !== 'aws_iam_policy') return false;
  // Most policies are no boundary: tell that from the types with the attribute alone, so the
  // edges of the whole graph are built only when some boundary points here.
  if (!graph.typesWithAttribute('permissions_boundary').some((t) => graph.referrerCount(res, t, 'permissions_boundary') > 0)) return false;
  const refs = graph.referrers(res);
  const boundary = refs.filter((e) => e.path === 'permissions_boundary');
  return boundary.length > 0 && boundary.length === refs.filter((e) => e.from.type !== 'aws_iam_policy').length;
}

/** `{ Statement: [...] }` as a JSON string, for cases. */
// ---------------------------------------------------------------------------------------------
// Trust policies


/** Read a role's trust policy; a verdict when it cannot be judged, else the document. */
export function trustOf(graph: Graph, role: Resource): Doc | Verdict {
  const read = readPolicy(graph, role, 'assume_role_policy');
  if (read.state === 'absent') return fail('assume_role_policy is not set', evv('assume_role_policy', undefined));
  if (read.state === 'unknown') return unknown(`${read.reason}, so the trust policy cannot be verified before deployment`, evv('assume_role_policy', '(known after apply)'));
  if (read.state === 'invalid') return fail(read.reason, evv('assume_role_policy', '(invalid)'));
  return read.doc;
}

export function isVerdict(x: Doc | Verdict): x is Verdict {
  return 'status' in x;
}

/** Human principals of a trust policy (see TrustAudience in model/iam). */
export function humanPrincipals(doc: Doc): TrustPrincipal[] {
  return trustPrincipals(doc).filter((p) => p.audience === 'human');
}

export const SERVICE_TRUST = policyJson({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

// ---------------------------------------------------------------------------------------------
// Secrets in plaintext

/** What in a text looks like a credential: an AWS key id, a private key block, a secret assignment. Never returns the value. */
/** An ARN written in text (up to whitespace or a quote), any partition. */
const ARN_TOKEN = /\barn:aws[a-z-]*:[a-z0-9-]+:[^\s'"]*/gi;

export function credentialIn(text: string): string | undefined {
  if (/\b(AKIA|ASIA)[0-9A-Z]{16}\b/.test(text)) return 'an AWS access key id';
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return 'a private key';
  // An ARN names a secret, it is none: `arn:aws:secretsmanager:…:secret:phi/db-AbCdEf` is not a "secret:" assignment.
  const rest = text.replace(ARN_TOKEN, 'arn');
  if (/aws_secret_access_key\s*[=:]\s*\S+/i.test(rest)) return 'an aws_secret_access_key assignment';
  if (/(password|passwd|secret|api[_-]?key|token)\s*[=:]\s*['"]?[^\s'"$]{6,}/i.test(rest)) return 'a password/secret/token assignment';
  // scheme://user:password@host (MONGO_URI, DATABASE_URL, AMQP_URL …); an interpolated password is not literal.
  if (/\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:(?!\$\{)[^\s@/]+@/i.test(rest)) return 'a URL with an embedded password';
  return undefined;
}

/** Names of settings that only point at or describe a secret (`DB_SECRET_ARN`, `TOKEN_URL`, `PASSWORD_MIN_LENGTH`). */
const SECRET_POINTER_NAME = /[_-](arn|id|name|path|file|url|uri|endpoint|region|length|ttl|header|enabled)$/i;

/**
 * A plaintext secret in a named setting (an environment variable): a credential in the value
 * ({@link credentialIn}), or a secret-announcing name ({@link SECRET_NAME}) with a literal value.
 * Returns what was found, never the value.
 */
export function plaintextSecret(name: string, value: string): string | undefined {
  const found = credentialIn(value);
  if (found) return found;
  if (!SECRET_NAME.test(name) || SECRET_POINTER_NAME.test(name) || isIndirectSecret(value)) return undefined;
  return /^(\d+|true|false|yes|no|none|null)$/i.test(value.trim()) ? undefined : 'a literal secret value';
}

/** Variable names that announce a secret. */
export const SECRET_NAME = /(secret|passw(or)?d|passwd|token|api[_-]?key|private[_-]?key|access[_-]?key|credential)/i;

/** A literal value that is clearly not itself a secret (a reference, an ARN, a Secrets Manager / SSM path, empty). */
export function isIndirectSecret(v: string): boolean {
  return v === '' || v.startsWith('arn:') || v.startsWith('{{resolve:') || v.startsWith('/') || v.startsWith('${') || /^(ssm|secretsmanager):/.test(v);
}

/** Rule cases for a boolean that must be false (publicly_accessible …): pass, fail, default, unknown. */
export function boolCases(address: string, path: string, base: Record<string, unknown>, good: boolean, what: string) {
  return {
    pass: [{ description: `passes when ${path} is ${good}`, resources: { [address]: { ...base, [path]: good } } }],
    fail: [{ description: `fails when ${path} is ${!good}${what ? ` (${what})` : ''}`, resources: { [address]: { ...base, [path]: !good } } }],
    unknown: [{ description: `is unknown when ${path} is known only after apply`, resources: { [address]: { ...base, [path]: good } }, unknown: { [address]: [path] } }],
  };
}

/** Provider-computed plan attributes read as "not configured" (the model's `computedOnly`). */
export { computedOnly };

// ---------------------------------------------------------------------------------------------
// Public subnets (ACC-20)

/**
 * A subnet declared public: map_public_ip_on_launch = true, or a `Tier`/`Type`/`Network`/
 * `SubnetType`/`phikit:tier` tag (any case) whose value is `public`, the `kubernetes.io/role/elb`
 * tag, or a `Name` containing "public". Everything else is treated as private (PHI) for routing rules.
 */
export function isPublicSubnet(subnet: Resource): boolean {
  // A subnet that auto-assigns public IPs is public by design (ACC-16d reports that separately).
  if (bool(attr(subnet, 'map_public_ip_on_launch')) === true) return true;
  const tags = tagsOf(subnet);
  for (const [k, v] of Object.entries(tags)) {
    if (/^(phikit:)?(tier|type|network|subnet[-_]?type|subnet[-_]?tier)$/i.test(k) && v.toLowerCase() === 'public') return true;
    if (k === 'kubernetes.io/role/elb') return true;
    if (k === 'Name' && /public/i.test(v)) return true;
  }
  return false;
}

/** Whether a subnet is public cannot be decided before apply: it is not public by what is known, and its tags or `map_public_ip_on_launch` are unknown. */
export function publicSubnetUndecided(subnet: Resource): boolean {
  if (isPublicSubnet(subnet)) return false;
  const ip = attr(subnet, 'map_public_ip_on_launch');
  return tagsUndecided(subnet) || (undecided(ip) && !computedOnly(ip));
}

/** Verdict for a string attribute that must equal `want` (with the provider default when unset). */
export function expectString(res: Resource, path: string, want: string, dflt: string | undefined, what: string): Verdict {
  const a = attr(res, path);
  if (a.state === 'unknown' || a.state === 'sensitive') return unknown(`${path} is known only after apply, so it cannot be verified before deployment`, ev(path, a));
  const v = a.state === 'absent' ? dflt : str(a);
  if (v === want) return pass(`${path} is ${v}${a.state === 'absent' ? ' (provider default)' : ''}`, ev(path, a));
  return fail(`${path} is ${v ?? 'not set'}${a.state === 'absent' && v ? ' (provider default, not set)' : ''}; ${what}`, ev(path, a));
}

/** Resource-policy check shared by SNS/SQS/ECR (ACC-24): no public unconditioned Allow, no Allow of "*" / "svc:*" to everyone. */
export const resourcePolicyJudge: StatementJudge = (s) => {
  if (s.effect !== 'Allow') return undefined;
  if (s.principals?.anyone && !s.conditions.some(isRestrictingCondition)) return 'allows Principal "*" with no restricting condition';
  const wild = wildcardPrincipal(s);
  if (wild && !s.conditions.some(isRestrictingCondition)) return `allows ${wild} (a wildcard principal: any account) with no restricting condition`;
  if (s.notPrincipals) return 'allows everyone except the NotPrincipal list';
  const all = fullServiceAccess(s);
  if (all.length) return `allows all actions (${all.join(', ')})`;
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Public resource policies (ACC-24): one judgement for every policy-bearing type

/** 164.308(a)(4)(ii)(B) access authorization; 164.312(a)(1) access control (the ACC-24 rules). */
export const RESOURCE_POLICY_CITES = ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'];

/**
 * Statement judge for "this resource policy makes the resource public": an Allow to Principal "*"
 * (or `{"AWS": "*"}`) that no restricting condition narrows ({@link isRestrictingCondition}, plus
 * service-specific keys such as `elasticfilesystem:AccessedViaMountTarget = true`), or an Allow
 * with NotPrincipal.
 */
export function publicPrincipalJudge(serviceKeys: readonly string[] = []): StatementJudge {
  const extra = serviceKeys.map((k) => k.toLowerCase());
  const restricts = (c: Condition) =>
    isRestrictingCondition(c) || (extra.includes(c.key) && !/Not|IfExists$/i.test(c.operator) && c.values.length > 0 && !c.values.includes('*') && !(/^Bool/i.test(c.operator) && c.values.some((v) => v.toLowerCase() !== 'true')));
  return (s) => {
    if (s.effect !== 'Allow') return undefined;
    if (s.principals?.anyone && !s.conditions.some(restricts)) return 'allows Principal "*" with no restricting condition';
    const wild = wildcardPrincipal(s);
    if (wild && !s.conditions.some(restricts)) return `allows ${wild} (a wildcard principal: any account) with no restricting condition`;
    if (s.notPrincipals) return 'allows everyone except the NotPrincipal list';
    return undefined;
  };
}

/**
 * An AWS principal other than "*" with a wildcard in it (`arn:aws:iam::*:role/app`): IAM does not
 * match it as a pattern, but where a service accepts it, it names that role in every account; read as
 * public. Interpolations (`${var.x}`) are not wildcards.
 */
export function wildcardPrincipal(s: Statement): string | undefined {
  return s.principals?.aws.find((p) => p !== '*' && p.replace(/\$\{[^}]*\}/g, '').includes('*'));
}

/**
 * Verdict of a public-policy rule for one resource: the policy document at `path` judged by
 * `judge`. When `inline` the attribute sits on the protected resource itself (`aws_sns_topic.policy`):
 * left out of the configuration (absent, or computed by the provider) it is no policy at all.
 */
export function resourcePolicyVerdict(ctx: CheckContext, res: Resource, path: string, judge: StatementJudge, inline: boolean): Verdict {
  const a = attr(res, path);
  if (inline && (a.state === 'absent' || computedOnly(a))) return { status: 'not_applicable', message: `${path} is not set on the resource` };
  return judgePolicy(readPolicy(ctx.graph, res, path), path, judge, `${path}: no statement allows an unrestricted public principal`, ['Principal']);
}

// ---------------------------------------------------------------------------------------------
// ECS container definitions

/**
 * `opaque`: elements of the list that are expressions, not container objects (a reference, a `for`
 * expression over module outputs): containers known only after apply. A rule fails on a known
 * container that fails, and is unknown rather than passing while any element is opaque.
 */
export type ContainerDefs = { readonly state: 'known'; readonly containers: ReadonlyArray<Record<string, unknown>>; readonly opaque: number } | { readonly state: 'unknown' | 'invalid' | 'absent' };

const isContainer = (c: unknown): c is Record<string, unknown> => typeof c === 'object' && c !== null && !Array.isArray(c);

/** The verdict when no known container fails: `ok`, or unknown while some containers are opaque. */
export function passUnlessOpaque(d: Extract<ContainerDefs, { state: 'known' }>, ok: Verdict): Verdict {
  if (!d.opaque) return ok;
  return unknown('container_definitions lists containers through an expression known only after apply (a reference, or a for expression over containers rendered elsewhere); those containers cannot be checked', evv('container_definitions', '(known after apply)'));
}

/** The container definitions of a task definition (a JSON string, or a cdktf template of one). */
export function containerDefinitions(res: Resource): ContainerDefs {
  const a = attr(res, 'container_definitions');
  if (a.state === 'absent') return { state: 'absent' };
  let text: string | undefined;
  if (a.state === 'known' && typeof a.value === 'string') text = a.value;
  else if (a.state === 'known' && Array.isArray(a.value)) return { state: 'known', containers: (a.value as unknown[]).filter(isContainer), opaque: 0 };
  else if (a.state === 'unknown' && a.value.template?.trim().startsWith('[')) text = a.value.template;
  else if (a.state === 'unknown' && a.value.template) {
    const arg = jsonencodeArgument(a.value.template.trim().replace(/^\$\{([\s\S]*)\}$/, '$1'));
    const lit = arg === undefined ? undefined : parseHclLiteral(arg);
    // An element that is not an object literal is an expression the literal reader kept as
    // `${...}` text (a reference, or the pieces of a `[for k, v in module.x : v.y]` expression).
    if (Array.isArray(lit)) {
      const containers = (lit as unknown[]).filter(isContainer);
      return { state: 'known', containers, opaque: lit.length - containers.length };
    }
  }
  if (text === undefined) return { state: a.state === 'unknown' || a.state === 'sensitive' ? 'unknown' : 'invalid' };
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? { state: 'known', containers: parsed.filter(isContainer), opaque: 0 } : { state: 'invalid' };
  } catch {
    return { state: 'invalid' };
  }
}

export const TASK_CITES = ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];

/** expectBool, where a provider-computed unknown (not set in configuration) counts as absent. */
export function expectBoolC(res: Resource, path: string, expected: boolean, providerDefault: boolean | undefined, what: string): Verdict {
  const a = attr(res, path);
  if (!computedOnly(a)) return expectBool(res, path, expected, providerDefault, what);
  if (providerDefault === undefined) return fail(`${path} is not set in the configuration; ${what}`, ev(path, a));
  return providerDefault === expected ? pass(`${path} is not set (provider default ${providerDefault})`, ev(path, a)) : fail(`${path} is not set (provider default ${providerDefault}); ${what}`, ev(path, a));
}

/** expectSet, where a provider-computed unknown (not set in configuration) counts as not set. */
export function expectSetC(res: Resource, path: string, what: string): Verdict {
  const a = attr(res, path);
  return computedOnly(a) ? fail(`${path} is not set in the configuration; ${what}`, ev(path, a)) : expectSet(res, path, what);
}
