import type { ResourceRule } from '../../engine/types';
import { IDENTITY_POLICY_TYPES, fullServiceAccess } from '../../model/iam';
import { notApplicable } from '../helpers';
import { IAM, isOnlyPermissionsBoundary, judgeIdentityPolicies, policyJson } from './_shared';

export const iamNoFullServiceAccess: ResourceRule = {
  id: 'ACC-04b',
  control: 'ACC-04',
  title: 'IAM policies grant no full service access ("svc:*" actions)',
  strategy: 2,
  citations: IAM,
  severity: 'high',
  level: 'required',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    '"s3:*" or "kms:*" includes destructive and policy-changing actions (DeleteBucket, PutBucketPolicy, ScheduleKeyDeletion) that application roles never need; granting whole services defeats least privilege.',
  remediation: 'List the specific actions needed (e.g. s3:GetObject, s3:PutObject) instead of "svc:*".',
  anchors: {
    cdkNag: ['HIPAA.Security-IAMPolicyNoStatementsWithFullAccess'],
    awsConfig: ['iam-policy-no-statements-with-full-access'],
  },
  check(res, ctx) {
    if (isOnlyPermissionsBoundary(ctx.graph, res)) return notApplicable('used only as a permissions boundary');
    return judgeIdentityPolicies(
      ctx,
      res,
      (s) => {
        const full = fullServiceAccess(s);
        return full.length ? `allows full access (${full.join(', ')})` : undefined;
      },
      'no statement grants a whole service',
    );
  },
  examples: {
    pass: [{ description: 'passes when actions are listed one by one', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::phi/*' }) } } }],
    fail: [
      { description: 'fails when the policy allows s3:* (even on one bucket)', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::phi/*' }) } } },
      { description: 'fails when a group policy allows iam:*', resources: { 'aws_iam_group_policy.p': { group: 'devs', policy: policyJson({ Effect: 'Allow', Action: ['s3:Get*', 'iam:*'], Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_user_policy.p': { user: 'u', policy: '{}' } }, unknown: { 'aws_iam_user_policy.p': ['policy'] } }],
  },
};
