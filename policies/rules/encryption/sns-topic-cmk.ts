import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';

export const snsTopicCmk: ResourceRule = {
  id: 'ENC-10d',
  control: 'ENC-10',
  title: 'SNS topics are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchors (cdk-nag HIPAA.Security-SNSEncryptedKMS, AWS Config sns-encrypted-kms) accept the AWS-managed alias/aws/sns key (ENC-10a); a customer-managed key, whose policy decides who may decrypt, is phikit hardening.' },
  resourceTypes: ['aws_sns_topic'],
  scope: 'resource',
  rationale:
    'The AWS-managed alias/aws/sns key cannot be restricted by policy: anyone in the account allowed to use SNS can read what it protects. A customer-managed key makes every subscriber and publisher need kms:Decrypt / kms:GenerateDataKey, granted per role, and can be disabled to cut off access.',
  remediation: 'Set kms_master_key_id on the aws_sns_topic to a customer-managed key whose policy allows the publishing services.',
  anchors: { checkov: ['CKV_AWS_26'] },
  check(topic, ctx) {
    return expectCmkCfg(ctx, topic, 'kms_master_key_id', 'messages are not encrypted with a customer-managed key');
  },
  examples: {
    pass: [
      { description: 'passes with a customer alias name', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/phi-notify' } } },
      { description: 'passes when kms_master_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: '${aws_kms_key.k.id}' } }, target: 'aws_sns_topic.t' },
    ],
    fail: [
      { description: 'fails when kms_master_key_id is not set', resources: { 'aws_sns_topic.t': { name: 'alerts' } } },
      { description: 'fails when kms_master_key_id is alias/aws/sns', resources: { 'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/aws/sns' } } },
    ],
  },
};
