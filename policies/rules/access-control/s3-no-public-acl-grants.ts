import { attr, blocks, computedOnly, str, undecided } from '../../model/attrs';
import type { Resource } from '../../model/types';
import { Unknown, Value, render } from '../../model/values';
import type { ResourceRule, Verdict } from '../../engine/types';
import { bucketSide, ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

const PUBLIC_CANNED = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GROUP = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

/** `legacy`: the bucket's own (provider < 4) `acl` / `grant` attributes, read only when known. */
function aclVerdict(res: Resource, legacy: boolean): Verdict | undefined {
  const acl = attr(res, 'acl');
  if (acl.state === 'unknown' && !legacy) return unknown(unknownMessage('acl'), ev(`${res.address}.acl`, acl));
  const canned = str(acl);
  if (canned && PUBLIC_CANNED.includes(canned)) return fail(`acl is "${canned}", which grants access to ${canned === 'authenticated-read' ? 'every AWS account' : 'everyone'}`, ev(`${res.address}.acl`, acl));
  for (const g of blocks(res, legacy ? 'grant' : 'access_control_policy.grant')) {
    if (g instanceof Unknown) {
      if (!legacy) return unknown('an ACL grant is known only after apply', evv(`${res.address}.access_control_policy.grant`, '(known after apply)'));
      continue;
    }
    const uriAttr = attr(g, legacy ? 'uri' : 'grantee.uri');
    if (!legacy && undecided(uriAttr) && !computedOnly(uriAttr)) return unknown('an ACL grantee is known only after apply', ev(`${res.address}.access_control_policy.grant.grantee.uri`, uriAttr));
    const uri = str(uriAttr);
    if (uri && PUBLIC_GROUP.test(uri)) {
      const perm = legacy ? render((g as Record<string, Value>).permissions) : render((g as Record<string, Value>).permission);
      return fail(`a grant gives ${perm} to ${uri.split('/').pop()}`, evv(`${res.address}.grant`, uri));
    }
  }
  return undefined;
}

export const s3NoPublicAclGrants: ResourceRule = {
  id: 'ACC-02b',
  control: 'ACC-02',
  title: 'S3 buckets grant no public-read, public-write or authenticated-users access by ACL',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'A public-read or public-read-write ACL (or a grant to the AllUsers / AuthenticatedUsers groups) exposes PHI to anyone on the internet or to every AWS customer.',
  remediation: 'Remove the public canned ACL or AllUsers/AuthenticatedUsers grants from aws_s3_bucket_acl, and disable ACLs with BucketOwnerEnforced ownership (phikit HipaaBucket does both).',
  construct: 'HipaaBucket',
  anchors: {
    cdkNag: ['HIPAA.Security-S3BucketPublicReadProhibited', 'HIPAA.Security-S3BucketPublicWriteProhibited'],
    awsConfig: ['s3-bucket-public-read-prohibited', 's3-bucket-public-write-prohibited'],
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_43'],
  },
  check(bucket, ctx) {
    const acls = bucketSide(ctx, bucket, 'aws_s3_bucket_acl');
    for (const a of acls) {
      const v = aclVerdict(a, false);
      if (v) return v;
    }
    // Legacy inline acl/grant on the bucket (provider < 4); a computed value is not a setting.
    const inline = aclVerdict(bucket, true);
    if (inline && inline.status === 'fail') return inline;
    return pass(acls.length ? `no public ACL or grant (${acls[0].address})` : 'no ACL resource refers to this bucket; the default ACL is private');
  },
  examples: {
    pass: [
      {
        description: 'passes with a private ACL joined by reference',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_acl.a': { bucket: '${aws_s3_bucket.b.id}', acl: 'private' } },
        target: 'aws_s3_bucket.b',
      },
      { description: 'passes when no ACL is declared (private default)', resources: { 'aws_s3_bucket.b': { bucket: 'phi' } }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      {
        description: 'fails when acl is public-read (joined by literal bucket name)',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_acl.a': { bucket: 'phi', acl: 'public-read' } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when a grant gives WRITE to AllUsers',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'aws_s3_bucket_acl.a': {
            bucket: '${aws_s3_bucket.b.id}',
            access_control_policy: [{ grant: [{ grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }], permission: 'WRITE' }], owner: [{ id: 'abc' }] }],
          },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the ACL value is known only after apply',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_acl.a': { bucket: '${aws_s3_bucket.b.id}', acl: 'private' } },
        unknown: { 'aws_s3_bucket_acl.a': ['acl'] },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
