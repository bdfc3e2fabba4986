import type { ResourceRule } from '../../engine/types';
import { outsidePhiScope } from '../helpers';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const BUCKET = { bucket: 'phi-images', tags: { DataClass: 'PHI' } };

export const s3PhiInBackupPlan: ResourceRule = {
  id: 'BAK-03g',
  control: 'BAK-03',
  title: 'PHI S3 buckets are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'Versioning protects against overwrites but not against a compromised account deleting the bucket or its versions. AWS Backup for S3 keeps recovery points in a separately governed (and lockable) vault. Applies to buckets classified as PHI: tagged DataClass / data_classification = PHI, or untagged and not a log destination (model/phi).',
  remediation: 'Select the bucket in an aws_backup_selection (ARN reference, literal bucket ARN or tag); S3 backup requires versioning (BAK-08a).',
  construct: 'HipaaBackupPlan',
  check(bucket, ctx) {
    return outsidePhiScope(ctx, bucket) ?? coverageVerdict(ctx, bucket);
  },
  examples: {
    pass: [
      { description: 'passes when a selection lists the bucket by literal ARN', resources: { ...PLAN, 'aws_s3_bucket.b': BUCKET, 'aws_backup_selection.s': selection({ resources: ['arn:aws:s3:::phi-images'] }) }, target: 'aws_s3_bucket.b' },
      { description: 'passes when a selection lists the bucket ARN by reference', resources: { ...PLAN, 'aws_s3_bucket.b': BUCKET, 'aws_backup_selection.s': selection({ resources: ['${aws_s3_bucket.b.arn}'] }) }, target: 'aws_s3_bucket.b' },
    ],
    fail: [{ description: 'fails when no selection covers the PHI bucket', resources: { ...PLAN, 'aws_s3_bucket.b': BUCKET, 'aws_backup_selection.s': selection({ resources: ['arn:aws:s3:::other-bucket'] }) }, target: 'aws_s3_bucket.b' }],
  },
};
