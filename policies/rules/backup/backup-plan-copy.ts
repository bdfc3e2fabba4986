import { backupPlanCopies, judgeCopies } from '../../model/copies';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { BKP } from './_shared';

const base = { rule_name: 'daily', target_vault_name: 'phi', schedule: 'cron(0 5 ? * * *)', lifecycle: [{ delete_after: 35 }] };

export const backupPlanCopy: ResourceRule = {
  id: 'BAK-02c',
  control: 'BAK-02',
  title: 'Backup plans copy recovery points to another vault (another region and/or account)',
  strategy: 6,
  citations: [...BKP, '164.310(d)(2)(iv)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_backup_plan'],
  scope: 'resource',
  rationale:
    'HIPAA requires a disaster recovery plan to restore any loss of data (164.308(a)(7)(ii)(B)) and retrievable exact copies of ePHI (164.308(a)(7)(ii)(A)); phikit recommends that the plan survive the loss of a region or of the account itself (compromise, closure). A copy_action sends each recovery point to a vault elsewhere; backups kept only beside the data share its fate. A copy to a vault whose region these inputs do not state (outside them) counts, and the message says so; one known to be in the same region and account does not. The same decision (model/copies) judges BAK-10a.',
  remediation: 'Add copy_action { destination_vault_arn = <vault in another region or account> } to at least one rule, or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  check(plan, ctx) {
    const c = judgeCopies([backupPlanCopies(ctx.graph, plan)], 'no rule has a copy_action with destination_vault_arn; recovery points exist only in one vault, region and account', true);
    if (c.state === 'yes') return pass(`${c.copy.via} copies recovery points ${c.copy.detail}`);
    if (c.state === 'unknown') return unknown(`where this plan copies recovery points is known only after apply (${c.why})`);
    return fail(c.why.startsWith('the only copies') ? `${c.why}: a copy in the same region and account shares its fate` : c.why);
  },
  examples: {
    pass: [{ description: 'passes with a copy_action to a vault in another region', resources: { 'aws_backup_plan.p': { name: 'phi', rule: [{ ...base, copy_action: [{ destination_vault_arn: 'arn:aws:backup:us-west-2:444455556666:backup-vault:phi-dr', lifecycle: [{ delete_after: 35 }] }] }] } } }],
    fail: [
      { description: 'fails when no rule has a copy_action', resources: { 'aws_backup_plan.p': { name: 'phi', rule: [base] } } },
      { description: 'fails when the only copy goes to a vault in the same region of the same account', resources: { 'aws_backup_vault.v2': { name: 'phi-2', region: 'us-east-1' }, 'aws_backup_plan.p': { name: 'phi', region: 'us-east-1', rule: [{ ...base, copy_action: [{ destination_vault_arn: '${aws_backup_vault.v2.arn}' }] }] } }, target: 'aws_backup_plan.p' },
    ],
    unknown: [{ description: 'is unknown when the copy destination is known only after apply', resources: { 'aws_backup_plan.p': { name: 'phi', rule: [{ ...base, copy_action: [{ destination_vault_arn: 'arn:aws:backup:us-west-2:444455556666:backup-vault:phi-dr' }] }] } }, unknown: { 'aws_backup_plan.p': ['rule.copy_action.destination_vault_arn'] } }],
  },
};
