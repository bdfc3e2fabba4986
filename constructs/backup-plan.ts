import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import { BackupVaultPolicy } from '@cdktf/provider-aws/lib/backup-vault-policy';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { serviceTrust } from './core/policy';
import { THRESHOLDS } from '../policies/rules/thresholds';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import type { IHipaaKmsKey } from './kms-key';

export interface HipaaBackupVaultProps {
  /** Vault name. */
  readonly name: string;
  /** Key encrypting recovery points (164.312(a)(2)(iv)). */
  readonly kmsKey: IHipaaKmsKey;
  /** Smallest retention a backup job may ask for (the vault lock refuses shorter). @default 35 */
  readonly minRetentionDays?: number;
  /** Provider for another region (DR copies). @default the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A backup vault that cannot be emptied: CMK encryption, a compliance-mode vault lock, a vault
 * policy denying recovery-point deletion, and `prevent_destroy`.
 */
export class HipaaBackupVault extends Construct {
  readonly vault: BackupVault;
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: HipaaBackupVaultProps & { readonly lock?: boolean }) {
    super(scope, id);
    const provider = props.provider;
    this.vault = new BackupVault(this, 'vault', { provider, name: props.name, kmsKeyArn: props.kmsKey.arn, tags: { DataClass: 'PHI' }, lifecycle: { preventDestroy: true } });
    this.arn = this.vault.arn;
    this.name = this.vault.name;
    if (props.lock !== false) {
      new BackupVaultLockConfiguration(this, 'lock', { provider, backupVaultName: this.vault.name, minRetentionDays: props.minRetentionDays ?? 35, maxRetentionDays: 3650, changeableForDays: 3 });
    }
    new BackupVaultPolicy(this, 'policy', {
      provider,
      backupVaultName: this.vault.name,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyRecoveryPointDeletion',
            Effect: 'Deny',
            Principal: '*',
            Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:PutBackupVaultAccessPolicy'],
            Resource: '*',
          },
        ],
      }),
    });
  }
}

export interface HipaaBackupPlanProps {
  /** Key encrypting recovery points (164.312(a)(2)(iv)). */
  readonly kmsKey: IHipaaKmsKey;
  /** Days daily backups are kept; below 35 needs a waiver for BAK-02b (164.308(a)(7)(ii)(A)). @default 35 */
  readonly dailyRetentionDays?: number;
  /** Days weekly backups are kept. @default 90 */
  readonly weeklyRetentionDays?: number;
  /** Days monthly backups are kept. @default 365 */
  readonly monthlyRetentionDays?: number;
  /** Vault in another region/account that receives copies (disaster recovery, 164.308(a)(7)(ii)(B)); leaving it out needs a waiver for BAK-02c. */
  readonly copyToVaultArn?: string;
  /** Tag selecting what is backed up. @default { key: 'DataClass', value: 'PHI' } */
  readonly selectionTag?: { readonly key: string; readonly value: string };
  /** Vault lock in compliance mode: no one can delete recovery points early. @default true */
  readonly vaultLock?: boolean;
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * AWS Backup for PHI: a CMK-encrypted vault with a compliance-mode vault lock and a vault policy
 * denying recovery-point deletion; daily (35 d), weekly (90 d) and monthly (1 y) rules; optional
 * cross-region copy; and a selection by tag so every store tagged DataClass=PHI is covered.
 *
 * @example
 * new HipaaBackupPlan(this, 'backup', { kmsKey: key, copyToVaultArn: drVaultArn });
 */
export class HipaaBackupPlan extends Construct {
  readonly vault: HipaaBackupVault;
  readonly plan: BackupPlan;
  readonly selection: BackupSelection;

  constructor(scope: Construct, id: string, props: HipaaBackupPlanProps) {
    super(scope, id);
    const min = THRESHOLDS.backupRetentionMinDays;
    const daily = props.dailyRetentionDays ?? min;
    const p = new PropCheck(this, 'HipaaBackupPlan', props.waivers);
    const days = (v: number | undefined, prop: string) => v === undefined || p.expect(Number.isInteger(v) && v >= 1 && v <= 36500, prop, `must be a whole number of days from 1 to 36500, got ${v}`);
    if (days(daily, 'dailyRetentionDays')) p.weakens(daily < min, `dailyRetentionDays: ${daily}`, 'BAK-02b');
    days(props.weeklyRetentionDays, 'weeklyRetentionDays');
    days(props.monthlyRetentionDays, 'monthlyRetentionDays');
    p.weakens(props.vaultLock === false, 'vaultLock: false', 'BAK-01a');
    p.weakens(!props.copyToVaultArn, 'no copyToVaultArn (single-region backups)', 'BAK-02c');
    p.expect(!!props.kmsKey, 'kmsKey', 'is required');
    const waivers = p.done();
    const account = new DataAwsCallerIdentity(this, 'account');
    this.vault = new HipaaBackupVault(this, 'vault', { name: `${id}-vault`, kmsKey: props.kmsKey, minRetentionDays: Math.min(daily, min), lock: props.vaultLock !== false });
    recordWaivers(this.vault.vault, waivers.filter((w) => w.ruleId === 'BAK-01a'));
    const copy = props.copyToVaultArn ? [{ destinationVaultArn: props.copyToVaultArn, lifecycle: { deleteAfter: daily } }] : undefined;
    const rule = (name: string, schedule: string, days: number) => ({ ruleName: name, targetVaultName: this.vault.name, schedule, startWindow: 60, completionWindow: 360, lifecycle: { deleteAfter: days }, copyAction: copy });
    this.plan = new BackupPlan(this, 'plan', {
      name: `${id}-plan`,
      rule: [rule('daily', 'cron(0 5 * * ? *)', daily), rule('weekly', 'cron(0 6 ? * SUN *)', props.weeklyRetentionDays ?? 90), rule('monthly', 'cron(0 7 1 * ? *)', props.monthlyRetentionDays ?? 365)],
      tags: { DataClass: 'PHI' },
    });
    recordWaivers(this.plan, waivers.filter((w) => w.ruleId === 'BAK-02c' || w.ruleId === 'BAK-02b'));
    const role = new IamRole(this, 'role', { namePrefix: `${id}-backup-`, assumeRolePolicy: serviceTrust('backup.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(this, 'role-backup', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup' });
    new IamRolePolicyAttachment(this, 'role-restore', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores' });
    new IamRolePolicyAttachment(this, 'role-s3-backup', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup' });
    const tag = props.selectionTag ?? { key: 'DataClass', value: 'PHI' };
    this.selection = new BackupSelection(this, 'selection', {
      name: `${id}-phi`,
      planId: this.plan.id,
      iamRoleArn: role.arn,
      selectionTag: [{ type: 'STRINGEQUALS', key: tag.key, value: tag.value }],
    });
  }
}
