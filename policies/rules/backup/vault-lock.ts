import { attr, blocks, num } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, fail, joined, pass, unknown, unknownMessage } from '../helpers';
import { plansTargeting } from './_shared';

const LOCK = 'aws_backup_vault_lock_configuration';

export const vaultLock: ResourceRule = {
  id: 'BAK-01a',
  control: 'BAK-01',
  title: 'Backup vaults have a compliance-mode vault lock with a minimum retention',
  strategy: 6,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor backup-recovery-point-manual-deletion-disabled asks for a vault policy denying deletion (BAK-01b); a compliance-mode vault lock is phikit hardening.' },
  resourceTypes: ['aws_backup_vault'],
  scope: 'resource',
  rationale:
    'Ransomware operators delete backups first. A vault lock in compliance mode (changeable_for_days set, so the lock becomes immutable after the grace period) stops anyone — root included — from deleting recovery points or shortening their retention below min_retention_days.',
  remediation:
    'Declare an aws_backup_vault_lock_configuration for the vault with min_retention_days (no longer than the shortest delete_after of the plans writing to it — AWS rejects shorter recovery points) and changeable_for_days (≥ 3) for compliance mode, or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { awsConfig: ['backup-recovery-point-manual-deletion-disabled'] },
  check(vault, ctx) {
    const locks = joined(ctx, vault, LOCK, 'backup_vault_name');
    if (!locks.length) return fail(`no ${LOCK} refers to this vault, so recovery points can be deleted`, ev(LOCK, { state: 'absent' }));
    const lock = locks[0];
    const mode = attr(lock, 'changeable_for_days');
    if (mode.state === 'unknown' || mode.state === 'sensitive') return unknown(unknownMessage('changeable_for_days'), ev(`${lock.address}.changeable_for_days`, mode));
    if (mode.state === 'absent') return fail(`${lock.address}.changeable_for_days is not set, so the lock is in governance mode and privileged users can remove it`, ev(`${lock.address}.changeable_for_days`, mode));
    const minA = attr(lock, 'min_retention_days');
    if (minA.state === 'unknown' || minA.state === 'sensitive') return unknown(unknownMessage('min_retention_days'), ev(`${lock.address}.min_retention_days`, minA));
    const min = num(minA);
    if (min === undefined || min < 1) return fail(`${lock.address}.min_retention_days is ${min ?? 'not set'}; recovery points can be expired immediately`, ev(`${lock.address}.min_retention_days`, minA));
    // A rule keeping recovery points for less than the lock minimum makes every backup job fail.
    for (const plan of plansTargeting(ctx, vault)) {
      for (const r of blocks(plan, 'rule')) {
        if (r instanceof Unknown) continue;
        const d = num(attr(r, 'lifecycle.delete_after'));
        if (d !== undefined && d < min) return fail(`${plan.address} keeps recovery points ${d} days, less than the vault lock minimum ${min}; AWS Backup rejects those jobs`, ev(`${plan.address}.rule.lifecycle.delete_after`, attr(r, 'lifecycle.delete_after')));
      }
    }
    return pass(`compliance-mode vault lock ${lock.address} with min_retention_days ${min}`, ev(`${lock.address}.min_retention_days`, minA));
  },
  examples: {
    pass: [
      { description: 'passes with a compliance-mode lock joined by reference', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_lock_configuration.l': { backup_vault_name: '${aws_backup_vault.v.name}', min_retention_days: 35, changeable_for_days: 3 } }, target: 'aws_backup_vault.v' },
      { description: 'passes with a compliance-mode lock joined by literal vault name', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_lock_configuration.l': { backup_vault_name: 'phi', min_retention_days: 7, changeable_for_days: 3 } }, target: 'aws_backup_vault.v' },
    ],
    fail: [
      { description: 'fails when the vault has no lock', resources: { 'aws_backup_vault.v': { name: 'phi' } } },
      { description: 'fails when the lock is in governance mode (no changeable_for_days)', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_lock_configuration.l': { backup_vault_name: 'phi', min_retention_days: 35 } }, target: 'aws_backup_vault.v' },
      {
        description: 'fails when a plan keeps recovery points for less than min_retention_days',
        resources: {
          'aws_backup_vault.v': { name: 'phi' },
          'aws_backup_vault_lock_configuration.l': { backup_vault_name: 'phi', min_retention_days: 90, changeable_for_days: 3 },
          'aws_backup_plan.p': { name: 'p', rule: [{ rule_name: 'daily', target_vault_name: '${aws_backup_vault.v.name}', lifecycle: [{ delete_after: 35 }] }] },
        },
        target: 'aws_backup_vault.v',
      },
    ],
    unknown: [{ description: 'is unknown when changeable_for_days is known only after apply', resources: { 'aws_backup_vault.v': { name: 'phi' }, 'aws_backup_vault_lock_configuration.l': { backup_vault_name: 'phi', min_retention_days: 35, changeable_for_days: 3 } }, unknown: { 'aws_backup_vault_lock_configuration.l': ['changeable_for_days'] }, target: 'aws_backup_vault.v' }],
  },
};
