import { attr, computedOnly } from '../../model/attrs';
import { isPublicAllow, readPolicy } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { judgePolicy, policyJson } from '../helpers';
import { notApplicable } from '../helpers';

const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

export const kmsKeyPolicyNotPublic: ResourceRule = {
  id: 'ENC-03a',
  control: 'ENC-03',
  title: 'KMS key policies grant nothing to Principal "*" without a restricting condition',
  strategy: 1,
  citations: ['164.312(a)(1)', '164.312(a)(2)(iv)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a key policy open to Principal \"*\" lets anyone use the key that protects ePHI' },
  resourceTypes: ['aws_kms_key', 'aws_kms_key_policy'],
  scope: 'resource',
  rationale:
    'Encryption protects PHI only while the key is private. A key policy that allows any principal (Principal "*" or {"AWS": "*"}) lets any AWS account decrypt with it unless a condition such as aws:PrincipalOrgID or kms:CallerAccount narrows it.',
  remediation: 'Name the account root and the roles that need the key as principals, or add a restricting condition (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, kms:CallerAccount), or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { checkov: ['CKV_AWS_33'] },
  check(res, ctx) {
    const read = readPolicy(ctx.graph, res, 'policy');
    if (read.state === 'absent' || computedOnly(attr(res, 'policy'))) return notApplicable('no policy on this resource (ENC-03b checks that every key has one)');
    return judgePolicy(read, 'policy', (s) => (isPublicAllow(s) ? 'allows Principal "*" with no restricting condition' : undefined), 'no statement allows an unrestricted public principal');
  },
  examples: {
    pass: [
      { description: 'passes when the key policy names the account root', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) } } },
      {
        description: 'passes when Principal "*" is restricted by kms:CallerAccount',
        resources: { 'aws_kms_key_policy.p': { key_id: 'k', policy: policyJson(ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }) } },
      },
    ],
    fail: [
      { description: 'fails when the key policy allows kms:Decrypt to Principal "*"', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }) } } },
      { description: 'fails when an aws_kms_key_policy allows {"AWS": "*"}', resources: { 'aws_kms_key_policy.p': { key_id: 'k', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) } }, unknown: { 'aws_kms_key.k': ['policy'] } }],
  },
};
