import { str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, judgeAll, unknown, unknownMessage } from '../helpers';
import { ENC, expectCmkCfg, cfgAttr } from './_shared';

const TYPE = 'encryption_configuration.encryption_type';

export const ecrRepositoryCmk: ResourceRule = {
  id: 'ENC-15e',
  control: 'ENC-15',
  title: 'ECR repositories encrypt images with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'ECR always encrypts images (AES256 by default); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_ecr_repository'],
  scope: 'resource',
  rationale: 'Images for PHI workloads can embed reference data, test fixtures and configuration. ECR defaults to AES256; KMS with a CMK puts image pulls behind the key policy.',
  remediation: 'Set encryption_configuration { encryption_type = "KMS", kms_key = <CMK ARN> } on the aws_ecr_repository (set at creation).',
  anchors: { checkov: ['CKV_AWS_136'] },
  check(repo, ctx) {
    const t = cfgAttr(repo, TYPE);
    // Whatever the type turns out to be, a key that is not a CMK fails: KMS with it, or AES256.
    if (t.state === 'unknown' || t.state === 'sensitive') return judgeAll([unknown(unknownMessage(TYPE), ev(TYPE, t)), expectCmkCfg(ctx, repo, 'encryption_configuration.kms_key', 'the repository uses the AWS-managed aws/ecr key')], '');
    const type = str(t) ?? 'AES256';
    if (!/^KMS/i.test(type)) return fail(`${TYPE} is ${type}${t.state === 'absent' ? ' (provider default)' : ''}, not KMS`, ev(TYPE, t));
    return expectCmkCfg(ctx, repo, 'encryption_configuration.kms_key', 'the repository uses the AWS-managed aws/ecr key');
  },
  examples: {
    pass: [{ description: 'passes with KMS encryption and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_ecr_repository.r': { name: 'app', encryption_configuration: [{ encryption_type: 'KMS', kms_key: '${aws_kms_key.k.arn}' }] } }, target: 'aws_ecr_repository.r' }],
    fail: [
      { description: 'fails when encryption_configuration is not set (AES256)', resources: { 'aws_ecr_repository.r': { name: 'app' } } },
      { description: 'fails when encryption_type is KMS without kms_key', resources: { 'aws_ecr_repository.r': { name: 'app', encryption_configuration: [{ encryption_type: 'KMS' }] } } },
    ],
    unknown: [{ description: 'is unknown when encryption_type is known only after apply', resources: { 'aws_ecr_repository.r': { name: 'app', encryption_configuration: [{ encryption_type: 'KMS', kms_key: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_ecr_repository.r': ['encryption_configuration.encryption_type'] } }],
  },
};
