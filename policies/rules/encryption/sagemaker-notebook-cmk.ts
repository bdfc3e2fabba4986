import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const sagemakerNotebookCmk: ResourceRule = {
  id: 'ENC-15b',
  control: 'ENC-15',
  title: 'SageMaker notebook instances encrypt their storage with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_sagemaker_notebook_instance'],
  scope: 'resource',
  rationale: 'Notebook volumes hold the extracts data scientists pull from clinical stores. Without kms_key_id the ML storage volume uses an AWS-managed key outside the covered entity’s key policy.',
  remediation: 'Set kms_key_id on the aws_sagemaker_notebook_instance to a customer-managed key.',
  anchors: {
    cdkNag: ['HIPAA.Security-SageMakerNotebookInstanceKMSKeyConfigured'],
    awsConfig: ['sagemaker-notebook-instance-kms-key-configured'],
    checkov: ['CKV_AWS_22', 'CKV_AWS_187'],
  },
  check(nb, ctx) {
    return expectCmkCfg(ctx, nb, 'kms_key_id', 'the notebook volume is not encrypted with a customer-managed key');
  },
  examples: {
    pass: [{ description: 'passes when kms_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sagemaker_notebook_instance.n': { name: 'nb', role_arn: 'arn:aws:iam::111122223333:role/sm', instance_type: 'ml.t3.medium', kms_key_id: '${aws_kms_key.k.id}' } }, target: 'aws_sagemaker_notebook_instance.n' }],
    fail: [
      { description: 'fails when kms_key_id is an AWS-managed alias', resources: { 'aws_sagemaker_notebook_instance.n': { name: 'nb', role_arn: 'arn:aws:iam::111122223333:role/sm', instance_type: 'ml.t3.medium', kms_key_id: 'alias/aws/sagemaker' } } },
      { description: 'fails when kms_key_id is not set', resources: { 'aws_sagemaker_notebook_instance.n': { name: 'nb', role_arn: 'arn:aws:iam::111122223333:role/sm', instance_type: 'ml.t3.medium' } } }],
  },
};
