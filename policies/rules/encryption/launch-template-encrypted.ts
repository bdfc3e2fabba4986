import { blocks } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown, Value } from '../../model/values';
import { combine, notApplicable, unknown } from '../helpers';
import { ENC, ebsDeviceVerdict } from './_shared';

export const launchTemplateEncrypted: ResourceRule = {
  id: 'ENC-06c',
  control: 'ENC-06',
  title: 'Launch-template EBS block device mappings are encrypted with a customer-managed key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_launch_template'],
  scope: 'resource',
  rationale:
    'Every instance an Auto Scaling group starts gets the volumes its launch template describes; an unencrypted mapping creates unencrypted PHI volumes at every scale-out.',
  remediation: 'Set ebs { encrypted = "true", kms_key_id = <CMK ARN> } in every block_device_mappings of the launch template, or declare EBS encryption by default with a CMK default key (ENC-07).',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['encrypted-volumes'] },
  check(lt, ctx) {
    const maps = blocks(lt, 'block_device_mappings');
    const ebsMaps: Array<[string, Unknown | Record<string, Value>]> = maps.flatMap((m, i): Array<[string, Unknown | Record<string, Value>]> => (m instanceof Unknown ? [[`block_device_mappings[${i}]`, m]] : blocks(m, 'ebs').map((e): [string, Unknown | Record<string, Value>] => [`block_device_mappings[${i}].ebs`, e])));
    if (!ebsMaps.length) return notApplicable('no EBS block device mappings (volumes come from the AMI; ENC-07 covers the account default)');
    const verdicts: Verdict[] = ebsMaps.map(([name, e]) => (e instanceof Unknown ? unknown(`${name} is known only after apply`) : ebsDeviceVerdict(ctx, lt, e, name)));
    return combine(verdicts, 'every EBS mapping is encrypted with a customer-managed key');
  },
  examples: {
    pass: [{ description: 'passes when the EBS mapping is encrypted with a CMK', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } } }],
    fail: [
      { description: 'fails when the EBS mapping does not set encrypted', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20 }] }] } } },
      { description: 'fails when the EBS mapping is encrypted without a kms_key_id', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] } } },
    ],
    unknown: [{ description: 'is unknown when ebs.encrypted is known only after apply', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } }, unknown: { 'aws_launch_template.t': ['block_device_mappings.ebs.encrypted'] } }],
  },
};
