import type { ResourceRule } from '../../engine/types';

import { ENC, cmkWhenEncrypted } from './_shared';
import { EFS_AT_REST } from './efs-encrypted';

export const efsCmk: ResourceRule = {
  id: 'ENC-08b',
  control: 'ENC-08',
  title: 'Encrypted EFS file systems use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchors (efs-encrypted-check, HIPAA.Security-EFSEncrypted) accept the AWS-managed aws/elasticfilesystem key (ENC-08); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_efs_file_system'],
  scope: 'resource',
  rationale: 'With a customer-managed key, reading the files needs a grant in a key policy the covered entity controls, and every use is in CloudTrail.',
  remediation: 'Set kms_key_id on the aws_efs_file_system to a customer-managed key ARN (fixed at creation: copy the data to a new file system).',
  anchors: { checkov: ['CKV_AWS_184'] },
  check(res, ctx) {
    return cmkWhenEncrypted(ctx, res, EFS_AT_REST, 'ENC-08');
  },
  examples: {
    pass: [
      { description: 'passes with encrypted = true and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_efs_file_system.f': { encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_efs_file_system.f' },
    ],
    fail: [
      { description: 'fails when encrypted is true without kms_key_id', resources: { 'aws_efs_file_system.f': { encrypted: true } } },
    ],
  },
};
