import { IDENTITY_POLICY_TYPES, KMS_DECRYPT_ACTIONS, grantedOnAnyResource } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { judgeIdentityPolicies, policyJson } from '../helpers';

export const iamNoKmsDecryptOnAllKeys: ResourceRule = {
  id: 'ENC-03c',
  control: 'ENC-03',
  title: 'Identity policies do not allow kms:Decrypt or kms:ReEncrypt* on every key',
  strategy: 1,
  citations: ['164.312(a)(1)', '164.312(a)(2)(iv)'],
  severity: 'high',
  level: 'required',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    'Allowing decryption on Resource "*" lets a role decrypt every PHI store whose key policy delegates to IAM — far beyond the data the role serves. Scope kms:Decrypt to the key ARNs the workload uses.',
  remediation: 'List the key ARNs in Resource (or use a kms:ViaService / kms:EncryptionContext condition instead of "*").',
  anchors: { awsConfig: ['iam-customer-policy-blocked-kms-actions', 'iam-inline-policy-blocked-kms-actions'] },
  check(res, ctx) {
    return judgeIdentityPolicies(
      ctx,
      res,
      (s) => {
        if (s.conditions.length) return undefined;
        const got = grantedOnAnyResource(s, KMS_DECRYPT_ACTIONS);
        return got.length ? `allows ${got.join(', ')} on Resource "*"` : undefined;
      },
      'no statement allows KMS decryption on every key',
    );
  },
  examples: {
    pass: [
      { description: 'passes when kms:Decrypt is scoped to one key ARN', resources: { 'aws_iam_policy.p': { name: 'app', policy: policyJson({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/abc' }) } } },
      { description: 'passes when kms:* on "*" is limited by kms:ViaService', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }) } } },
    ],
    fail: [
      { description: 'fails when a managed policy allows kms:Decrypt on "*"', resources: { 'aws_iam_policy.p': { name: 'app', policy: policyJson({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' }) } } },
      { description: 'fails when an inline policy allows kms:* on "*"', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_policy.p': { name: 'app', policy: policyJson({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }) } }, unknown: { 'aws_iam_policy.p': ['policy'] } }],
  },
};
