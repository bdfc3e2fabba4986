import type { ResourceRule } from '../../engine/types';
import { ev, pass } from '../helpers';
import { attr } from '../../model/attrs';
import { PUB, boolCases, computedOnly, expectBoolC } from './_shared';

export const launchConfigNoPublicIp: ResourceRule = {
  id: 'ACC-16c',
  control: 'ACC-16',
  title: 'Auto Scaling launch configurations do not assign public IP addresses',
  strategy: 2,
  citations: [...PUB, '164.308(a)(3)(ii)(B)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_launch_configuration'],
  scope: 'resource',
  rationale: 'Every instance an Auto Scaling group launches from this configuration would be internet-addressable.',
  remediation: 'Set associate_public_ip_address = false (or move to a launch template without public IPs).',
  anchors: { cdkNag: ['HIPAA.Security-AutoScalingLaunchConfigPublicIpDisabled'], awsConfig: ['autoscaling-launch-config-public-ip-disabled'], checkov: ['CKV_AWS_389'] },
  check(lc) {
    const a = attr(lc, 'associate_public_ip_address');
    if (a.state === 'absent' || computedOnly(a)) return pass('associate_public_ip_address is not set; the subnet setting applies (see ACC-16d)', ev('associate_public_ip_address', a));
    return expectBoolC(lc, 'associate_public_ip_address', false, false, 'launched instances get public IPs');
  },
  examples: boolCases('aws_launch_configuration.l', 'associate_public_ip_address', { image_id: 'ami-1', instance_type: 't3.micro' }, false, ''),
};
