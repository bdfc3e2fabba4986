import { blocks } from '../../model/attrs';
import type { CheckContext, ResourceRule, Verdict } from '../../engine/types';
import { Unknown, Value } from '../../model/values';
import type { Resource } from '../../model/types';
import { judgeAll, notApplicable, unknown } from '../helpers';
import { ENC, ebsDeviceVerdict } from './_shared';

/** One verdict per EBS mapping of a launch template (`part` as in ebsDeviceVerdict); undefined when it has none. */
export function launchTemplateVerdicts(ctx: CheckContext, lt: Resource, part: 'encrypted' | 'cmk'): Verdict[] | undefined {
  const maps = blocks(lt, 'block_device_mappings');
  const ebsMaps: Array<[string, Unknown | Record<string, Value>]> = maps.flatMap((m, i): Array<[string, Unknown | Record<string, Value>]> => (m instanceof Unknown ? [[`block_device_mappings[${i}]`, m]] : blocks(m, 'ebs').map((e): [string, Unknown | Record<string, Value>] => [`block_device_mappings[${i}].ebs`, e])));
  if (!ebsMaps.length) return undefined;
  return ebsMaps.map(([name, e]) => (e instanceof Unknown ? unknown(`${name} is known only after apply`) : ebsDeviceVerdict(ctx, lt, e, name, 'encrypted', 'kms_key_id', part)));
}

export const launchTemplateEncrypted: ResourceRule = {
  id: 'ENC-06c',
  control: 'ENC-06',
  title: 'Launch-template EBS block device mappings are encrypted at rest',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_launch_template'],
  scope: 'resource',
  rationale:
    'Every instance an Auto Scaling group starts gets the volumes its launch template describes; an unencrypted mapping creates unencrypted PHI volumes at every scale-out.',
  remediation: 'Set ebs { encrypted = "true" } in every block_device_mappings of the launch template (with kms_key_id set to a customer-managed key, recommended: ENC-06f), or declare EBS encryption by default (ENC-07).',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['encrypted-volumes'] },
  check(lt, ctx) {
    const verdicts = launchTemplateVerdicts(ctx, lt, 'encrypted');
    return verdicts ? judgeAll(verdicts, 'every EBS mapping is encrypted at rest') : notApplicable('no EBS block device mappings (volumes come from the AMI; ENC-07 covers the account default)');
  },
  examples: {
    pass: [
      { description: 'passes when the EBS mapping is encrypted with the AWS-managed aws/ebs key (ENC-06f recommends a CMK)', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] } } },
      { description: 'passes when the EBS mapping is encrypted with a CMK', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } } },
    ],
    fail: [
      { description: 'fails when the EBS mapping does not set encrypted', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 20 }] }] } } },
      { description: 'fails when the EBS mapping sets encrypted = "false"', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'false', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } } },
    ],
    unknown: [{ description: 'is unknown when ebs.encrypted is known only after apply', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } }, unknown: { 'aws_launch_template.t': ['block_device_mappings.ebs.encrypted'] } }],
  },
};
