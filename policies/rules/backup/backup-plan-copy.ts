import { attr, blocks, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { fail, pass, unknown } from '../helpers';
import { BKP, planRules } from './_shared';

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
    'A disaster recovery plan (164.308(a)(7)(ii)(B)) must survive the loss of a region or of the account itself (compromise, closure). A copy_action sends each recovery point to a vault elsewhere; backups kept only beside the data share its fate.',
  remediation: 'Add copy_action { destination_vault_arn = <vault in another region or account> } to at least one rule, or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  check(plan) {
    let sawUnknown = false;
    for (const { label, rule: r } of planRules(plan)) {
      if (r instanceof Unknown) {
        sawUnknown = true;
        continue;
      }
      for (const c of blocks(r, 'copy_action')) {
        if (c instanceof Unknown) {
          sawUnknown = true;
          continue;
        }
        if (isSet(attr(c, 'destination_vault_arn'))) return pass(`${label} copies recovery points to another vault`);
      }
    }
    if (sawUnknown) return unknown('a rule or copy_action is known only after apply');
    return fail('no rule has a copy_action with destination_vault_arn; recovery points exist only in one vault, region and account');
  },
  examples: {
    pass: [{ description: 'passes with a copy_action to a vault in another region', resources: { 'aws_backup_plan.p': { name: 'phi', rule: [{ ...base, copy_action: [{ destination_vault_arn: 'arn:aws:backup:us-west-2:444455556666:backup-vault:phi-dr', lifecycle: [{ delete_after: 35 }] }] }] } } }],
    fail: [{ description: 'fails when no rule has a copy_action', resources: { 'aws_backup_plan.p': { name: 'phi', rule: [base] } } }],
  },
};
