/**
 * Small functions rules share. Rules read the model through these and `model/attrs`;
 * none of them sees input-format details.
 */
import { Attr, attr, bool } from '../model/attrs';
import { classifyStore } from '../model/phi';
import type { Resource } from '../model/types';
import { Json, render } from '../model/values';
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
