import type { ResourceRule } from '../../engine/types';
import { expectBoolCfg } from './_shared';

export const kmsKeyEnabled: ResourceRule = {
  id: 'ENC-02d',
  control: 'ENC-02',
  title: 'KMS keys are enabled',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key'],
  scope: 'resource',
  rationale:
    'A disabled key cannot decrypt: every store encrypted under it becomes unavailable, which is a contingency-plan event (164.308(a)(7)) rather than an encryption control. Keys are disabled on purpose only in an incident, not in code.',
  remediation: 'Remove is_enabled = false (the default is true) or set it to true, or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { checkov: ['CKV_AWS_227'] },
  check(key) {
    return expectBoolCfg(key, 'is_enabled', true, true, 'the key cannot encrypt or decrypt, so the data under it is unavailable');
  },
  examples: {
    pass: [
      { description: 'passes for a replica key that does not disable itself', resources: { 'aws_kms_replica_key.r': { primary_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/mrk-1' } } },
      { description: 'passes when is_enabled is not set (default true)', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } },
      { description: 'passes with is_enabled = true', resources: { 'aws_kms_key.k': { is_enabled: true } } },
    ],
    fail: [{ description: 'fails when is_enabled is false', resources: { 'aws_kms_key.k': { is_enabled: false } } }],
    unknown: [{ description: 'is unknown when is_enabled is known only after apply', resources: { 'aws_kms_key.k': { is_enabled: true } }, unknown: { 'aws_kms_key.k': ['is_enabled'] } }],
  },
};
