import type { ResourceRule } from '../../engine/types';
import { ENC, ebsDeviceVerdict } from './_shared';

export const ebsVolumeEncrypted: ResourceRule = {
  id: 'ENC-06a',
  control: 'ENC-06',
  title: 'EBS volumes are encrypted at rest',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_ebs_volume'],
  scope: 'resource',
  rationale:
    'EBS volumes hold databases, file shares and application caches with PHI, and every snapshot inherits the volume’s encryption. encrypted is false by default unless the account turns on EBS encryption by default (ENC-07a). Encryption at rest is what the HIPAA anchors ask (AWS Config encrypted-volumes accepts the AWS-managed aws/ebs key); a customer-managed key is ENC-06d.',
  remediation: 'Set encrypted = true (and kms_key_id to a customer-managed key, ENC-06d), or declare aws_ebs_encryption_by_default in the same configuration.',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['encrypted-volumes'], checkov: ['CKV_AWS_3', 'CKV_AWS_189', 'CKV2_AWS_2'] },
  check(vol, ctx) {
    return ebsDeviceVerdict(ctx, vol, vol, vol.address, 'encrypted', 'kms_key_id', 'encrypted');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_ebs_volume.v' },
      { description: 'passes when encrypted = true with the AWS-managed aws/ebs key (the key is ENC-06d)', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: true } }, target: 'aws_ebs_volume.v' },
      {
        description: 'passes when encryption by default with a CMK default key is declared',
        resources: { 'aws_ebs_encryption_by_default.d': { enabled: true }, 'aws_ebs_default_kms_key.k': { key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }, 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10 } },
        target: 'aws_ebs_volume.v',
      },
    ],
    fail: [
      { description: 'fails when encrypted is not set (provider default false)', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10 } } },
      { description: 'fails when encrypted is false', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: false } } },
    ],
    unknown: [{ description: 'is unknown when encrypted is known only after apply', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 10, encrypted: true } }, unknown: { 'aws_ebs_volume.v': ['encrypted'] } }],
  },
};
