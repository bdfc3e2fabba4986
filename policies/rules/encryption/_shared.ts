/**
 * Helpers shared by the encryption rules (Strategy 1), also used by the backup rules:
 *  - the "encrypted, with a customer-managed key" pattern most at-rest rules follow;
 *  - KMS-key lookups (ENC-02c, ENC-16, BAK-13) and EBS default encryption (ENC-06, ENC-07);
 *  - reading plan values the provider computes when an attribute is not configured
 *    ({@link computedOnly}, {@link cfgAttr}, {@link expectBoolCfg}, {@link expectCmkCfg}).
 */
import { attr, computedOnly } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { CheckContext, Verdict } from '../../engine/types';
import { blockKeyVerdict, cfgAttr, combine, ev, evv, expectBool, expectBoolCfg, expectCmk, expectCmkCfg, fail, judgeAll, pass, unknown } from '../helpers';
// Shared with other strategies, so they live in rules/helpers.ts; re-exported for this strategy's rules.
export { KMS_KEY_TYPES, blockKeyVerdict, cfgAttr, declaredKeys, expectBoolCfg, expectCmkCfg, expectKmsKeyCfg, phiStoreKeySites } from '../helpers';
export type { DeclaredKeys } from '../helpers';

/** 164.312(a)(2)(iv) encryption and decryption; 164.312(e)(2)(ii) encryption (the AWS `[ENC]` set). */
export const ENC = ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'];

/** KMS key resource types a key attribute can refer to. */

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
