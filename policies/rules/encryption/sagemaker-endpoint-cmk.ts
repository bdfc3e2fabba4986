import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const sagemakerEndpointCmk: ResourceRule = {
  id: 'ENC-15c',
  control: 'ENC-15',
  title: 'SageMaker endpoint configurations encrypt attached storage with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_sagemaker_endpoint_configuration'],
  scope: 'resource',
  rationale: 'Inference endpoints write request payloads (data capture) and model artifacts to their volumes; kms_key_arn makes that storage use a CMK.',
  remediation: 'Set kms_key_arn on the aws_sagemaker_endpoint_configuration to a customer-managed key.',
  anchors: {
    cdkNag: ['HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured'],
    awsConfig: ['sagemaker-endpoint-configuration-kms-key-configured'],
    checkov: ['CKV_AWS_98'],
  },
  check(cfg, ctx) {
    return expectCmkCfg(ctx, cfg, 'kms_key_arn', 'endpoint storage is not encrypted with a customer-managed key');
  },
  examples: {
    pass: [{ description: 'passes when kms_key_arn is a customer-managed key ARN', resources: { 'aws_sagemaker_endpoint_configuration.e': { name: 'ep', kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc', production_variants: [{ variant_name: 'v', model_name: 'm', instance_type: 'ml.m5.large' }] } } }],
    fail: [
      { description: 'fails when kms_key_arn is an AWS-managed alias', resources: { 'aws_sagemaker_endpoint_configuration.e': { name: 'ep', kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker', production_variants: [{ variant_name: 'v', model_name: 'm', instance_type: 'ml.m5.large' }] } } },
      { description: 'fails when kms_key_arn is not set', resources: { 'aws_sagemaker_endpoint_configuration.e': { name: 'ep', production_variants: [{ variant_name: 'v', model_name: 'm', instance_type: 'ml.m5.large' }] } } }],
  },
};
