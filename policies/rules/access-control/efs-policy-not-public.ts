import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

const judge = publicPrincipalJudge(['elasticfilesystem:AccessedViaMountTarget']);

export const efsPolicyNotPublic: ResourceRule = {
  id: 'ACC-24f',
  control: 'ACC-24',
  title: 'EFS file system policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public file system policy lets anyone mount the files' },
  resourceTypes: ['aws_efs_file_system_policy'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account mount the file system and read or write its files, which may be PHI: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', judge, false);
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'elasticfilesystem:ClientMount', Resource: '*' }) } } },
      { description: 'passes when AWS "*" may use it only through a mount target (elasticfilesystem:AccessedViaMountTarget = true)', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount', Resource: '*', Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } } }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'elasticfilesystem:ClientMount', Resource: '*' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'elasticfilesystem:ClientMount', Resource: '*' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'elasticfilesystem:ClientMount', Resource: '*' }) } }, unknown: { 'aws_efs_file_system_policy.p': ['policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_efs_file_system_policy.p': { file_system_id: 'fs-1234', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'elasticfilesystem:ClientMount', Resource: '*' }) } } },
    ],
  },
};
