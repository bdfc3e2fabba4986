import { attr, num, str } from '../../model/attrs';
import { THRESHOLDS } from '../thresholds';
import type { ResourceRule } from '../../engine/types';
import { combine, ev, expectBool, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

export const kmsKeyRotation: ResourceRule = {
  id: 'ENC-02',
  control: 'ENC-02',
  title: 'Customer-managed symmetric KMS keys rotate automatically at least yearly',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'The Security Rule asks for encryption, not a key-rotation period; no anchor checks rotation.' },
  resourceTypes: ['aws_kms_key'],
  scope: 'resource',
  rationale:
    'Rotating key material limits how much PHI any one key version protects and is what auditors expect of an encryption-and-decryption mechanism (164.312(a)(2)(iv)). AWS rotates a CMK only when enable_key_rotation is true; it is false by default.',
  remediation: 'Set enable_key_rotation = true (and rotation_period_in_days ≤ 365) on the aws_kms_key, or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { checkov: ['CKV_AWS_7'] },
  check(key) {
    const spec = str(attr(key, 'customer_master_key_spec')) ?? str(attr(key, 'key_spec')) ?? 'SYMMETRIC_DEFAULT';
    if (spec !== 'SYMMETRIC_DEFAULT') return notApplicable(`asymmetric/HMAC key (${spec}) cannot rotate automatically`);
    const rotation = expectBool(key, 'enable_key_rotation', true, false, 'key material never rotates');
    const periodAttr = attr(key, 'rotation_period_in_days');
    const period = num(periodAttr);
    const periodVerdict =
      periodAttr.state === 'unknown'
        ? unknown(unknownMessage('rotation_period_in_days'), ev('rotation_period_in_days', periodAttr))
        : period !== undefined && period > THRESHOLDS.kmsRotationMaxDays
          ? fail(`rotation_period_in_days is ${period}, more than ${THRESHOLDS.kmsRotationMaxDays}`, ev('rotation_period_in_days', periodAttr))
          : pass('rotation period is at most 365 days');
    return combine([rotation, periodVerdict], 'automatic rotation is on, at most every 365 days');
  },
  examples: {
    pass: [
      { description: 'passes with enable_key_rotation = true', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } },
      { description: 'passes with rotation every 180 days', resources: { 'aws_kms_key.k': { enable_key_rotation: true, rotation_period_in_days: 180 } } },
    ],
    fail: [
      { description: 'fails when enable_key_rotation is not set (provider default false)', resources: { 'aws_kms_key.k': { description: 'phi' } } },
      { description: 'fails when enable_key_rotation is false', resources: { 'aws_kms_key.k': { enable_key_rotation: false } } },
      { description: 'fails when the rotation period exceeds 365 days', resources: { 'aws_kms_key.k': { enable_key_rotation: true, rotation_period_in_days: 730 } } },
    ],
    unknown: [
      {
        description: 'is unknown when enable_key_rotation comes from a value known only after apply',
        resources: { 'aws_kms_key.k': { enable_key_rotation: true } },
        unknown: { 'aws_kms_key.k': ['enable_key_rotation'] },
      },
    ],
  },
};
