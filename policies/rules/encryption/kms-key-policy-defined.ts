import { isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { policyJson } from '../helpers';
import { ev, fail, joined, noneJoined, pass } from '../helpers';
import { cfgAttr } from './_shared';

const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

export const kmsKeyPolicyDefined: ResourceRule = {
  id: 'ENC-03b',
  control: 'ENC-03',
  title: 'Every KMS key has an explicit key policy',
  strategy: 1,
  citations: ['164.312(a)(1)', '164.312(a)(2)(iv)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_kms_key'],
  scope: 'resource',
  rationale:
    'Without a policy AWS attaches the default key policy, which delegates all key use to IAM in the account: any identity policy with kms:* on "*" then decrypts PHI. An explicit policy states who administers and who uses the key, which is what access reviews read.',
  remediation: 'Set policy on the aws_kms_key or declare an aws_kms_key_policy for it, or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { checkov: ['CKV2_AWS_64'] },
  check(key, ctx) {
    const own = cfgAttr(key, 'policy');
    if (isSet(own)) return pass('policy is set on the key', ev('policy', own));
    const attached = joined(ctx, key, 'aws_kms_key_policy', 'key_id');
    if (attached.length) return pass(`key policy declared by ${attached[0].address}`);
    return noneJoined(ctx, key, 'aws_kms_key_policy', 'key_id', fail('policy is not set and no aws_kms_key_policy refers to this key, so the default key policy (all IAM principals in the account) applies', ev('policy', own)));
  },
  examples: {
    pass: [
      { description: 'passes when the key sets policy', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) } } },
      { description: 'passes when an aws_kms_key_policy refers to the key', resources: { 'aws_kms_key.k': { description: 'phi' }, 'aws_kms_key_policy.p': { key_id: '${aws_kms_key.k.id}', policy: policyJson(ROOT) } }, target: 'aws_kms_key.k' },
    ],
    fail: [{ description: 'fails when the key has no policy and no aws_kms_key_policy', resources: { 'aws_kms_key.k': { description: 'phi' } } }],
  },
};
