import { isSourceUnit } from '../../model/synth';
import { PHI_STORE_TYPES, classifyStore } from '../../model/phi';
import type { Resource } from '../../model/types';
import type { CheckContext, GraphRule, Verdict } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { declaredKeys, phiStoreKeySites } from '../helpers';
import { preventDestroy } from './_shared';

const PHI = { DataClass: 'PHI' };
const GUARD = { prevent_destroy: true };

const STORE_TYPES: ReadonlySet<string> = new Set(PHI_STORE_TYPES);

/** The declared KMS keys encrypting a store (for a bucket: those of its SSE configurations). */
function keysOf(ctx: CheckContext, store: Resource): Resource[] {
  return phiStoreKeySites(ctx, store).flatMap(({ res, path }) => declaredKeys(ctx, res, path).keys);
}

/**
 * PHI stores (deleted ones included: a plan shows them with their last state) and the declared keys
 * encrypting them, each with why it is guarded; a key shared by several stores is named after the
 * first store in graph order.
 */
function guarded(ctx: CheckContext): Map<Resource, string> {
  const out = new Map<Resource, string>();
  for (const r of ctx.graph.resources) {
    if (r.mode !== 'managed' || !STORE_TYPES.has(r.type)) continue;
    const c = classifyStore(ctx.graph, r);
    if (c.class !== 'phi') continue;
    out.set(r, `PHI store (${c.why})`);
    for (const k of keysOf(ctx, r)) if (!out.has(k)) out.set(k, `key of PHI store ${r.address}`);
  }
  return out;
}

export const phiDestroyGuard: GraphRule = {
  id: 'BAK-13',
  control: 'BAK-13',
  title: 'PHI stores and their KMS keys are protected from destruction (prevent_destroy in synth; no delete/replace in plans)',
  strategy: 6,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  severity: 'critical',
  level: 'recommended',
  resourceTypes: PHI_STORE_TYPES,
  scope: 'account',
  rationale:
    'A rename, a moved module or a force-new attribute change makes Terraform destroy and recreate a resource; for a PHI database, bucket or its KMS key that is irreversible data loss. In cdk.tf.json the guard is lifecycle.prevent_destroy on each PHI store and key (Terraform then refuses the plan). A plan JSON carries no lifecycle block, so there the rule checks the outcome: no PHI store or key is deleted or replaced. An intended deletion is a waived exception with an approval reference.',
  remediation:
    'Set lifecycle { prevent_destroy = true } on PHI stores and their keys (or build them with the phikit HipaaBucket, HipaaDatabase and HipaaKmsKey constructs); use `moved` blocks or `terraform state mv` for renames; if a deletion is approved, waive BAK-13 for that address with the approval.',
  construct: 'HipaaDatabase',
  check(ctx) {
    return [...guarded(ctx)].map(([res, why]): Verdict => {
      if (res.unit.format === 'plan') {
        if (res.action === 'delete' || res.action === 'replace') {
          return fail(`the plan ${res.action === 'delete' ? 'deletes' : 'replaces (destroys and recreates)'} this ${why}`, evv('change.actions', res.action === 'delete' ? ['delete'] : ['delete', 'create']), res);
        }
        return pass(`the plan does not destroy this ${why} (action: ${res.action})`, evv('change.actions', [res.action]), res);
      }
      const guard = preventDestroy(res);
      if (guard === 'unknown') return unknown(`lifecycle.prevent_destroy of this ${why} is not a literal`, evv('lifecycle.prevent_destroy', '(expression)'), res);
      // Terraform source without a plan: the guard is missing, but whether this change destroys
      // anything only a plan says (plan mode judges that), so it is not a failure here.
      if (!guard && isSourceUnit(res.unit)) return unknown(`lifecycle.prevent_destroy is not set on this ${why}; whether a change destroys it shows only in a plan (check the plan, or set prevent_destroy)`, evv('lifecycle.prevent_destroy', undefined), res);
      return guard
        ? pass(`lifecycle.prevent_destroy is true on this ${why}`, evv('lifecycle.prevent_destroy', true), res)
        : fail(`lifecycle.prevent_destroy is not set on this ${why}; a rename or force-new change would destroy it`, evv('lifecycle.prevent_destroy', undefined), res);
    });
  },
  examples: {
    pass: [
      {
        description: 'passes when a PHI bucket and its key carry prevent_destroy and the plan creates them',
        resources: {
          'aws_kms_key.k': { enable_key_rotation: true, lifecycle: GUARD },
          'aws_s3_bucket.b': { bucket: 'phi', tags: PHI, lifecycle: GUARD },
          'aws_s3_bucket_server_side_encryption_configuration.s': { bucket: '${aws_s3_bucket.b.id}', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.k.arn}' }] }] },
        },
      },
      { description: 'passes when a guarded PHI database is updated in place', resources: { 'aws_db_instance.db': { engine: 'postgres', tags: PHI, lifecycle: GUARD } }, actions: { 'aws_db_instance.db': 'update' } },
    ],
    fail: [
      { description: 'fails when an unguarded PHI database is replaced', resources: { 'aws_db_instance.db': { engine: 'postgres', tags: PHI } }, actions: { 'aws_db_instance.db': 'replace' }, target: 'aws_db_instance.db' },
      { description: 'fails when the key of a PHI table lacks prevent_destroy and is replaced', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', tags: PHI, lifecycle: GUARD, server_side_encryption: [{ enabled: true, kms_key_arn: '${aws_kms_key.k.arn}' }] } }, actions: { 'aws_kms_key.k': 'replace' }, target: 'aws_kms_key.k' },
      { description: 'fails when the plan deletes a PHI table', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', tags: PHI } }, actions: { 'aws_dynamodb_table.t': 'delete' }, formats: ['plan'] },
      { description: 'fails when a PHI bucket in cdk.tf.json has no prevent_destroy', resources: { 'aws_s3_bucket.b': { bucket: 'phi', tags: PHI } }, formats: ['synth'] },
    ],
  },
};
