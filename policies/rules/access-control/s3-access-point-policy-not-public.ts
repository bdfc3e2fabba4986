import type { ResourceRule } from '../../engine/types';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

/** Types whose policy attribute sits on the protected resource itself (optional there). */
const INLINE = new Set(['aws_s3_access_point']);
const judge = publicPrincipalJudge();

export const s3AccessPointPolicyNotPublic: ResourceRule = {
  id: 'ACC-24n',
  control: 'ACC-24',
  title: 'S3 access point policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public access point policy lets anyone read or write the objects behind it' },
  severity: 'critical',
  resourceTypes: ['aws_s3control_access_point_policy', 'aws_s3_access_point'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account read or write the objects of the bucket behind the access point, which may be PHI: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', judge, INLINE.has(res.type));
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } } },
      { description: 'fails when the policy of aws_s3_access_point allows "*" with no condition', resources: { 'aws_s3_access_point.p': { bucket: 'phi', name: 'phi', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } }, unknown: { 'aws_s3control_access_point_policy.p': ['policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_s3control_access_point_policy.p': { access_point_arn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:accesspoint/phi/object/*' }) } } },
    ],
  },
};
