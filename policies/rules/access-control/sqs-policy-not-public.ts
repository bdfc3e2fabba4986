import type { ResourceRule } from '../../engine/types';
import { policyJson, resourcePolicyJudge, resourcePolicyVerdict } from './_shared';

export const sqsPolicyNotPublic: ResourceRule = {
  id: 'ACC-24b',
  control: 'ACC-24',
  title: 'SQS queue policies are not public: no unrestricted Principal "*" and no all-actions grants',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public queue policy lets anyone read or send messages' },
  resourceTypes: ['aws_sqs_queue_policy', 'aws_sqs_queue'],
  scope: 'resource',
  rationale: 'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)) and access authorized by the covered entity (164.308(a)(4)(ii)(B)); a SQS queue policy that allows Principal "*" without aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or a VPC endpoint condition lets any AWS account read or inject messages that may carry PHI, which no access authorization can justify. Refusing all-actions grants ("*", "sqs:*") even to named principals is phikit\'s least-privilege recommendation, not a HIPAA requirement.',
  remediation: 'Name the principals (accounts, roles, service principals with aws:SourceArn) in the policy, or add a restricting condition.',
  anchors: { checkov: ['CKV_AWS_168', 'CKV_AWS_387', 'CKV_AWS_72'] },
  check(res, ctx) {
    return resourcePolicyVerdict(ctx, res, 'policy', resourcePolicyJudge, res.type === 'aws_sqs_queue');
  },
  examples: {
    pass: [
      { description: 'passes when the inline policy of the aws_sqs_queue names one account', resources: { 'aws_sqs_queue.t': { name: 't', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      {
        description: 'passes when "*" is restricted by aws:SourceArn',
        resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::phi-in' } } }) } },
      },
      { description: 'passes when one account is the principal with a listed action', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
    ],
    fail: [
      { description: 'fails when the inline policy of the aws_sqs_queue grants sqs:* to AWS "*"', resources: { 'aws_sqs_queue.t': { name: 't', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      { description: 'fails when AWS "*" is allowed all actions', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      { description: 'fails when a named account is allowed all actions of the service', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: '{}' } }, unknown: { 'aws_sqs_queue_policy.p': ['policy'] } }],
  },
};
