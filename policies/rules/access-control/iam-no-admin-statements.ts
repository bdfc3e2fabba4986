import type { ResourceRule } from '../../engine/types';
import { IDENTITY_POLICY_TYPES, isAdminStatement } from '../../model/iam';
import { notApplicable } from '../helpers';
import { IAM, isOnlyPermissionsBoundary, judgeIdentityPolicies, policyJson } from './_shared';

export const iamNoAdminStatements: ResourceRule = {
  id: 'ACC-04a',
  control: 'ACC-04',
  title: 'IAM policies grant no administrator access (Action "*" on Resource "*")',
  strategy: 2,
  citations: IAM,
  severity: 'critical',
  level: 'required',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    'A statement allowing every action on every resource gives whoever holds it full control of the account, including every PHI store, its keys and its audit trail; least privilege (164.308(a)(4)) means granting only the actions a job needs.',
  remediation: 'Replace Action "*" / Resource "*" with the specific actions and resource ARNs the principal needs; keep administrator access in a break-glass role with MFA.',
  anchors: {
    cdkNag: ['HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess'],
    awsConfig: ['iam-policy-no-statements-with-admin-access'],
    checkov: ['CKV_AWS_62', 'CKV_AWS_63'],
  },
  check(res, ctx) {
    if (isOnlyPermissionsBoundary(ctx.graph, res)) return notApplicable('used only as a permissions boundary');
    return judgeIdentityPolicies(ctx, res, (s) => (isAdminStatement(s) ? 'allows every action on every resource' : undefined), 'no statement grants administrator access');
  },
  examples: {
    pass: [
      { description: 'passes when the policy allows s3:GetObject on one bucket', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }) } } },
      { description: 'passes when "*" on "*" is a Deny', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Deny', Action: '*', Resource: '*' }) } } },
    ],
    fail: [
      { description: 'fails when an inline role policy allows Action "*" on Resource "*"', resources: { 'aws_iam_role_policy.p': { role: 'app', policy: policyJson({ Effect: 'Allow', Action: '*', Resource: '*' }) } } },
      {
        description: 'fails when a role inline_policy block allows "*:*" on "*"',
        resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), inline_policy: [{ name: 'all', policy: policyJson({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }) }] } },
      },
      {
        description: 'fails when a policy document data source allows "*" on "*"',
        resources: {
          'data.aws_iam_policy_document.d': { statement: [{ actions: ['*'], resources: ['*'] }] },
          'aws_iam_policy.p': { name: 'p', policy: '${data.aws_iam_policy_document.d.json}' },
        },
      },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_policy.p': { name: 'p', policy: '{}' } }, unknown: { 'aws_iam_policy.p': ['policy'] } }],
  },
};
