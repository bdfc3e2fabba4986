import { attr, bool } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail } from '../helpers';
import { ENC, expectCmkCfg } from './_shared';

export const sqsQueueCmk: ResourceRule = {
  id: 'ENC-10b',
  control: 'ENC-10',
  title: 'SQS queues are encrypted with a customer-managed KMS key, not SQS-managed SSE',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'SQS-managed SSE (SqsManagedSseEnabled) encrypts at rest; a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_sqs_queue'],
  scope: 'resource',
  rationale:
    'Queued messages (HL7 feeds, claims, events) carry PHI. SQS-managed SSE encrypts with a key nobody can restrict or audit; a CMK makes each consumer need kms:Decrypt, granted per role.',
  remediation: 'Set kms_master_key_id on the aws_sqs_queue to a customer-managed key (and remove sqs_managed_sse_enabled).',
  anchors: { checkov: ['CKV_AWS_27', 'CKV2_AWS_73'] },
  check(queue, ctx) {
    const key = expectCmkCfg(ctx, queue, 'kms_master_key_id', 'messages are not encrypted with a customer-managed key');
    const managed = attr(queue, 'sqs_managed_sse_enabled');
    if (key.status === 'fail' && bool(managed) === true) return fail('sqs_managed_sse_enabled is true and kms_master_key_id is not a customer-managed key; SQS-managed SSE cannot be restricted or audited', ev('sqs_managed_sse_enabled', managed));
    return key;
  },
  examples: {
    pass: [{ description: 'passes when kms_master_key_id refers to a declared key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sqs_queue.q': { name: 'hl7', kms_master_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_sqs_queue.q' }],
    fail: [
      { description: 'fails when the queue uses SQS-managed SSE', resources: { 'aws_sqs_queue.q': { name: 'hl7', sqs_managed_sse_enabled: true } } },
      { description: 'fails when kms_master_key_id is alias/aws/sqs', resources: { 'aws_sqs_queue.q': { name: 'hl7', kms_master_key_id: 'alias/aws/sqs' } } },
    ],
  },
};
