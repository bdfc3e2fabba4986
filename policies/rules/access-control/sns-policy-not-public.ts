import type { ResourceRule } from '../../engine/types';
import { policyJson, resourcePolicyJudge, resourcePolicyVerdict } from './_shared';

export const snsPolicyNotPublic: ResourceRule = {
  id: 'ACC-24a',
  control: 'ACC-24',
  title: 'SNS topic policies are not public: no unrestricted Principal "*" and no all-actions grants',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public topic policy lets anyone publish or subscribe' },
  resourceTypes: ['aws_sns_topic_policy', 'aws_sns_topic'],
  scope: 'resource',
  rationale: 'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)) and access authorized by the covered entity (164.308(a)(4)(ii)(B)); a SNS topic policy that allows Principal "*" without aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or a VPC endpoint condition lets any AWS account read or inject messages that may carry PHI, which no access authorization can justify. Refusing all-actions grants ("*", "sns:*") even to named principals is phikit\'s least-privilege recommendation, not a HIPAA requirement.',
  remediation: 'Name the principals (accounts, roles, service principals with aws:SourceArn) in the policy, or add a restricting condition.',
  anchors: { checkov: ['CKV_AWS_169'] },
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', resourcePolicyJudge, res.type === 'aws_sns_topic');
  },
  examples: {
    pass: [
      { description: 'passes when the inline policy of the aws_sns_topic names one account', resources: { 'aws_sns_topic.t': { name: 't', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
      {
        description: 'passes when "*" is restricted by aws:SourceArn',
        resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::phi-in' } } }) } },
      },
      { description: 'passes when one account is the principal with a listed action', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
    ],
    fail: [
      { description: 'fails when the inline policy of the aws_sns_topic grants SNS:* to AWS "*"', resources: { 'aws_sns_topic.t': { name: 't', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:*', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
      { description: 'fails when the principal is a role of that name in any account (arn:aws:iam::*:role/…)', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:role/sns' }, Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
      { description: 'fails when AWS "*" is allowed all actions', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
      { description: 'fails when a named account is allowed all actions of the service', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sns:*', Resource: 'arn:aws:sns:us-east-1:111122223333:t' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_sns_topic_policy.p': { arn: 'x', policy: '{}' } }, unknown: { 'aws_sns_topic_policy.p': ['policy'] } }],
  },
};
