import type { GraphRule, Verdict } from '../../engine/types';
import { fail } from '../helpers';
import { ENC, expectBoolCfg } from './_shared';

export const ebsEncryptionByDefault: GraphRule = {
  id: 'ENC-07a',
  control: 'ENC-07',
  title: 'EBS encryption by default is enabled',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_ebs_encryption_by_default'],
  scope: 'account',
  rationale:
    'Encryption by default is the account-wide backstop: every new volume and snapshot copy in the region is encrypted, including those created by services, consoles and scripts outside this configuration.',
  remediation:
    'Declare aws_ebs_encryption_by_default { enabled = true } (or use the phikit AccountBaseline construct) for each region the stacks use, or include the baseline stack that owns it and waive this rule for application stacks with a reason.',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['ec2-ebs-encryption-by-default'], checkov: ['CKV_AWS_106'] },
  check(ctx) {
    const settings = ctx.graph.ofType('aws_ebs_encryption_by_default');
    if (!settings.length) return [fail('no aws_ebs_encryption_by_default in the inputs; new volumes are unencrypted unless each one opts in')];
    return settings.map((s): Verdict => ({ ...expectBoolCfg(s, 'enabled', true, true, 'new EBS volumes are not encrypted by default'), resource: s }));
  },
  examples: {
    pass: [
      { description: 'passes with enabled = true', resources: { 'aws_ebs_encryption_by_default.d': { enabled: true } } },
      { description: 'passes when enabled is not set (default true)', resources: { 'aws_ebs_encryption_by_default.d': {} } },
    ],
    fail: [
      { description: 'fails when no aws_ebs_encryption_by_default is declared', resources: { 'aws_ebs_volume.v': { availability_zone: 'us-east-1a', size: 1 } } },
      { description: 'fails when enabled is false', resources: { 'aws_ebs_encryption_by_default.d': { enabled: false } } },
    ],
    unknown: [{ description: 'is unknown when enabled is known only after apply', resources: { 'aws_ebs_encryption_by_default.d': { enabled: true } }, unknown: { 'aws_ebs_encryption_by_default.d': ['enabled'] } }],
  },
};
