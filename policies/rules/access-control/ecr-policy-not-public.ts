import type { ResourceRule } from '../../engine/types';
import { readPolicy } from '../../model/iam';
import { judgePolicy, policyJson, resourcePolicyJudge } from './_shared';

export const ecrPolicyNotPublic: ResourceRule = {
  id: 'ACC-24c',
  control: 'ACC-24',
  title: 'ECR repository policies are not public: no unrestricted Principal "*" and no all-actions grants',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public repository policy lets anyone pull or push images' },
  resourceTypes: ['aws_ecr_repository_policy'],
  scope: 'resource',
  rationale: 'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)) and access authorized by the covered entity (164.308(a)(4)(ii)(B)); an ECR repository policy that allows Principal "*" without aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or a VPC endpoint condition lets any AWS account pull or push images that may carry PHI, which no access authorization can justify. Refusing all-actions grants ("*", "ecr:*") even to named principals is phikit\'s least-privilege recommendation, not a HIPAA requirement.',
  remediation: 'Name the principals (accounts, roles, service principals with aws:SourceArn) in the policy, or add a restricting condition.',
  anchors: { checkov: ['CKV_AWS_32'] },
  check(res, ctx) {
    return judgePolicy(readPolicy(ctx.graph, res, 'policy'), 'policy', resourcePolicyJudge, 'no statement allows an unrestricted public principal', ['Action', 'Principal']);
  },
  examples: {
    pass: [
      {
        description: 'passes when "*" is restricted by aws:SourceArn',
        resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::phi-in' } } }) } },
      },
      { description: 'passes when one account is the principal with a listed action', resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:BatchGetImage', Resource: '*' }) } } },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Resource: '*' }) } } },
      { description: 'fails when AWS "*" is allowed all actions', resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*' }) } } },
      { description: 'fails when a named account is allowed all actions of the service', resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'ecr:*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_ecr_repository_policy.p': { repository: 'x', policy: '{}' } }, unknown: { 'aws_ecr_repository_policy.p': ['policy'] } }],
  },
};
