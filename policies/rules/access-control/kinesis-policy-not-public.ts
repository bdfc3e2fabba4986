import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

const judge = publicPrincipalJudge();

export const kinesisPolicyNotPublic: ResourceRule = {
  id: 'ACC-24m',
  control: 'ACC-24',
  title: 'Kinesis data stream resource policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: 164.312(a)(1) access control: a public stream policy lets anyone read or put the records' },
  resourceTypes: ['aws_kinesis_resource_policy'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account read or put the records of the stream, which may be PHI: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', judge, false);
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi' }) } }, unknown: { 'aws_kinesis_resource_policy.p': ['policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_kinesis_resource_policy.p': { resource_arn: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'kinesis:GetRecords', Resource: 'arn:aws:kinesis:us-east-1:111122223333:stream/phi' }) } } },
    ],
  },
};
