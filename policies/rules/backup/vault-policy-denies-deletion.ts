import { coversAction, readPolicy } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { policyJson } from '../helpers';
import { evv, fail, joined, noneJoined, pass, unknown } from '../helpers';

const POLICY = 'aws_backup_vault_policy';
const ACTIONS = ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:PutBackupVaultAccessPolicy'];
const DENY = { Effect: 'Deny', Principal: '*', Action: ACTIONS, Resource: '*' };

export const vaultPolicyDeniesDeletion: ResourceRule = {
  id: 'BAK-01b',
  control: 'BAK-01',
  title: 'Backup vault access policies deny deleting recovery points and changing their lifecycle',
  strategy: 6,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_backup_vault'],
  scope: 'resource',
  rationale:
    'A vault access policy that denies backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy stops manual deletion of PHI backups by any principal, including administrators whose identity policies allow backup:*.',
  remediation: `Declare an ${POLICY} for the vault with a Deny of ${ACTIONS.join(', ')} to Principal "*", or use the phikit HipaaBackupPlan construct.`,
  construct: 'HipaaBackupPlan',
  anchors: { awsConfig: ['backup-recovery-point-manual-deletion-disabled'] },
  check(vault, ctx) {
    const policies = joined(ctx, vault, POLICY, 'backup_vault_name');
    if (!policies.length) return noneJoined(ctx, vault, POLICY, 'backup_vault_name', fail(`no ${POLICY} refers to this vault, so recovery points can be deleted by any principal allowed backup:DeleteRecoveryPoint`, evv(POLICY, undefined)));
    const read = readPolicy(ctx.graph, policies[0], 'policy');
    if (read.state === 'unknown') return unknown(`${policies[0].address}: ${read.reason}`, evv(`${policies[0].address}.policy`, '(known after apply)'));
    if (read.state !== 'known') return fail(`${policies[0].address}.policy is ${read.state === 'absent' ? 'empty' : 'not a policy document'}`, evv(`${policies[0].address}.policy`, '(invalid)'));
    const denies = read.doc.statements.filter((s) => s.effect === 'Deny' && (s.principals?.anyone || s.principals?.aws?.length) && !s.conditions.length);
    const missing = ACTIONS.filter((a) => !denies.some((s) => coversAction(s, a)));
    if (missing.length) return fail(`${policies[0].address}.policy does not deny ${missing.join(', ')} without conditions`, evv(`${policies[0].address}.policy`, `missing: ${missing.join(', ')}`));
    if (read.doc.partial) return unknown(`part of ${policies[0].address}.policy is known only after apply`);
    return pass(`${policies[0].address} denies recovery-point deletion and lifecycle changes`);
  },
  examples: {
    pass: [
      { description: 'passes when the vault policy denies the three actions (joined by reference)', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_policy.p': { backup_vault_name: '${aws_backup_vault.v.name}', policy: policyJson(DENY) } }, target: 'aws_backup_vault.v' },
      { description: 'passes when backup:* is denied (joined by literal name)', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_policy.p': { backup_vault_name: 'phi', policy: policyJson({ ...DENY, Action: 'backup:*' }) } }, target: 'aws_backup_vault.v' },
    ],
    fail: [
      { description: 'fails when the vault has no access policy', resources: { 'aws_backup_vault.v': { name: 'phi' } } },
      { description: 'fails when the policy denies only DeleteRecoveryPoint', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_policy.p': { backup_vault_name: 'phi', policy: policyJson({ ...DENY, Action: 'backup:DeleteRecoveryPoint' }) } }, target: 'aws_backup_vault.v' },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_policy.p': { backup_vault_name: 'phi', policy: policyJson(DENY) } }, unknown: { 'aws_backup_vault_policy.p': ['policy'] }, target: 'aws_backup_vault.v' }],
  },
};
