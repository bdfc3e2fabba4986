import type { ResourceRule } from '../../engine/types';
import { judgeAll } from '../helpers';
import { ENC } from './_shared';
import { instanceDeviceVerdicts } from './instance-block-devices-encrypted';

export const instanceBlockDevicesCmk: ResourceRule = {
  id: 'ENC-06e',
  control: 'ENC-06',
  title: 'Encrypted EC2 instance and launch-configuration block devices use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor (AWS Config encrypted-volumes) accepts the AWS-managed aws/ebs key (ENC-06b); a customer-managed key, whose policy decides who may decrypt, is phikit hardening.' },
  resourceTypes: ['aws_instance', 'aws_launch_configuration'],
  scope: 'resource',
  rationale:
    "With the AWS-managed aws/ebs key any principal in the account allowed to use EBS can read an instance volume's snapshots; a customer-managed key keeps decryption under a key policy the security team controls.",
  remediation: 'Set kms_key_id to a customer-managed key on root_block_device and every ebs_block_device, or declare aws_ebs_default_kms_key with a CMK beside aws_ebs_encryption_by_default.',
  construct: 'AccountBaseline',
  anchors: { checkov: ['CKV_AWS_8'] },
  check(res, ctx) {
    const verdicts = instanceDeviceVerdicts(ctx, res, 'cmk');
    if (verdicts.every((v) => v.status === 'not_applicable')) return { status: 'not_applicable', message: 'no block device is encrypted; ENC-06b reports that' };
    return judgeAll(verdicts, 'every encrypted block device uses a customer-managed key');
  },
  examples: {
    pass: [{ description: 'passes when root and data devices use a CMK', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } } }],
    fail: [{ description: 'fails when the root device is encrypted without a kms_key_id (aws/ebs key)', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true }] } } }],
    unknown: [{ description: 'is unknown when root_block_device.encrypted is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_instance.i': ['root_block_device'] } }],
  },
};
