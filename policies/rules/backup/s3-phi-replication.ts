import { copyOutsideRegion } from '../../model/copies';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, outsidePhiScope, pass, phiLabel, unknown } from '../helpers';
import { BKP, selection } from './_shared';

const REP = 'aws_s3_bucket_replication_configuration';
const PHI = { bucket: 'phi', tags: { DataClass: 'PHI' } };
/** A PHI bucket in us-east-1 (hashicorp/aws 6 per-resource region) backed up by a plan whose rule copies to `dest`. */
const backedUp = (dest: string, extra: Record<string, Record<string, unknown>> = {}) => ({
  'aws_s3_bucket.b': { ...PHI, region: 'us-east-1' },
  'aws_backup_vault.v': { name: 'phi', region: 'us-east-1' },
  'aws_backup_plan.p': { name: 'phi', region: 'us-east-1', rule: [{ rule_name: 'daily', target_vault_name: '${aws_backup_vault.v.name}', schedule: 'cron(0 5 * * ? *)', copy_action: [{ destination_vault_arn: dest }] }] },
  'aws_backup_selection.s': selection({ resources: ['${aws_s3_bucket.b.arn}'] }),
  ...extra,
});
const rep = (bucket: string, status = 'Enabled') => ({ bucket, role: 'arn:aws:iam::111122223333:role/rep', rule: [{ id: 'all', status, destination: [{ bucket: 'arn:aws:s3:::phi-dr' }] }] });

export const s3PhiReplication: ResourceRule = {
  id: 'BAK-10a',
  control: 'BAK-10',
  title: 'PHI S3 buckets have a copy outside their region (cross-region replication or an AWS Backup copy to another region)',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'HIPAA requires a data backup plan with retrievable exact copies of ePHI (164.308(a)(7)(ii)(A)) and a disaster recovery plan to restore any loss of data (164.308(a)(7)(ii)(B)); it does not name a mechanism. phikit recommends a copy in another region — S3 replication to a bucket there, or an AWS Backup plan that selects the bucket and copies its recovery points to a vault there — so a regional outage or a destroyed bucket does not take the data with it. The same decision (model/copies) judges BAK-02c. A copy whose destination region these inputs do not state (a bucket or vault outside them) counts, and the message says so; a copy known to stay in the same region does not. Applies to buckets classified as PHI (tagged PHI, or untagged and not a log destination: model/phi); replica buckets themselves are exempt.',
  remediation: `Declare an ${REP} for the bucket with an Enabled rule to a bucket in another region (versioning required on both), or select the bucket in an AWS Backup plan whose rule has copy_action to a vault in another region; the phikit HipaaBucket and HipaaBackupPlan constructs do both.`,
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketReplicationEnabled'], awsConfig: ['s3-bucket-replication-enabled'], checkov: ['CKV_AWS_144'] },
  check(bucket, ctx) {
    const out = outsidePhiScope(ctx, bucket);
    if (out) return out;
    if (ctx.graph.related(bucket, REP, 'rule.destination.bucket').length) return notApplicable('this bucket is a replication destination');
    const c = copyOutsideRegion(ctx.graph, bucket);
    if (c.state === 'yes') return pass(`copied by ${c.copy.via} ${c.copy.detail}`);
    if (c.state === 'unknown') return unknown(`whether this ${phiLabel(ctx, bucket)} has a copy outside its region is known only after apply (${c.why})`);
    return fail(`this ${phiLabel(ctx, bucket)} has no copy outside its region: ${c.why}`);
  },
  examples: {
    pass: [
      { description: 'passes with an Enabled replication rule joined by reference', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('${aws_s3_bucket.b.id}') }, target: 'aws_s3_bucket.b' },
      { description: 'passes with an Enabled replication rule joined by literal name', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi') }, target: 'aws_s3_bucket.b' },
      { description: 'passes when an AWS Backup plan selecting the bucket copies to a vault in another region (literal ARN)', resources: backedUp('arn:aws:backup:us-west-2:111122223333:backup-vault:phi-dr'), target: 'aws_s3_bucket.b' },
      { description: 'passes when the backup copy goes to a declared vault in another region (reference)', resources: backedUp('${aws_backup_vault.dr.arn}', { 'aws_backup_vault.dr': { name: 'phi-dr', region: 'us-west-2' } }), target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when a PHI bucket has no replication configuration', resources: { 'aws_s3_bucket.b': PHI } },
      { description: 'fails when the only replication rule is Disabled', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi', 'Disabled') }, target: 'aws_s3_bucket.b' },
      { description: 'fails when the backup copy goes to a vault in the same region', resources: backedUp('arn:aws:backup:us-east-1:111122223333:backup-vault:phi-2'), target: 'aws_s3_bucket.b' },
      {
        description: 'fails when replication goes to a declared bucket in the same region',
        resources: { 'aws_s3_bucket.b': { ...PHI, region: 'eu-west-1' }, 'aws_s3_bucket.r': { bucket: 'phi-copy', region: 'eu-west-1' }, 'aws_s3_bucket_replication_configuration.r': { ...rep('${aws_s3_bucket.b.id}'), rule: [{ id: 'all', status: 'Enabled', destination: [{ bucket: '${aws_s3_bucket.r.arn}' }] }] } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      { description: 'is unknown when the rule status is known only after apply', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi') }, unknown: { 'aws_s3_bucket_replication_configuration.r': ['rule.status'] }, target: 'aws_s3_bucket.b' },
      { description: 'is unknown when the backup copy destination is known only after apply', resources: backedUp('arn:aws:backup:us-west-2:111122223333:backup-vault:phi-dr'), unknown: { 'aws_backup_plan.p': ['rule.copy_action.destination_vault_arn'] }, target: 'aws_s3_bucket.b' },
    ],
  },
};
