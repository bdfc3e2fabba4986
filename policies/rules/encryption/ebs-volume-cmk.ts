import type { ResourceRule } from '../../engine/types';
import { ENC, ebsDeviceVerdict } from './_shared';

export const ebsVolumeCmk: ResourceRule = {
  id: 'ENC-06d',
  control: 'ENC-06',
  title: 'Encrypted EBS volumes use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor (AWS Config encrypted-volumes) accepts the AWS-managed aws/ebs key (ENC-06a); a customer-managed key, whose policy decides who may decrypt, is phikit hardening.' },
  resourceTypes: ['aws_ebs_volume'],
  scope: 'resource',
  rationale:
    'With the AWS-managed aws/ebs key any principal in the account allowed to use EBS can read a volume\'s snapshots; a customer-managed key keeps decryption under a key policy the security team controls, and disabling or scheduling it for deletion cuts off access to every copy.',
  remediation: 'Set kms_key_id to a customer-managed key, or declare aws_ebs_default_kms_key with a CMK beside aws_ebs_encryption_by_default.',
  construct: 'AccountBaseline',
  anchors: { checkov: ['CKV_AWS_189'] },
  check(vol, ctx) {
    return ebsDeviceVerdict(ctx, vol, vol, vol.address, 'encrypted', 'kms_key_id', 'cmk');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_ebs_volume.v' },
      {
        description: 'passes when the account default key is a CMK',
        resources: { 'aws_ebs_encryption_by_default.d': { enabled: true }, 'aws_ebs_default_kms_key.k': { key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }, 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10 } },
        target: 'aws_ebs_volume.v',
      },
    ],
    fail: [{ description: 'fails when encrypted is true but kms_key_id is not set (aws/ebs key)', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: true } } }],
    unknown: [
      {
        description: 'is unknown when the volume sets neither encrypted nor a key and EBS encryption by default is known only after apply',
        resources: { 'aws_ebs_encryption_by_default.d': { enabled: true }, 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10 } },
        unknown: { 'aws_ebs_encryption_by_default.d': ['enabled'] },
        target: 'aws_ebs_volume.v',
      },
    ],
  },
};
