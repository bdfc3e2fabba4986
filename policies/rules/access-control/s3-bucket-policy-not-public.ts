import type { ResourceRule } from '../../engine/types';
import { PolicyRead, isPublicAllow, readPolicy } from '../../model/iam';
import { bucketSide, notApplicable, pass } from '../helpers';
import { IAM, judgePolicy } from './_shared';

export const s3BucketPolicyNotPublic: ResourceRule = {
  id: 'ACC-03',
  control: 'ACC-03',
  title: 'S3 bucket policies grant nothing to Principal "*" unless a condition restricts who',
  strategy: 2,
  citations: IAM,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
  scope: 'resource',
  rationale:
    'An Allow to Principal "*" without a condition such as aws:SourceVpce, aws:PrincipalOrgID or aws:SourceArn lets anyone on the internet use the granted actions on PHI objects; an Allow with NotPrincipal does the same for everyone but the named principals.',
  remediation: 'Name the principals that need access, or add a restricting condition (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn/aws:SourceAccount for services) to the statement.',
  construct: 'HipaaBucket',
  anchors: { awsConfig: ['s3-bucket-policy-grantee-check'], checkov: ['CKV_AWS_70'] },
  check(res, ctx) {
    const judge = (read: PolicyRead, where: string) =>
      judgePolicy(
        read,
        where,
        (s) => (isPublicAllow(s) ? 'allows Principal "*" with no restricting condition' : s.effect === 'Allow' && s.notPrincipals ? 'allows everyone except the NotPrincipal list' : undefined),
        `${where}: no statement allows an unrestricted public principal`,
        ['Principal'],
      );
    if (res.type === 'aws_s3_bucket_policy') {
      // Reported on the bucket when the bucket is in the inputs; here only for other buckets.
      if (ctx.graph.deref(res, 'bucket').resources.some((b) => b.type === 'aws_s3_bucket')) return notApplicable('reported on the bucket');
      return judge(readPolicy(ctx.graph, res, 'policy'), `${res.address}.policy`);
    }
    const policies = bucketSide(ctx, res, 'aws_s3_bucket_policy');
    const verdicts = policies.map((p) => judge(readPolicy(ctx.graph, p, 'policy'), `${p.address}.policy`));
    // Legacy inline policy (provider < 4); a computed value is not a setting.
    const inline = readPolicy(ctx.graph, res, 'policy');
    if (inline.state === 'known' || inline.state === 'invalid') verdicts.push(judge(inline, 'policy'));
    if (!verdicts.length) return pass('no bucket policy refers to this bucket');
    return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
  },
  examples: {
    pass: [
      {
        description: 'passes when "*" is restricted by aws:SourceVpce (policy from a data source)',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi' },
          'data.aws_iam_policy_document.p': {
            statement: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.b.arn}/*'], principals: [{ type: 'AWS', identifiers: ['*'] }], condition: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-1234'] }] }],
          },
          'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: '${data.aws_iam_policy_document.p.json}' },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes with a Deny-insecure-transport statement to "*" and an Allow to one role',
        resources: {
          'aws_s3_bucket_policy.p': {
            bucket: 'phi',
            policy: JSON.stringify({
              Statement: [
                { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::phi/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
                { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' },
              ],
            }),
          },
        },
      },
    ],
    fail: [
      {
        description: 'fails when Principal "*" is allowed s3:GetObject without a condition (policy joined by literal bucket name)',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }] }) } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when a data-source statement allows AWS "*" all actions',
        resources: {
          'data.aws_iam_policy_document.p': { statement: [{ actions: ['*'], resources: ['arn:aws:s3:::phi'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] },
          'aws_s3_bucket_policy.p': { bucket: 'phi', policy: '${data.aws_iam_policy_document.p.json}' },
        },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the allowed principal comes from a variable (it could be "*")',
        resources: { 'aws_s3_bucket.b': { bucket: 'phi' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"${var.reader}"},"Action":"s3:GetObject","Resource":"${aws_s3_bucket.b.arn}/*"}]}' } },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'is unknown when the policy is known only after apply',
        resources: { 'aws_s3_bucket_policy.p': { bucket: 'phi', policy: '{}' } },
        unknown: { 'aws_s3_bucket_policy.p': ['policy'] },
      },
    ],
  },
};
