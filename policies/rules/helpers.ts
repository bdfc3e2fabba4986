/**
 * Small functions rules share. Rules read the model through these and `model/attrs`;
 * none of them sees input-format details.
 */
import { ABSENT, Attr, attr, bool, computedOnly } from '../model/attrs';
import type { Graph } from '../model/graph';
import { PolicyDocument, PolicyRead, Statement, identityPolicyDocuments, opaqueParts, readPolicy } from '../model/iam';
import { memoizeByResource } from '../model/memo';
import { S3_SSE, classifyStore, storeKeyPaths } from '../model/phi';
import type { Resource } from '../model/types';
import { Json, Value, render } from '../model/values';
import type { CheckContext, Verdict } from '../engine/types';

type Ev = { attribute: string; value: string };

/** Evidence from an attribute read with `attr()`. */
export const ev = (attribute: string, a: Attr): Ev => ({ attribute, value: renderAttr(a) });

/** Evidence from a plain value. */
export const evv = (attribute: string, v: Json | undefined): Ev => ({ attribute, value: render(v) });

export function renderAttr(a: Attr): string {
  switch (a.state) {
    case 'absent':
      return '(not set)';
    case 'sensitive':
      return '(sensitive)';
    case 'unknown':
      return a.value.toJSON();
    default:
      return a.providerDefault ? `${render(a.value)} (provider default)` : render(a.value);
  }
}

export const pass = (message: string, evidence?: Ev, resource?: Resource): Verdict => ({ status: 'pass', message, evidence, resource });
export const fail = (message: string, evidence?: Ev, resource?: Resource): Verdict => ({ status: 'fail', message, evidence, resource });
export const unknown = (message: string, evidence?: Ev, resource?: Resource): Verdict => ({ status: 'unknown', message, evidence, resource });
export const notApplicable = (message: string, resource?: Resource): Verdict => ({ status: 'not_applicable', message, resource });

/** Message for an attribute that is known only after apply. */
export const unknownMessage = (path: string) => `${path} is known only after apply, so it cannot be verified before deployment`;

/**
 * Verdict for a boolean attribute that must equal `expected`. `providerDefault` is the value
 * the provider uses when the attribute is not set.
 */
export function expectBool(res: Resource, path: string, expected: boolean, providerDefault: boolean | undefined, what: string): Verdict {
  const a = attr(res, path);
  if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(path), ev(path, a));
  // The model's defaults table answers for the attributes it covers (a known value flagged providerDefault);
  // `providerDefault` is the fallback for the others (attributes inside nested blocks read without a resource).
  const dflt = a.state === 'absent' || (a.state === 'known' && a.providerDefault === true);
  const b = a.state === 'absent' ? providerDefault : bool(a);
  if (b === undefined) {
    return a.state === 'absent' ? fail(`${path} is not set; ${what}`, ev(path, a)) : fail(`${path} is not a boolean; ${what}`, ev(path, a));
  }
  return b === expected
    ? pass(`${path} is ${b}${dflt ? ' (provider default)' : ''}`, ev(path, a))
    : fail(`${path} is ${b}${dflt ? ' (provider default, not set)' : ''}; ${what}`, ev(path, a));
}

/**
 * Verdict for an attribute that must be set (a key id, a log destination, ...).
 * A reference to another resource counts as set.
 */
export function expectSet(res: Resource, path: string, what: string): Verdict {
  const a = attr(res, path);
  if (a.state === 'absent' || (a.state === 'known' && (a.value === '' || (Array.isArray(a.value) && !a.value.length)))) {
    return fail(`${path} is not set; ${what}`, ev(path, a));
  }
  if (a.state === 'unknown' && a.value.refs.length === 0 && (a.value.reason === 'after-apply' || a.value.reason === 'computed')) {
    return unknown(unknownMessage(path), ev(path, a));
  }
  return pass(`${path} is set`, ev(path, a));
}

/** AWS-managed key aliases (`alias/aws/s3`) and their ARNs: not customer-managed. */
export function isAwsManagedKey(v: string): boolean {
  return /(^|:)alias\/aws\//.test(v);
}

/**
 * Verdict for a KMS key attribute that must name a customer-managed key: set, not an
 * `alias/aws/*` key. A reference to an aws_kms_key (or alias) in the inputs passes; a literal
 * key ARN or id of a key outside the inputs passes (it is customer-managed by form).
 */
export function expectCmk(ctx: CheckContext, res: Resource, path: string, what: string): Verdict {
  const a = attr(res, path);
  if (a.state === 'absent' || (a.state === 'known' && a.value === '')) return fail(`${path} is not set; ${what}`, ev(path, a));
  if (a.state === 'sensitive') return unknown(`${path} is sensitive`, ev(path, a));
  if (a.state === 'known') {
    if (typeof a.value === 'string' && isAwsManagedKey(a.value)) return fail(`${path} names an AWS-managed key; ${what}`, ev(path, a));
    return pass(`${path} names a customer-managed key`, ev(path, a));
  }
  const target = ctx.graph.deref(res, path);
  const kms = target.resources.filter((r) => r.type === 'aws_kms_key' || r.type === 'aws_kms_alias' || r.type === 'aws_kms_replica_key' || r.type === 'aws_kms_external_key');
  if (kms.length) return pass(`${path} refers to ${kms[0].address}`, ev(path, a));
  if (a.value.refs.length === 0) return unknown(unknownMessage(path), ev(path, a));
  return pass(`${path} refers to a key outside these inputs (${a.value.refs[0]})`, ev(path, a));
}

/** Resources joined to `res`: `type` resources whose `path` refers to it (reference or literal name). */
export function joined(ctx: CheckContext, res: Resource, type: string, path: string): Resource[] {
  return ctx.graph.related(res, type, path);
}

/** Resources joined by their `bucket` attribute to an aws_s3_bucket. */
export function bucketSide(ctx: CheckContext, bucket: Resource, type: string): Resource[] {
  return joined(ctx, bucket, type, 'bucket');
}

/**
 * One verdict from several checks a rule makes of one resource (several attributes, several
 * blocks, several joined resources). A known failure is never hidden behind an unknown:
 *  - any part fails → fail, naming every failing part, then the parts known only after apply;
 *  - else any part unknown → unknown, naming them;
 *  - else pass with `passMessage` (not-applicable parts count as passing).
 * The evidence and resource are the first failing (else unknown, else first) part's.
 */
export function judgeAll(verdicts: readonly Verdict[], passMessage: string): Verdict {
  const fails = verdicts.filter((v) => v.status === 'fail');
  const unknowns = verdicts.filter((v) => v.status === 'unknown');
  if (fails.length) {
    if (fails.length === 1 && !unknowns.length) return fails[0];
    const also = unknowns.length ? `; not known before apply: ${unknowns.map((u) => u.evidence?.attribute ?? u.message).join(', ')}` : '';
    return { ...fails[0], message: `${fails.map((f) => f.message).join('; ')}${also}` };
  }
  if (unknowns.length) return unknowns.length === 1 ? unknowns[0] : { ...unknowns[0], message: unknowns.map((u) => u.message).join('; ') };
  return pass(passMessage, verdicts[0]?.evidence);
}

/** {@link judgeAll} under its earlier name. */
export const combine = judgeAll;

/**
 * The verdict for "no `type` refers to `res` through `path`": `none` (usually a fail) when that is
 * known, unknown when some `type` resource refers through `path` to something phikit cannot
 * follow (a local without the Terraform source, `each.value`, …) that may be `res`. An unresolved
 * join is never a failure.
 */
export function noneJoined(ctx: CheckContext, res: Resource, type: string, path: string, none: Verdict): Verdict {
  if (none.status !== 'fail') return none;
  const maybe = ctx.graph.unresolvedReferrers(res, type, path);
  if (!maybe.length) return none;
  const names = maybe.slice(0, 3).map((r) => r.address).join(', ') + (maybe.length > 3 ? ' and others' : '');
  return unknown(`no ${type} is known to refer to this resource, but ${names} ${maybe.length === 1 ? 'refers' : 'refer'} through ${path} to something phikit cannot follow${maybe.some((r) => !ctx.graph.hasSource(r.unit, r.modulePath)) ? ' without the Terraform source (--source)' : ''}, which may be this resource`, { attribute: `${type}.${path}`, value: '(unresolved reference)' });
}

/**
 * For rules scoped to PHI stores: the verdict when `res` is not one (unknown when its classification
 * is known only after apply, not applicable for audit / other / unclassified stores), each with the
 * classification's reason; undefined when it is a PHI store.
 */
export function outsidePhiScope(ctx: CheckContext, res: Resource): Verdict | undefined {
  const c = classifyStore(ctx.graph, res);
  if (c.class === 'phi') return undefined;
  if (c.class === 'unknown') return unknown(`PHI scope cannot be decided: ${c.why}`, evv('tags', '(known after apply)'));
  return notApplicable(`not a PHI store: ${c.why}`);
}

/** `PHI store (why)`: how messages of PHI-scoped rules name the store and its classification. */
export function phiLabel(ctx: CheckContext, res: Resource, noun = res.type === 'aws_s3_bucket' ? 'PHI bucket' : 'PHI store'): string {
  return `${noun} (${classifyStore(ctx.graph, res).why})`;
}

// ---------------------------------------------------------------------------------------------
// Shared by several strategies (moved here from the strategies' _shared files)

export const KMS_KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key'];

/** A finding about one statement, or nothing when the statement is fine. */
export type StatementJudge = (s: Statement, index: number, doc: PolicyDocument) => string | undefined;

/**
 * Verdict for one read policy: fail at the first statement `judge` objects to; unknown when the
 * policy (or part of it) is known only after apply; pass otherwise.
 */
export type StatementPart = 'Action' | 'Resource' | 'Principal';

export function judgePolicy(read: PolicyRead, path: string, judge: StatementJudge, passMessage: string, decisive: readonly StatementPart[] = ['Action', 'Resource', 'Principal']): Verdict {
  if (read.state === 'absent') return pass(`${path} is not set`);
  if (read.state === 'unknown') return unknown(`${read.reason}, so the policy cannot be verified before deployment`, evv(path, '(known after apply)'));
  if (read.state === 'invalid') return fail(`${read.reason}`, evv(path, '(invalid)'));
  const doc = read.doc;
  let open: Verdict | undefined;
  for (let i = 0; i < doc.statements.length; i++) {
    const s = doc.statements[i];
    const msg = judge(s, i, doc);
    if (msg) return fail(`${statementName(path, s, i)} ${msg}`, evv(`${read.source}.Statement[${i}]`, statementSummary(s)));
    // An Allow whose action, resource or principal comes from a variable could be "*".
    if (open || s.effect !== 'Allow') continue;
    const opaque = opaqueParts(s).filter((x) => decisive.includes(x as StatementPart));
    if (opaque.length) open = unknown(`${statementName(path, s, i)} has ${opaque.join(', ')} known only after apply (a variable could be "*")`, evv(`${read.source}.Statement[${i}]`, statementSummary(s)));
  }
  if (open) return open;
  if (doc.partial) return unknown(`part of ${path} is known only after apply (${doc.partial})`, evv(path, '(partial)'));
  return pass(passMessage);
}

/** How messages name a statement: by its Sid, else by its position. */
function statementName(path: string, s: Statement, index: number): string {
  return `${path} statement ${s.sid ? `"${s.sid}"` : `#${index + 1}`}`;
}

/** Judge every identity-policy document of an IAM policy resource (or role inline blocks). */
export function judgeIdentityPolicies(ctx: CheckContext, res: Resource, judge: StatementJudge, passMessage: string): Verdict | Verdict[] {
  const docs = identityPolicyDocuments(ctx.graph, res);
  if (res.type === 'aws_iam_role') {
    const inline = attr(res, 'inline_policy');
    if (inline.state === 'unknown' && !computedOnly(inline)) return unknown('inline_policy is known only after apply', ev('inline_policy', inline));
  }
  if (!docs.length) return { status: 'not_applicable', message: 'no identity policy document' };
  const verdicts = docs.map((d) => judgePolicy(d.read, d.path, judge, passMessage, ['Action', 'Resource']));
  return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
}

/** Compact text of a statement for evidence (actions, resources, principals; never condition values). */
export function statementSummary(s: Statement): string {
  const parts: string[] = [s.effect];
  if (s.actions) parts.push(`Action=${JSON.stringify(s.actions)}`);
  if (s.notActions) parts.push(`NotAction=${JSON.stringify(s.notActions)}`);
  if (s.resources) parts.push(`Resource=${JSON.stringify(s.resources)}`);
  if (s.notResources) parts.push(`NotResource=${JSON.stringify(s.notResources)}`);
  if (s.principals) parts.push(`Principal=${JSON.stringify({ AWS: s.principals.aws, Service: s.principals.service, Federated: s.principals.federated }, (_k, v) => (Array.isArray(v) && !v.length ? undefined : v))}`);
  if (s.conditions.length) parts.push(`Condition keys=${JSON.stringify(s.conditions.map((c) => `${c.operator}:${c.key}`))}`);
  const text = parts.join(' ');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

export const policyJson = (...statements: Array<Record<string, unknown>>): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Where the key of a PHI store is named: the store itself, or for a bucket the SSE configurations joined to it. */
export function phiStoreKeySites(ctx: CheckContext, store: Resource): Array<{ readonly res: Resource; readonly path: string }> {
  return storeKeyPaths(store, store.type === 'aws_s3_bucket' ? bucketSide(ctx, store, S3_SSE) : []);
}

export interface DeclaredKeys {
  readonly keys: readonly Resource[];
  readonly external: boolean;
  readonly absent: boolean;
}

/** Does the key attribute at `path` of `res` resolve to KMS keys declared in the inputs (aliases followed)? */
export function declaredKeys(ctx: CheckContext, res: Resource, path: string): DeclaredKeys {
  return declaredKeysOnce(ctx.graph, res, path);
}

/** Several rules (ENC-16, BAK-13) look up the keys of the same PHI stores: once per store and path (shared, read-only). */
const declaredKeysOnce = memoizeByResource((graph: Graph, res: Resource, path: string): DeclaredKeys => {
  const t = graph.deref(res, path);
  const keys: Resource[] = [];
  for (const r of t.resources) {
    if (KMS_KEY_TYPES.includes(r.type)) keys.push(r);
    else if (r.type === 'aws_kms_alias') {
      const target = graph.deref(r, 'target_key_id').resources.filter((k) => KMS_KEY_TYPES.includes(k.type));
      keys.push(...target);
    }
  }
  const a = attr(res, path);
  return { keys: [...new Set(keys)], external: t.external, absent: t.absent || (a.state === 'known' && a.value === '') };
});

/** A key attribute inside a nested block (no graph join): set and not an `alias/aws/*` key. */
export function blockKeyVerdict(block: Readonly<Record<string, unknown>>, path: string, where: string, what: string): Verdict {
  const a = cfgAttr(block as Readonly<Record<string, Value>>, path);
  const label = `${where}.${path}`;
  if (a.state === 'absent' || (a.state === 'known' && a.value === '')) return fail(`${label} is not set; ${what}`, ev(label, a));
  if (a.state === 'sensitive') return unknown(`${label} is sensitive`, ev(label, a));
  if (a.state === 'unknown') return a.value.refs.length ? pass(`${label} refers to ${a.value.refs[0]}`, ev(label, a)) : unknown(unknownMessage(label), ev(label, a));
  if (typeof a.value === 'string' && isAwsManagedKey(a.value)) return fail(`${label} names an AWS-managed key; ${what}`, ev(label, a));
  return pass(`${label} names a customer-managed key`, ev(label, a));
}

// ---------------------------------------------------------------------------------------------
// Attributes the provider computes when they are not configured

/** `attr`, with a computed-only plan value read as "not set". Use only where "not set" cannot pass by itself. */
export function cfgAttr(res: Resource | Readonly<Record<string, Value>>, path: string): Attr {
  const a = attr(res, path);
  return computedOnly(a) ? ABSENT : a;
}

/**
 * `expectBool`, except that a computed-only plan value whose provider default fails is judged
 * as not set (fail) rather than unknown; when the default would pass it stays unknown, so an
 * unknown value never passes.
 */
export function expectBoolCfg(res: Resource, path: string, expected: boolean, providerDefault: boolean | undefined, what: string): Verdict {
  if (providerDefault !== expected && computedOnly(attr(res, path))) {
    return fail(`${path} is not set (computed by the provider, default ${providerDefault ?? 'none'}); ${what}`, evv(path, undefined));
  }
  return expectBool(res, path, expected, providerDefault, what);
}

/** `expectCmk`, except that a computed-only plan value (key not configured) fails as not set. */
export function expectCmkCfg(ctx: CheckContext, res: Resource, path: string, what: string): Verdict {
  if (computedOnly(attr(res, path))) return fail(`${path} is not set (the provider picks the AWS-managed default key); ${what}`, evv(path, undefined));
  return expectCmk(ctx, res, path, what);
}

/**
 * "Encrypted with KMS": `path` names any KMS key — the AWS-managed one (`alias/aws/sns`) included,
 * as the anchors accept it. Unset (or left to the provider) fails with `what`; the customer-managed
 * ask is a separate, recommended rule.
 */
export function expectKmsKeyCfg(ctx: CheckContext, res: Resource, path: string, what: string): Verdict {
  const a = attr(res, path);
  if (computedOnly(a)) return fail(`${path} is not set; ${what}`, evv(path, undefined));
  if (a.state === 'known' && typeof a.value === 'string' && a.value !== '' && isAwsManagedKey(a.value)) return pass(`${path} names the AWS-managed key ${a.value}: encrypted with KMS`, ev(path, a));
  const v = expectCmk(ctx, res, path, what);
  return v.status === 'pass' ? pass(`${v.message}: encrypted with KMS`, v.evidence) : v;
}

/**
 * Judge every policy document read at `reads`: fail when a known document lacks `test`, unknown
 * when a document cannot be read before apply, `undefined` when every document satisfies `test`.
 */
export function judgeDocs(reads: ReadonlyArray<{ read: PolicyRead; where: string }>, test: (d: PolicyDocument) => boolean, missing: string): Verdict | undefined {
  const verdicts: Verdict[] = [];
  for (const { read, where } of reads) {
    if (read.state === 'known') {
      if (!test(read.doc)) {
        // Part of the document is known only after apply: the statement may be in that part.
        if (read.doc.partial) verdicts.push(unknown(`${where} ${missing} in its known part; the rest is known only after apply (${read.doc.partial})`, { attribute: where, value: '(partly known after apply)' }));
        else verdicts.push(fail(`${where} ${missing}`, { attribute: where, value: '(no matching Deny statement)' }));
      }
    } else if (read.state === 'invalid') verdicts.push(fail(`${where} is not a valid policy document: ${read.reason}`, { attribute: where, value: '(invalid)' }));
    else if (read.state === 'unknown') verdicts.push(unknown(`${where} is known only after apply (${read.reason})`, { attribute: where, value: '(known after apply)' }));
  }
  return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown');
}

/**
 * Judge the bucket policies of an S3 bucket (joined by reference or literal bucket name), or of a
 * standalone aws_s3_bucket_policy whose bucket is not in the inputs, against `test`.
 */
export function judgeBucketPolicies(ctx: CheckContext, res: Resource, test: (d: PolicyDocument) => boolean, missing: string, ok: string): Verdict {
  if (res.type === 'aws_s3_bucket_policy') {
    if (ctx.graph.deref(res, 'bucket').resources.some((b) => b.type === 'aws_s3_bucket')) return notApplicable('reported on the bucket');
    return judgeDocs([{ read: readPolicy(ctx.graph, res, 'policy'), where: `${res.address}.policy` }], test, missing) ?? pass(ok);
  }
  const reads = bucketSide(ctx, res, 'aws_s3_bucket_policy').map((p) => ({ read: readPolicy(ctx.graph, p, 'policy'), where: `${p.address}.policy` }));
  const inline = readPolicy(ctx.graph, res, 'policy');
  if (inline.state === 'known' || inline.state === 'invalid') reads.push({ read: inline, where: 'policy' });
  if (!reads.length) return noneJoined(ctx, res, 'aws_s3_bucket_policy', 'bucket', fail(`no bucket policy refers to this bucket; ${missing}`, { attribute: 'aws_s3_bucket_policy', value: '(none)' }));
  // Several policies for one bucket overwrite each other; one that carries the statement is required, and every known one should.
  const known = reads.filter((r) => r.read.state === 'known');
  if (known.some((r) => r.read.state === 'known' && test(r.read.doc)) && known.length === reads.length) return pass(ok);
  return judgeDocs(reads, test, missing) ?? pass(ok);
}
