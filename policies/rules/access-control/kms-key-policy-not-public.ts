import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

/** Key types whose `policy` sits on the key itself (optional there: left out, AWS writes the default key policy, the account only). */
const INLINE = new Set(['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key']);
// kms:CallerAccount names the account that may call, as aws:PrincipalAccount does.
const judge = publicPrincipalJudge(['kms:CallerAccount']);
const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

export const kmsKeyPolicyPublicAccess: ResourceRule = {
  id: 'ACC-24p',
  control: 'ACC-24',
  title: 'KMS key policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public key policy lets any AWS account use the key that decrypts ePHI' },
  resourceTypes: ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'],
  scope: 'resource',
  rationale:
    'A key policy is the resource policy of the key: the Security Rule requires that only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access the covered entity authorized (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}, or a role name in any account) that no aws:PrincipalOrgID, aws:PrincipalAccount, kms:CallerAccount, aws:SourceVpce or similar condition narrows lets any AWS account call the key — decrypt what it protects, or grant itself use of it. ENC-03a reports the same statement under key protection (strategy 1); this rule is the access-control view, where reviewers of strategy 2 look for every public resource policy.',
  remediation: 'Name the account root and the roles that need the key as principals, or add a restricting condition (aws:PrincipalOrgID, aws:PrincipalAccount, kms:CallerAccount, aws:SourceVpce) to every statement that allows "*", or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { checkov: ['CKV_AWS_33'] },
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', judge, INLINE.has(res.type));
  },
  examples: {
    pass: [
      { description: 'passes when the key policy names the account root only', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) } } },
      {
        description: 'passes when "*" is narrowed by kms:CallerAccount',
        resources: { 'aws_kms_key_policy.p': { key_id: 'k', policy: policyJson(ROOT, { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }) } },
      },
    ],
    fail: [
      { description: 'fails when the key policy allows kms:Decrypt to Principal "*"', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }) } } },
      { description: 'fails when an aws_kms_key_policy allows {"AWS": ["*"]} beside the root', resources: { 'aws_kms_key_policy.p': { key_id: 'k', policy: policyJson(ROOT, { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] }, Action: 'kms:*', Resource: '*' }) } } },
      { description: 'fails when the restricting condition is IfExists (absent keys let anyone through)', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEqualsIfExists: { 'kms:CallerAccount': '111122223333' } } }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) } }, unknown: { 'aws_kms_key.k': ['policy'] } }],
  },
};
