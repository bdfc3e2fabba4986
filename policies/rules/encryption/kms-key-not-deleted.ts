import type { GraphRule, Verdict } from '../../engine/types';
import { evv, fail, pass } from '../helpers';
import { KMS_KEY_TYPES } from './_shared';

export const kmsKeyNotDeleted: GraphRule = {
  id: 'ENC-02c',
  control: 'ENC-02',
  title: 'The plan does not delete or replace any KMS key',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'critical',
  level: 'required',
  resourceTypes: KMS_KEY_TYPES,
  scope: 'account',
  rationale:
    'Terraform destroys a KMS key by scheduling its deletion; when the waiting period ends every ciphertext under the key — PHI objects, volumes, snapshots, backups — is unrecoverable. A replace destroys the old key too. Key removal must be a reviewed, waived exception, never a side effect of a refactor.',
  remediation:
    'Keep the key in the configuration (move it with a `moved` block or `terraform state mv` instead of renaming), add lifecycle { prevent_destroy = true } (or use the phikit HipaaKmsKey construct), and avoid changes that force replacement. If the deletion is intended, waive this rule for the key with the approval reference.',
  construct: 'HipaaKmsKey',
  anchors: { awsConfig: ['kms-cmk-not-scheduled-for-deletion'] },
  check(ctx) {
    // Deleted resources are not offered to resource rules; read every planned change here.
    // Synth output (cdk.tf.json) has no planned actions, so it yields no verdict (BAK-13 checks prevent_destroy there).
    const keys = ctx.graph.resources.filter((r) => r.mode === 'managed' && KMS_KEY_TYPES.includes(r.type) && r.unit.format === 'plan');
    return keys.map((k): Verdict => {
      if (k.action === 'delete') return fail(`the plan deletes ${k.address}; data encrypted under it becomes unrecoverable once the deletion window ends`, evv('change.actions', ['delete']), k);
      if (k.action === 'replace') return fail(`the plan replaces ${k.address} (destroys the old key); data encrypted under the old key becomes unrecoverable`, evv('change.actions', ['delete', 'create']), k);
      return pass(`the plan does not destroy ${k.address} (action: ${k.action})`, evv('change.actions', [k.action]), k);
    });
  },
  examples: {
    pass: [
      { description: 'passes when the key is created', resources: { 'aws_kms_key.k': { enable_key_rotation: true } }, formats: ['plan'] },
      { description: 'passes when the key is only updated in place', resources: { 'aws_kms_key.k': { enable_key_rotation: true } }, actions: { 'aws_kms_key.k': 'update' }, formats: ['plan'] },
    ],
    fail: [
      { description: 'fails when the plan deletes a KMS key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_kms_key.other': { enable_key_rotation: true } }, actions: { 'aws_kms_key.k': 'delete' }, target: 'aws_kms_key.k', formats: ['plan'] },
      { description: 'fails when the plan replaces a KMS key', resources: { 'aws_kms_key.k': { enable_key_rotation: true, customer_master_key_spec: 'SYMMETRIC_DEFAULT' } }, actions: { 'aws_kms_key.k': 'replace' }, formats: ['plan'] },
    ],
  },
};
