import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { ENC, expectCmkCfg } from './_shared';

export const lambdaEnvironmentCmk: ResourceRule = {
  id: 'ENC-15f',
  control: 'ENC-15',
  title: 'Lambda functions with environment variables encrypt them with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'Lambda always encrypts environment variables (aws/lambda by default); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'Environment variables carry connection strings and endpoints for PHI stores. Without kms_key_arn they are encrypted with the AWS-managed aws/lambda key, readable by anyone allowed lambda:GetFunctionConfiguration.',
  remediation: 'Set kms_key_arn on the aws_lambda_function to a customer-managed key (and keep secrets in Secrets Manager).',
  anchors: { checkov: ['CKV_AWS_173'] },
  check(fn, ctx) {
    if (!isSet(attr(fn, 'environment.variables'))) return notApplicable('the function has no environment variables');
    return expectCmkCfg(ctx, fn, 'kms_key_arn', 'environment variables use the AWS-managed aws/lambda key');
  },
  examples: {
    pass: [
      { description: 'passes when kms_key_arn refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_lambda_function.f': { function_name: 'f', role: 'arn:aws:iam::111122223333:role/r', environment: [{ variables: { TABLE: 'phi' } }], kms_key_arn: '${aws_kms_key.k.arn}' } }, target: 'aws_lambda_function.f' },
      { description: 'passes when a function with variables sets kms_key_arn', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:aws:iam::111122223333:role/r', environment: [{ variables: { TABLE: 'phi' } }], kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' } } }],
    fail: [
      { description: 'fails when kms_key_arn is the alias/aws/lambda key', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:aws:iam::111122223333:role/r', environment: [{ variables: { TABLE: 'phi' } }], kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:alias/aws/lambda' } } },
      { description: 'fails when a function with variables has no kms_key_arn', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:aws:iam::111122223333:role/r', environment: [{ variables: { TABLE: 'phi' } }] } } }],
  },
};
