import { blocks } from '../../model/attrs';
import type { CheckContext, ResourceRule, Verdict } from '../../engine/types';
import { Unknown, Value, isComputedOnly } from '../../model/values';
import type { Resource } from '../../model/types';
import { judgeAll, unknown } from '../helpers';
import { ENC, ebsAccountDefault, ebsDeviceVerdict } from './_shared';

/**
 * One verdict per block device of an instance or launch configuration (`part` as in
 * ebsDeviceVerdict); a root device the configuration leaves out counts as unencrypted unless the
 * account encrypts EBS by default.
 */
export function instanceDeviceVerdicts(ctx: CheckContext, res: Resource, part: 'encrypted' | 'cmk'): Verdict[] {
  const configured = (b: Unknown | Record<string, Value>) => !isComputedOnly(b);
  const devices = [...blocks(res, 'root_block_device').filter(configured).map((b) => ['root_block_device', b] as const), ...blocks(res, 'ebs_block_device').filter(configured).map((b, i) => [`ebs_block_device[${i}]`, b] as const)];
  if (!devices.some(([n]) => n === 'root_block_device')) {
    const dflt = ebsAccountDefault(ctx, res);
    if (!dflt.enabled) devices.unshift(['root_block_device', {}] as const);
  }
  return devices.map(([name, b]) => (b instanceof Unknown ? unknown(`${name} is known only after apply`) : ebsDeviceVerdict(ctx, res, b, name, 'encrypted', 'kms_key_id', part)));
}

export const instanceBlockDevicesEncrypted: ResourceRule = {
  id: 'ENC-06b',
  control: 'ENC-06',
  title: 'EC2 instance and launch-configuration block devices are encrypted at rest',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_instance', 'aws_launch_configuration'],
  scope: 'resource',
  rationale:
    'Root and data volumes created with an instance are EBS volumes like any other: they hold PHI written by the application and its logs, and are unencrypted unless encrypted is set or the account encrypts EBS by default.',
  remediation: 'Set encrypted = true on root_block_device and every ebs_block_device (with kms_key_id set to a customer-managed key, recommended: ENC-06e), or declare EBS encryption by default (ENC-07).',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['encrypted-volumes'], checkov: ['CKV_AWS_8'] },
  check(res, ctx) {
    return judgeAll(instanceDeviceVerdicts(ctx, res, 'encrypted'), 'every block device is encrypted at rest');
  },
  examples: {
    pass: [
      { description: 'passes when root and data devices are encrypted with a CMK', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } } },
      { description: 'passes when the root device is encrypted with the AWS-managed aws/ebs key (ENC-06e recommends a CMK)', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true }] } } },
      { description: 'passes when a launch configuration root device is encrypted with a CMK', resources: { 'aws_launch_configuration.l': { image_id: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } } },
    ],
    fail: [
      { description: 'fails when root_block_device is not declared and EBS is not encrypted by default', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' } } },
      { description: 'fails when an ebs_block_device sets encrypted = false', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }], ebs_block_device: [{ device_name: '/dev/sdf', encrypted: false }] } } },
    ],
    unknown: [{ description: 'is unknown when root_block_device.encrypted is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', root_block_device: [{ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_instance.i': ['root_block_device.encrypted'] } }],
  },
};
