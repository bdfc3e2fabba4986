import type { ResourceRule } from '../../engine/types';
import { judgeAll, notApplicable } from '../helpers';
import { ENC } from './_shared';
import { launchTemplateVerdicts } from './launch-template-encrypted';

export const launchTemplateCmk: ResourceRule = {
  id: 'ENC-06f',
  control: 'ENC-06',
  title: 'Encrypted launch-template EBS mappings use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor (AWS Config encrypted-volumes) accepts the AWS-managed aws/ebs key (ENC-06c); a customer-managed key, whose policy decides who may decrypt, is phikit hardening.' },
  resourceTypes: ['aws_launch_template'],
  scope: 'resource',
  rationale:
    'Every instance an Auto Scaling group starts gets the volumes its launch template describes; with the AWS-managed aws/ebs key any principal in the account allowed to use EBS can read their snapshots, while a customer-managed key keeps decryption under a key policy.',
  remediation: 'Set ebs { kms_key_id = <CMK ARN> } in every block_device_mappings of the launch template, or declare aws_ebs_default_kms_key with a CMK.',
  construct: 'AccountBaseline',
  check(lt, ctx) {
    const verdicts = launchTemplateVerdicts(ctx, lt, 'cmk');
    if (!verdicts) return notApplicable('no EBS block device mappings');
    if (verdicts.every((v) => v.status === 'not_applicable')) return notApplicable('no EBS mapping is encrypted; ENC-06c reports that');
    return judgeAll(verdicts, 'every encrypted EBS mapping uses a customer-managed key');
  },
  examples: {
    pass: [{ description: 'passes when the EBS mapping uses a CMK', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } } }],
    fail: [{ description: 'fails when the EBS mapping is encrypted without a kms_key_id', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true' }] }] } } }],
    unknown: [{ description: 'is unknown when the EBS mapping is known only after apply', resources: { 'aws_launch_template.t': { name: 'app', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] } }, unknown: { 'aws_launch_template.t': ['block_device_mappings.ebs'] } }],
  },
};
