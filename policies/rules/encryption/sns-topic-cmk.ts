import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const snsTopicCmk: ResourceRule = {
  id: 'ENC-10a',
  control: 'ENC-10',
  title: 'SNS topics are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_sns_topic'],
  scope: 'resource',
  rationale:
    'Notifications carry appointment, result and alert payloads with PHI and sit in SNS until delivered. Without kms_master_key_id they are stored unencrypted; the AWS-managed alias/aws/sns key cannot be restricted by policy.',
  remediation: 'Set kms_master_key_id on the aws_sns_topic to a customer-managed key whose policy allows the publishing services.',
  anchors: { cdkNag: ['HIPAA.Security-SNSEncryptedKMS'], awsConfig: ['sns-encrypted-kms'], checkov: ['CKV_AWS_26'] },
  check(topic, ctx) {
    return expectCmkCfg(ctx, topic, 'kms_master_key_id', 'messages are not encrypted with a customer-managed key');
  },
  examples: {
    pass: [
      { description: 'passes with a customer alias name', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/phi-notify' } } },
      { description: 'passes when kms_master_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: '${aws_kms_key.k.id}' } }, target: 'aws_sns_topic.t' }],
    fail: [
      { description: 'fails when kms_master_key_id is not set', resources: { 'aws_sns_topic.t': { name: 'alerts' } } },
      { description: 'fails when kms_master_key_id is alias/aws/sns', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/aws/sns' } } },
    ],
  },
};
