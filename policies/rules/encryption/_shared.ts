/**
 * Helpers shared by the encryption rules (Strategy 1), also used by the backup rules:
 *  - the "encrypted, with a customer-managed key" pattern most at-rest rules follow;
 *  - KMS-key lookups (ENC-02c, ENC-16, BAK-13) and EBS default encryption (ENC-06, ENC-07);
 *  - reading plan values the provider computes when an attribute is not configured
 *    ({@link computedOnly}, {@link cfgAttr}, {@link expectBoolCfg}, {@link expectCmkCfg}).
 */
import { ABSENT, Attr, attr, computedOnly } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import { memoizeByResource } from '../../model/memo';
import type { Resource } from '../../model/types';
import type { Value } from '../../model/values';
import type { CheckContext, Verdict } from '../../engine/types';
import { bucketSide, combine, ev, evv, expectBool, expectCmk, fail, isAwsManagedKey, judgeAll, pass, unknown, unknownMessage } from '../helpers';
import { S3_SSE, storeKeyPaths } from '../../model/phi';

/** 164.312(a)(2)(iv) encryption and decryption; 164.312(e)(2)(ii) encryption (the AWS `[ENC]` set). */
export const ENC = ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'];

/** KMS key resource types a key attribute can refer to. */
export const KMS_KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key'];

export interface AtRest {
  /** Boolean switch that turns encryption on, with the provider default when not set. */
  readonly enabled?: { readonly path: string; readonly providerDefault: boolean; readonly what: string };
  /** Attribute naming the key; must be a customer-managed key. */
  readonly key: { readonly path: string; readonly what: string };
}

/**
 * Encrypted at rest with a customer-managed key: the switch (when there is one) is on, and the key
 * attribute names a CMK (not absent, not an `alias/aws/*` key). A key set while the switch is off
 * still fails on the switch.
 */
export function encryptedWithCmk(ctx: CheckContext, res: Resource, spec: AtRest): Verdict {
  const verdicts: Verdict[] = [];
  if (spec.enabled) {
    const on = expectBoolCfg(res, spec.enabled.path, true, spec.enabled.providerDefault, spec.enabled.what);
    if (on.status === 'fail') return on;
    verdicts.push(on);
  }
  verdicts.push(expectCmkCfg(ctx, res, spec.key.path, spec.key.what));
  return combine(verdicts, `encrypted at rest with a customer-managed key (${spec.key.path})`);
}

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

/** EBS encryption by default declared in the same input (ENC-07): on, and with a customer-managed default key? */
export function ebsAccountDefault(ctx: CheckContext, res: Resource): { readonly enabled: boolean; readonly cmk?: Resource; readonly undecided?: string } {
  const settings = ctx.graph.ofTypeIn(res.unit, 'aws_ebs_encryption_by_default').map((d) => ({ d, v: expectBool(d, 'enabled', true, true, '') }));
  const byDefault = settings.some((s) => s.v.status === 'pass');
  if (!byDefault) {
    const open = settings.find((s) => s.v.status === 'unknown');
    return open ? { enabled: false, undecided: `${open.d.address}.enabled is known only after apply` } : { enabled: false };
  }
  const keys = ctx.graph.ofTypeIn(res.unit, 'aws_ebs_default_kms_key').map((k) => ({ k, v: expectCmk(ctx, k, 'key_arn', '') }));
  const keyRes = keys.find((x) => x.v.status === 'pass')?.k;
  const open = keyRes ? undefined : keys.find((x) => x.v.status === 'unknown');
  return { enabled: true, cmk: keyRes, undecided: open && `${open.k.address}.key_arn is known only after apply` };
}

/**
 * One EBS device (volume, instance block device, launch-template mapping): encrypted with a CMK.
 * `block` is the device object (or the volume resource), `where` its label in messages. When the
 * input declares EBS encryption by default, an unset `encrypted` counts as on and an unset key as
 * the account default key. `part`: `encrypted` judges only "encrypted at rest"
 * (directly or by the account's EBS encryption by default); `cmk` only "with a customer-managed
 * key" (not applicable while encryption is known to be off: the encryption rule reports that);
 * `both` asks the two at once (block devices and launch templates).
 */
export function ebsDeviceVerdict(ctx: CheckContext, res: Resource, block: Resource | Readonly<Record<string, unknown>>, where: string, encPath = 'encrypted', keyPath = 'kms_key_id', part: 'encrypted' | 'cmk' | 'both' = 'both'): Verdict {
  const dflt = ebsAccountDefault(ctx, res);
  const on = computedOnly(attr(block as Resource, encPath))
    ? dflt.enabled
      ? pass(`${encPath} is not set; EBS encryption by default applies`)
      : fail(`${encPath} is not set (computed by the provider) and EBS encryption by default is not declared`, evv(encPath, undefined))
    : expectBool(block as Resource, encPath, true, dflt.enabled, `${where} is not encrypted`);
  if (on.status === 'fail' && !dflt.enabled && dflt.undecided) return unknown(`${where}: ${on.message}, unless EBS encryption by default is on (${dflt.undecided})`, on.evidence && { ...on.evidence, attribute: `${where}.${encPath}` });
  const labelled = { ...on, message: `${where}: ${on.message}`, evidence: on.evidence && { ...on.evidence, attribute: `${where}.${encPath}` } };
  if (part === 'encrypted') return labelled;
  if (on.status === 'fail') return part === 'cmk' ? { status: 'not_applicable', message: `${where} is not encrypted; ENC-06a reports that` } : labelled;
  const key = ((): Verdict => {
    const keyAttr = cfgAttr(block as Resource, keyPath);
    if (keyAttr.state === 'absent') {
      if (dflt.cmk) return pass(`${where} uses the account default key set by ${dflt.cmk.address}`);
      if (dflt.undecided) return unknown(`${where}: ${keyPath} is not set, so the volume uses the account default key (${dflt.undecided})`, ev(`${where}.${keyPath}`, keyAttr));
      return fail(`${where}: ${keyPath} is not set, so the volume uses the AWS-managed aws/ebs key`, ev(`${where}.${keyPath}`, keyAttr));
    }
    return block === res ? expectCmkCfg(ctx, res, keyPath, 'use a customer-managed key') : blockKeyVerdict(block as Readonly<Record<string, unknown>>, keyPath, where, 'use a customer-managed key');
  })();
  // `encrypted` known only after apply: a key that is not a CMK fails either way (unencrypted, or encrypted with aws/ebs).
  return on.status === 'unknown' && part === 'both' ? judgeAll([labelled, key], '') : key;
}

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
 * The "encrypted at rest" half of {@link encryptedWithCmk} (the required rules: the anchors and
 * 164.312(a)(2)(iv) accept AWS-managed keys): the switch is on, whatever the key.
 */
export function encryptedAtRest(res: Resource, enabled: NonNullable<AtRest['enabled']>, passMessage: string): Verdict {
  const on = expectBoolCfg(res, enabled.path, true, enabled.providerDefault, enabled.what);
  return on.status === 'pass' ? pass(passMessage, on.evidence) : on;
}

/**
 * The "customer-managed key" half (the recommended rules): the key attribute names a CMK. Not
 * applicable while the switch is known to be off: the encryption rule (`encryptionRule`) fails that.
 */
export function cmkWhenEncrypted(ctx: CheckContext, res: Resource, spec: AtRest, encryptionRule: string): Verdict {
  if (spec.enabled && expectBoolCfg(res, spec.enabled.path, true, spec.enabled.providerDefault, '').status === 'fail') {
    return { status: 'not_applicable', message: `not encrypted at rest; ${encryptionRule} reports that` };
  }
  return expectCmkCfg(ctx, res, spec.key.path, spec.key.what);
}
