import type { ResourceRule } from '../../engine/types';
import { IDENTITY_POLICY_TYPES, grantedOnAnyResource } from '../../model/iam';
import { notApplicable } from '../helpers';
import { IAM, isOnlyPermissionsBoundary, judgeIdentityPolicies, policyJson } from './_shared';

/**
 * Write and delete actions of the services that hold PHI or guard it. Every one of them supports
 * resource-level permissions, so Resource "*" is never required for them.
 */
export const DATA_WRITE_ACTIONS: readonly string[] = [
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteBucket',
  's3:PutBucketPolicy',
  's3:PutLifecycleConfiguration',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:DeleteTable',
  'rds:DeleteDBInstance',
  'rds:DeleteDBCluster',
  'rds:ModifyDBInstance',
  'kms:ScheduleKeyDeletion',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
  'secretsmanager:PutSecretValue',
  'secretsmanager:DeleteSecret',
  'ssm:PutParameter',
  'ssm:DeleteParameter',
  'sqs:SendMessage',
  'sqs:DeleteQueue',
  'sns:Publish',
  'lambda:UpdateFunctionCode',
  'logs:DeleteLogGroup',
  'kinesis:PutRecord',
  'elasticfilesystem:DeleteFileSystem',
  'backup:DeleteRecoveryPoint',
  'backup:DeleteBackupVault',
  'ecr:PutImage',
];

export const iamNoUnscopedDataWrites: ResourceRule = {
  id: 'ACC-04f',
  control: 'ACC-04',
  title: 'IAM policies scope write and delete actions on data services to resources (no Resource "*" without a condition)',
  strategy: 2,
  citations: IAM,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  rationale:
    'Write and delete actions on S3, DynamoDB, RDS, KMS, Secrets Manager and the like all support resource ARNs; granting them on "*" lets a workload alter or destroy every PHI store in the account instead of its own (integrity, least privilege).',
  remediation: 'Replace Resource "*" with the ARNs of the buckets, tables, keys or secrets the principal owns, or add a condition (aws:ResourceTag/…) that scopes the statement.',
  anchors: { checkov: ['CKV_AWS_290', 'CKV_AWS_355'] },
  check(res, ctx) {
    if (isOnlyPermissionsBoundary(ctx.graph, res)) return notApplicable('used only as a permissions boundary');
    return judgeIdentityPolicies(
      ctx,
      res,
      (s) => {
        if (s.conditions.length) return undefined;
        const got = grantedOnAnyResource(s, DATA_WRITE_ACTIONS);
        return got.length ? `allows write/delete action(s) ${got.slice(0, 4).join(', ')}${got.length > 4 ? ', …' : ''} on Resource "*"` : undefined;
      },
      'write and delete actions are scoped to resources',
    );
  },
  examples: {
    pass: [
      { description: 'passes when s3:PutObject is scoped to one bucket', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::phi/*' }) } } },
      { description: 'passes for read-only describe actions on "*"', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'cloudwatch:PutMetricData'], Resource: '*' }) } } },
    ],
    fail: [
      { description: 'fails when dynamodb:PutItem is allowed on Resource "*"', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: '*' }) } } },
      { description: 'fails when kms:* on "*" includes ScheduleKeyDeletion', resources: { 'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) } } },
    ],
    unknown: [{ description: 'is unknown when the policy is known only after apply', resources: { 'aws_iam_policy.p': { name: 'p', policy: '{}' } }, unknown: { 'aws_iam_policy.p': ['policy'] } }],
  },
};
