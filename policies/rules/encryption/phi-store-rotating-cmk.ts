import { PHI_STORE_TYPES, S3_SSE } from '../../model/phi';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, isAwsManagedKey, noneJoined, outsidePhiScope, pass, phiLabel, unknown } from '../helpers';
import { cfgAttr, declaredKeys, expectBoolCfg, phiStoreKeySites } from './_shared';

const PHI = { DataClass: 'PHI' };

export const phiStoreRotatingCmk: ResourceRule = {
  id: 'ENC-16',
  control: 'ENC-16',
  title: 'Every PHI data store is encrypted with a CMK declared in the same configuration, with rotation on',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)'],
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'Encryption at rest of each store is required by the per-service rules (ENC-01 … ENC-15); a CMK declared in the same configuration, with rotation, is phikit hardening.' },
  resourceTypes: PHI_STORE_TYPES,
  scope: 'resource',
  rationale:
    'For stores classified as PHI (tag DataClass / data_classification = PHI; for S3, also untagged buckets that are not log destinations — model/phi), the key must be one this configuration manages: only then can reviewers see its rotation, deletion window and key policy. A literal key ARN from elsewhere, or an AWS-managed key, hides all three.',
  remediation: 'Declare the key in the stack (aws_kms_key with enable_key_rotation, or the phikit HipaaKmsKey construct) and reference it from the store’s key attribute; for S3, from the bucket’s server-side encryption configuration.',
  construct: 'HipaaKmsKey',
  check(store, ctx) {
    const out = outsidePhiScope(ctx, store);
    if (out) return out;
    const sites = phiStoreKeySites(ctx, store);
    if (!sites.length) return noneJoined(ctx, store, S3_SSE, 'bucket', fail(`no ${S3_SSE} refers to this ${phiLabel(ctx, store)}, so it is not encrypted with a customer-managed key`));
    const verdicts: Verdict[] = sites.map(({ res, path }) => {
      const where = res === store ? path : `${res.address}.${path}`;
      const a = cfgAttr(res, path);
      if (a.state === 'absent' || (a.state === 'known' && a.value === '')) return fail(`${where} is not set, so this PHI store uses an AWS-owned or AWS-managed key`, ev(where, a));
      if (a.state === 'known' && typeof a.value === 'string' && isAwsManagedKey(a.value)) return fail(`${where} names an AWS-managed key`, ev(where, a));
      const found = declaredKeys(ctx, res, path);
      if (!found.keys.length) {
        if (a.state === 'known') return fail(`${where} names a key that is not declared in these inputs, so its rotation and policy cannot be reviewed`, ev(where, a));
        return unknown(`${where} comes from a value outside these inputs, so the key cannot be checked`, ev(where, a));
      }
      const rot = found.keys.map((k) => {
        const v = expectBoolCfg(k, 'enable_key_rotation', true, false, 'the key protecting this PHI store never rotates');
        return v.status === 'pass' ? v : { ...v, message: `${k.address}: ${v.message}` };
      });
      return combine(rot, `${where} refers to ${found.keys.map((k) => k.address).join(', ')}, which rotates`);
    });
    const v = combine(verdicts, '');
    return v.status === 'pass' ? pass(`encrypted with a declared, rotating CMK (${verdicts.map((x) => x.message).join('; ')})`) : v;
  },
  examples: {
    pass: [
      { description: 'passes when a PHI database references a declared rotating key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: '${aws_kms_key.k.arn}', tags: PHI } }, target: 'aws_db_instance.db' },
      {
        description: 'passes when a PHI bucket (data_classification=phi) is encrypted via an SSE configuration joined by name with a key reached through an alias',
        resources: {
          'aws_kms_key.k': { enable_key_rotation: true },
          'aws_kms_alias.a': { name: 'alias/phi', target_key_id: '${aws_kms_key.k.key_id}' },
          'aws_s3_bucket.b': { bucket: 'phi-data', tags: { data_classification: 'phi' } },
          'aws_s3_bucket_server_side_encryption_configuration.s': { bucket: 'phi-data', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_alias.a.arn}' }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when the PHI store names a key ARN not declared in the inputs', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }], tags: PHI } } },
      { description: 'fails when the declared key does not rotate', resources: { 'aws_kms_key.k': { description: 'phi' }, 'aws_efs_file_system.f': { encrypted: true, kms_key_id: '${aws_kms_key.k.arn}', tags: PHI } }, target: 'aws_efs_file_system.f' },
      { description: 'fails when a PHI queue has no key', resources: { 'aws_sqs_queue.q': { name: 'hl7', tags: { DataClass: 'PHI' } } } },
    ],
    unknown: [{ description: 'is unknown when the key comes from a variable', resources: { 'aws_db_instance.db': { engine: 'postgres', storage_encrypted: true, kms_key_id: 'x', tags: PHI } }, unknown: { 'aws_db_instance.db': ['kms_key_id'] } }],
  },
};
