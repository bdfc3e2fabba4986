import { attr, bool, computedOnly } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { ENC } from './_shared';

export const sqsQueueEncrypted: ResourceRule = {
  id: 'ENC-10c',
  control: 'ENC-10',
  title: 'SQS queues are encrypted at rest (SQS-managed SSE or a KMS key)',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(2)(iv) encryption and decryption of ePHI at rest (queued messages)' },
  resourceTypes: ['aws_sqs_queue'],
  scope: 'resource',
  rationale:
    'Queued messages (HL7 feeds, claims, events) carry PHI at rest until consumed. New queues get SQS-managed SSE unless it is turned off; a queue with sqs_managed_sse_enabled = false and no kms_master_key_id stores messages unencrypted. Which key (SQS-managed or customer-managed) is ENC-10b.',
  remediation: 'Remove sqs_managed_sse_enabled = false, or set kms_master_key_id (a customer-managed key, ENC-10b).',
  anchors: { checkov: ['CKV_AWS_27'] },
  check(queue) {
    const key = attr(queue, 'kms_master_key_id');
    if ((key.state === 'known' && typeof key.value === 'string' && key.value !== '') || (key.state === 'unknown' && !computedOnly(key))) return pass('messages are encrypted with the KMS key named by kms_master_key_id', ev('kms_master_key_id', key));
    const managed = attr(queue, 'sqs_managed_sse_enabled');
    if (managed.state === 'absent' || computedOnly(managed)) return pass('sqs_managed_sse_enabled is not set: SQS encrypts new queues with SQS-managed SSE by default', ev('sqs_managed_sse_enabled', managed));
    if (managed.state === 'unknown' || managed.state === 'sensitive') return unknown(unknownMessage('sqs_managed_sse_enabled'), ev('sqs_managed_sse_enabled', managed));
    if (bool(managed) === true) return pass('messages are encrypted with SQS-managed SSE', ev('sqs_managed_sse_enabled', managed));
    return fail('sqs_managed_sse_enabled is false and no kms_master_key_id is set: messages are stored unencrypted', ev('sqs_managed_sse_enabled', managed));
  },
  examples: {
    pass: [
      { description: 'passes with SQS-managed SSE', resources: { 'aws_sqs_queue.q': { name: 'hl7', sqs_managed_sse_enabled: true } } },
      { description: 'passes with a KMS key', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_sqs_queue.q': { name: 'hl7', kms_master_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_sqs_queue.q' },
      { description: 'passes when encryption is left to the SQS default (SSE-SQS on for new queues)', resources: { 'aws_sqs_queue.q': { name: 'hl7' } } },
    ],
    fail: [{ description: 'fails when sqs_managed_sse_enabled is false and no KMS key is set', resources: { 'aws_sqs_queue.q': { name: 'hl7', sqs_managed_sse_enabled: false } } }],
    unknown: [{ description: 'is unknown when sqs_managed_sse_enabled is known only after apply', resources: { 'aws_sqs_queue.q': { name: 'hl7', sqs_managed_sse_enabled: false } }, unknown: { 'aws_sqs_queue.q': ['sqs_managed_sse_enabled'] } }],
  },
};
