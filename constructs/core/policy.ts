import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';

/**
 * A customer-managed IAM policy attached to a role. phikit never uses inline policies
 * (ACC-05a): managed policies are versioned, reviewable and visible to Access Analyzer.
 */
export function attachPolicy(scope: Construct, id: string, roleName: string, statements: readonly Record<string, unknown>[], description?: string): IamPolicy {
  const policy = new IamPolicy(scope, id, {
    namePrefix: `${id}-`,
    description: description ?? `phikit ${scope.node.path}/${id}`,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
  });
  new IamRolePolicyAttachment(scope, `${id}-attachment`, { role: roleName, policyArn: policy.arn });
  return policy;
}

/** Trust policy for an AWS service principal, limited to this account. */
export function serviceTrust(service: string, accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': accountId } } }],
  });
}
