import type { ResourceRule } from '../../engine/types';
import { readPolicy } from '../../model/iam';
import { judgePolicy, policyJson, resourcePolicyJudge } from './_shared';

export const sqsPolicyNotPublic: ResourceRule = {
  id: 'ACC-24b',
  control: 'ACC-24',
  title: 'SQS queue policies are not public: no unrestricted Principal "*" and no all-actions grants',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public queue policy lets anyone read or send messages' },
  resourceTypes: ['aws_sqs_queue_policy'],
  scope: 'resource',
  rationale: 'A resource policy that allows Principal "*" without aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or a VPC endpoint condition lets any AWS account use the SQS queue — read or inject messages or images that may carry PHI.',
  remediation: 'Name the principals (accounts, roles, service principals with aws:SourceArn) in the policy, or add a restricting condition.',
  anchors: { checkov: ['CKV_AWS_168', 'CKV_AWS_387', 'CKV_AWS_72'] },
  check(res, ctx) {
    return judgePolicy(readPolicy(ctx.graph, res, 'policy'), 'policy', resourcePolicyJudge, 'no statement allows an unrestricted public principal', ['Action', 'Principal']);
  },
  examples: {
    pass: [
      {
        description: 'passes when "*" is restricted by aws:SourceArn',
        resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::phi-in' } } }) } },
      },
      { description: 'passes when one account is the principal with a listed action', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      { description: 'fails when AWS "*" is allowed all actions', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
      { description: 'fails when a named account is allowed all actions of the service', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*', Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_sqs_queue_policy.p': { queue_url: 'x', policy: '{}' } }, unknown: { 'aws_sqs_queue_policy.p': ['policy'] } }],
  },
};
