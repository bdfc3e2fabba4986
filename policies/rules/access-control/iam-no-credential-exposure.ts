import type { ResourceRule } from '../../engine/types';
import { CREDENTIAL_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS, IDENTITY_POLICY_TYPES, grantedOnAnyResource } from '../../model/iam';
import { notApplicable } from '../helpers';
import { IAM, isOnlyPermissionsBoundary, judgeIdentityPolicies, policyJson } from './_shared';

const ACTIONS = [...new Set([...CREDENTIAL_EXPOSURE_ACTIONS, ...DATA_EXFILTRATION_ACTIONS])].filter((a) => !a.startsWith('kms:'));

export const iamNoCredentialExposure: ResourceRule = {
  id: 'ACC-04e',
  control: 'ACC-04',
  title: 'IAM policies do not allow credential-exposing or data-reading actions on Resource "*" without a condition',
  strategy: 2,
  citations: IAM,
  severity: 'high',
  level: 'recommended',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    'secretsmanager:GetSecretValue, ssm:GetParameter*, iam:CreateAccessKey or s3:GetObject on every resource hands out every secret and every object in the account, not just the ones a workload needs; scoping them to ARNs limits what a stolen session can read.',
  remediation: 'Scope the actions to the specific secret, parameter, bucket or table ARNs, or constrain them with a condition (aws:ResourceTag, s3:prefix, …). kms:Decrypt on "*" is reported by ENC-03.',
  anchors: { checkov: ['CKV_AWS_287', 'CKV_AWS_288'] },
  check(res, ctx) {
    if (isOnlyPermissionsBoundary(ctx.graph, res)) return notApplicable('used only as a permissions boundary');
    return judgeIdentityPolicies(
      ctx,
      res,
      (s) => {
        if (s.conditions.length) return undefined;
        const got = grantedOnAnyResource(s, ACTIONS);
        return got.length ? `allows ${got.slice(0, 4).join(', ')}${got.length > 4 ? ', …' : ''} on Resource "*" with no condition` : undefined;
      },
      'no credential-exposing or data-reading action on every resource',
    );
  },
  examples: {
    pass: [
      {
        description: 'passes when secretsmanager:GetSecretValue is scoped to one secret',
        resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf' }) } },
      },
      {
        description: 'passes when s3:GetObject on "*" is constrained by aws:ResourceTag',
        resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } }) } },
      },
    ],
    fail: [
      { description: 'fails when ssm:GetParameters is allowed on Resource "*"', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*' }) } } },
      { description: 'fails when s3:Get* is allowed on Resource "*"', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_policy.p': { name: 'p', policy: '{}' } }, unknown: { 'aws_iam_policy.p': ['policy'] } }],
  },
};
