import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

/** Types whose policy attribute sits on the protected resource itself (optional there). */
const INLINE = new Set(['aws_secretsmanager_secret']);
const judge = publicPrincipalJudge();

export const secretsmanagerPolicyNotPublic: ResourceRule = {
  id: 'ACC-24d',
  control: 'ACC-24',
  title: 'Secrets Manager secret policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public secret policy lets anyone read the credentials that open ePHI' },
  resourceTypes: ['aws_secretsmanager_secret_policy', 'aws_secretsmanager_secret'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account read the secret, a credential that can open PHI stores: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', judge, INLINE.has(res.type));
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when the principal is a role of that name in any account (arn:aws:iam::*:role/…)', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:role/app' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
      { description: 'fails when the policy of aws_secretsmanager_secret allows "*" with no condition', resources: { 'aws_secretsmanager_secret.p': { name: 'db', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } }, unknown: { 'aws_secretsmanager_secret_policy.p': ['policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_secretsmanager_secret_policy.p': { secret_arn: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) } } },
    ],
  },
};
