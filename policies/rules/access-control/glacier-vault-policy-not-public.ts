import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

/** Types whose policy attribute sits on the protected resource itself (optional there). */
const INLINE = new Set(['aws_glacier_vault']);
const judge = publicPrincipalJudge();

export const glacierVaultPolicyNotPublic: ResourceRule = {
  id: 'ACC-24g',
  control: 'ACC-24',
  title: 'S3 Glacier vault access policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public vault policy lets anyone retrieve the archives' },
  resourceTypes: ['aws_glacier_vault'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account retrieve or delete the archives, which may be PHI: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'access_policy', judge, INLINE.has(res.type));
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive' }) } }, unknown: { 'aws_glacier_vault.p': ['access_policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_glacier_vault.p': { name: 'archive', access_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'glacier:InitiateJob', Resource: 'arn:aws:glacier:us-east-1:111122223333:vaults/archive' }) } } },
    ],
  },
};
