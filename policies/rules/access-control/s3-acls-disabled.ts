import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { bucketSide, ev, fail, noneJoined, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

const OWN = 'aws_s3_bucket_ownership_controls';
const PATH = 'rule.object_ownership';

export const s3AclsDisabled: ResourceRule = {
  id: 'ACC-02a',
  control: 'ACC-02',
  title: 'S3 bucket ACLs are disabled (object ownership BucketOwnerEnforced)',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'With BucketOwnerEnforced, S3 ignores every ACL, so access to PHI objects is decided only by IAM and the bucket policy, which are reviewed and audited; objects uploaded by other accounts are still owned by the bucket owner.',
  remediation: 'Add an aws_s3_bucket_ownership_controls for the bucket with rule { object_ownership = "BucketOwnerEnforced" }, or use the phikit HipaaBucket construct.',
  construct: 'HipaaBucket',
  anchors: { awsConfig: ['s3-bucket-acl-prohibited'], checkov: ['CKV2_AWS_65'] },
  check(bucket, ctx) {
    const controls = bucketSide(ctx, bucket, OWN);
    if (!controls.length) {
      const acls = bucketSide(ctx, bucket, 'aws_s3_bucket_acl');
      if (acls.length) return fail(`${acls[0].address} sets an ACL and no ${OWN} enforces bucket-owner ownership, so ACLs grant access`, ev(OWN, { state: 'absent' }));
      // S3 creates new buckets with BucketOwnerEnforced (since April 2023); an existing bucket keeps
      // whatever it was created with, so only a bucket this plan creates gets the default.
      if (bucket.action === 'create' || bucket.action === 'config' || bucket.action === 'replace') return pass(`no ${OWN}; a new bucket gets BucketOwnerEnforced by default`, ev(OWN, { state: 'absent' }));
      return noneJoined(ctx, bucket, OWN, 'bucket', fail(`no ${OWN} refers to this existing bucket, so whether ACLs are disabled depends on when it was created`, ev(OWN, { state: 'absent' })));
    }
    for (const c of controls) {
      const a = attr(c, PATH);
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(`${c.address}.${PATH}`, a));
      if (str(a) !== 'BucketOwnerEnforced') return fail(`object_ownership is ${str(a) ?? 'not set'}, so ACLs still grant access`, ev(`${c.address}.${PATH}`, a));
    }
    return pass(`object ownership is BucketOwnerEnforced (${controls[0].address})`);
  },
  examples: {
    pass: [
      {
        description: 'passes with BucketOwnerEnforced joined by reference',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_ownership_controls.o': { bucket: '${aws_s3_bucket.b.id}', rule: [{ object_ownership: 'BucketOwnerEnforced' }] } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes with BucketOwnerEnforced joined by literal bucket name',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_ownership_controls.o': { bucket: 'phi', rule: [{ object_ownership: 'BucketOwnerEnforced' }] } },
        target: 'aws_s3_bucket.b',
      },
      { description: 'passes for a new bucket without ownership controls or ACLs (S3 default BucketOwnerEnforced)', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      {
        description: 'fails when object_ownership is ObjectWriter',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_ownership_controls.o': { bucket: 'phi', rule: [{ object_ownership: 'ObjectWriter' }] } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when an ACL resource is declared and no ownership controls refer to the bucket',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_acl.a': { bucket: 'phi', acl: 'private' } },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when object_ownership is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_ownership_controls.o': { bucket: '${aws_s3_bucket.b.id}', rule: [{ object_ownership: 'BucketOwnerEnforced' }] } },
        unknown: { 'aws_s3_bucket_ownership_controls.o': ['rule.object_ownership'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
