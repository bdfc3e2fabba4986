import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { BKP, versioningOf } from './_shared';

export const s3Versioning: ResourceRule = {
  id: 'BAK-08a',
  control: 'BAK-08',
  title: 'S3 buckets have versioning enabled',
  strategy: 6,
  citations: [...BKP, '164.312(c)(1)', '164.312(c)(2)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'Versioning keeps every prior version of an object, so an overwrite, a deletion or ransomware encryption of PHI objects can be rolled back (integrity, 164.312(c)(1)). It is also required for replication, Object Lock and AWS Backup of S3.',
  remediation: 'Declare aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }, or use the phikit HipaaBucket construct.',
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketVersioningEnabled'], awsConfig: ['s3-bucket-versioning-enabled'], checkov: ['CKV_AWS_21'] },
  check(bucket, ctx) {
    const v = versioningOf(ctx, bucket);
    if (v.status === 'unknown') return unknown(`${v.where} is known only after apply`, evv(v.where, '(known after apply)'));
    if (v.status === 'Enabled') return pass(`versioning is Enabled (${v.where})`, evv(v.where, 'Enabled'));
    if (v.status === 'absent') return fail('no aws_s3_bucket_versioning refers to this bucket, so versioning is off', evv(v.where, undefined));
    return fail(`versioning status is ${v.value ?? v.status}`, evv(v.where, v.value ?? v.status));
  },
  examples: {
    pass: [
      { description: 'passes with versioning Enabled joined by reference', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: [{ status: 'Enabled' }] } }, target: 'aws_s3_bucket.b' },
      { description: 'passes with versioning Enabled joined by literal bucket name', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: 'phi', versioning_configuration: [{ status: 'Enabled' }] } }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when no versioning resource refers to the bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } } },
      { description: 'fails when versioning is Suspended', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: 'phi', versioning_configuration: [{ status: 'Suspended' }] } }, target: 'aws_s3_bucket.b' },
    ],
    unknown: [{ description: 'is unknown when the status is known only after apply', resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_versioning.v': { bucket: 'phi', versioning_configuration: [{ status: 'Enabled' }] } }, unknown: { 'aws_s3_bucket_versioning.v': ['versioning_configuration.status'] }, target: 'aws_s3_bucket.b' }],
  },
};
