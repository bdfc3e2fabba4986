import type { ResourceRule } from '../../engine/types';
import { ENC, expectKmsKeyCfg } from './_shared';

export const snsTopicEncrypted: ResourceRule = {
  id: 'ENC-10a',
  control: 'ENC-10',
  title: 'SNS topics are encrypted at rest with a KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_sns_topic'],
  scope: 'resource',
  rationale:
    'Notifications carry appointment, result and alert payloads with PHI and sit in SNS until delivered. Without kms_master_key_id they are stored unencrypted, which leaves the addressable encryption specification (164.312(a)(2)(iv)) unmet for that copy of the data. Any KMS key meets it, the AWS-managed alias/aws/sns included; ENC-10d recommends a customer-managed key.',
  remediation: 'Set kms_master_key_id on the aws_sns_topic (a customer-managed key whose policy allows the publishing services is recommended, ENC-10d).',
  anchors: { cdkNag: ['HIPAA.Security-SNSEncryptedKMS'], awsConfig: ['sns-encrypted-kms'], checkov: ['CKV_AWS_26'] },
  check(topic, ctx) {
    return expectKmsKeyCfg(ctx, topic, 'kms_master_key_id', 'messages are stored unencrypted');
  },
  examples: {
    pass: [
      { description: 'passes with the AWS-managed alias/aws/sns key', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/aws/sns' } } },
      { description: 'passes when kms_master_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: '${aws_kms_key.k.id}' } }, target: 'aws_sns_topic.t' },
    ],
    fail: [
      { description: 'fails when kms_master_key_id is not set', resources: { 'aws_sns_topic.t': { name: 'alerts' } } },
      { description: 'fails when kms_master_key_id is empty', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: '' } } },
    ],
  },
};
