import type { GraphRule, Verdict } from '../../engine/types';
import { fail } from '../helpers';
import { ENC, expectCmkCfg } from './_shared';

export const ebsDefaultKmsKey: GraphRule = {
  id: 'ENC-07b',
  control: 'ENC-07',
  title: 'EBS encryption by default uses a customer-managed default key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor ec2-ebs-encryption-by-default asks that EBS encryption by default is on (ENC-07a); a customer-managed default key is phikit hardening.' },
  resourceTypes: ['aws_ebs_default_kms_key', 'aws_ebs_encryption_by_default'],
  scope: 'account',
  rationale:
    'Without aws_ebs_default_kms_key, volumes encrypted by default use the AWS-managed aws/ebs key, whose policy cannot be restricted and which cannot be shared across accounts for backup copies.',
  remediation: 'Declare aws_ebs_default_kms_key with key_arn set to a customer-managed key next to aws_ebs_encryption_by_default, or use the phikit AccountBaseline construct.',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['ec2-ebs-encryption-by-default'] },
  check(ctx) {
    const keys = ctx.graph.ofType('aws_ebs_default_kms_key');
    if (!keys.length) {
      const dflt = ctx.graph.ofType('aws_ebs_encryption_by_default');
      return dflt.length ? [fail('aws_ebs_encryption_by_default is declared without an aws_ebs_default_kms_key, so default encryption uses the AWS-managed aws/ebs key', undefined, dflt[0])] : [];
    }
    return keys.map((k): Verdict => ({ ...expectCmkCfg(ctx, k, 'key_arn', 'default encryption uses an AWS-managed key'), resource: k }));
  },
  examples: {
    pass: [{ description: 'passes when the default key is a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_ebs_encryption_by_default.d': { enabled: true }, 'aws_ebs_default_kms_key.k': { key_arn: '${aws_kms_key.k.arn}' } } }],
    fail: [
      { description: 'fails when encryption by default has no aws_ebs_default_kms_key', resources: { 'aws_ebs_encryption_by_default.d': { enabled: true } } },
      { description: 'fails when the default key is alias/aws/ebs', resources: { 'aws_ebs_default_kms_key.k': { key_arn: 'arn:aws:kms:us-east-1:111122223333:alias/aws/ebs' } } },
    ],
  },
};
