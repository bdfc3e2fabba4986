import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown, Value } from '../../model/values';
import { combine, ev, fail, unknown, unknownMessage } from '../helpers';
import { blockKeyVerdict } from '../helpers';
import { BKP } from './_shared';

const rule = (extra: Record<string, unknown>, sse = 'Enabled') => ({
  bucket: 'phi',
  role: 'arn:aws:iam::111122223333:role/rep',
  rule: [{ id: 'all', status: 'Enabled', source_selection_criteria: [{ sse_kms_encrypted_objects: [{ status: sse }] }], destination: [{ bucket: 'arn:aws:s3:::phi-dr', ...extra }] }],
});
const KEY = { encryption_configuration: [{ replica_kms_key_id: 'arn:aws:kms:us-west-2:111122223333:key/dr' }] };

export const s3ReplicaEncryption: ResourceRule = {
  id: 'BAK-10b',
  control: 'BAK-10',
  title: 'S3 replication re-encrypts replicas with a customer-managed key in the destination region',
  strategy: 6,
  citations: [...BKP, '164.312(a)(2)(iv)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_s3_bucket_replication_configuration'],
  scope: 'resource',
  rationale:
    'KMS keys are regional: SSE-KMS objects are replicated only when source_selection_criteria.sse_kms_encrypted_objects is Enabled, and the replica is then encrypted with destination.encryption_configuration.replica_kms_key_id. Without both, PHI objects are silently skipped or land under the destination’s default key.',
  remediation: 'In every Enabled rule set source_selection_criteria { sse_kms_encrypted_objects { status = "Enabled" } } and destination { encryption_configuration { replica_kms_key_id = <CMK in the destination region> } }.',
  construct: 'HipaaBucket',
  check(cfg) {
    const verdicts: Verdict[] = blocks(cfg, 'rule').map((r, i) => {
      if (r instanceof Unknown) return unknown(`rule[${i}] is known only after apply`);
      if (str(attr(r, 'status')) === 'Disabled') return { status: 'pass', message: `rule[${i}] is disabled` };
      const sse = attr(r, 'source_selection_criteria.sse_kms_encrypted_objects.status');
      const ssePath = `rule[${i}].source_selection_criteria.sse_kms_encrypted_objects.status`;
      if (sse.state === 'unknown' || sse.state === 'sensitive') return unknown(unknownMessage(ssePath), ev(ssePath, sse));
      if (str(sse) !== 'Enabled') return fail(`${ssePath} is ${str(sse) ?? 'not set'}, so SSE-KMS encrypted objects are not replicated`, ev(ssePath, sse));
      const enc = blocks(r, 'destination.encryption_configuration')[0];
      if (!enc || enc instanceof Unknown) return enc ? unknown(`rule[${i}].destination.encryption_configuration is known only after apply`) : fail(`rule[${i}].destination.encryption_configuration is not set; replicas are not re-encrypted with a destination-region CMK`);
      return blockKeyVerdict(enc as Readonly<Record<string, Value>>, 'replica_kms_key_id', `rule[${i}].destination.encryption_configuration`, 'use a customer-managed key in the destination region');
    });
    return combine(verdicts, 'every Enabled rule replicates SSE-KMS objects and re-encrypts them with a destination CMK');
  },
  examples: {
    pass: [{ description: 'passes when the rule replicates SSE-KMS objects under a destination CMK', resources: { 'aws_s3_bucket_replication_configuration.r': rule(KEY) } }],
    fail: [
      { description: 'fails when destination.encryption_configuration is not set', resources: { 'aws_s3_bucket_replication_configuration.r': rule({}) } },
      { description: 'fails when SSE-KMS encrypted objects are not selected for replication', resources: { 'aws_s3_bucket_replication_configuration.r': rule(KEY, 'Disabled') } },
    ],
    unknown: [{ description: 'is unknown when the sse_kms_encrypted_objects status is known only after apply', resources: { 'aws_s3_bucket_replication_configuration.r': rule(KEY) }, unknown: { 'aws_s3_bucket_replication_configuration.r': ['rule.source_selection_criteria.sse_kms_encrypted_objects.status'] } }],
  },
};
