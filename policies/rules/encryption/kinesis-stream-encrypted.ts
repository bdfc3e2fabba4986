import { str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import type { Resource } from '../../model/types';
import { ev, fail, judgeAll, unknown, unknownMessage } from '../helpers';
import { ENC, cfgAttr, expectKmsKeyCfg } from './_shared';

/**
 * A stream's encryption judged with `key` (the key check of ENC-15d or ENC-15i): NONE fails; while
 * encryption_type is known only after apply, a key that fails `key` still fails (NONE, or KMS
 * with that key).
 */
export function kinesisKeyVerdict(stream: Resource, key: () => Verdict): Verdict {
  const t = cfgAttr(stream, 'encryption_type');
  if (t.state === 'unknown' || t.state === 'sensitive') return judgeAll([unknown(unknownMessage('encryption_type'), ev('encryption_type', t)), key()], '');
  const type = str(t) ?? 'NONE';
  if (type.toUpperCase() !== 'KMS') return fail(`encryption_type is ${type}${t.state === 'absent' ? ' (provider default)' : ''}; records are stored unencrypted`, ev('encryption_type', t));
  return key();
}

export const kinesisStreamEncrypted: ResourceRule = {
  id: 'ENC-15d',
  control: 'ENC-15',
  title: 'Kinesis data streams are encrypted at rest with a KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_kinesis_stream'],
  scope: 'resource',
  rationale:
    'Streams buffer device telemetry and HL7/FHIR events for up to a year. encryption_type is NONE by default, and then the records sit unencrypted, leaving the addressable encryption specification (164.312(a)(2)(iv)) unmet. Any KMS key meets it, the AWS-managed alias/aws/kinesis included; ENC-15i recommends a customer-managed key.',
  remediation: 'Set encryption_type = "KMS" and kms_key_id on the aws_kinesis_stream (a customer-managed key is recommended, ENC-15i).',
  anchors: { awsConfig: ['kinesis-stream-encrypted'], checkov: ['CKV_AWS_43'] },
  check(stream, ctx) {
    return kinesisKeyVerdict(stream, () => expectKmsKeyCfg(ctx, stream, 'kms_key_id', 'encryption_type KMS needs a key'));
  },
  examples: {
    pass: [
      { description: 'passes with encryption_type KMS and the AWS-managed alias/aws/kinesis key', resources: { 'aws_kinesis_stream.s': { name: 'events', shard_count: 1, encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' } } },
      { description: 'passes with encryption_type KMS and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_kinesis_stream.s': { name: 'events', encryption_type: 'KMS', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_kinesis_stream.s' },
    ],
    fail: [
      { description: 'fails when encryption_type is not set (NONE)', resources: { 'aws_kinesis_stream.s': { name: 'events', shard_count: 1 } } },
      { description: 'fails when encryption_type is NONE although a key is named', resources: { 'aws_kinesis_stream.s': { name: 'events', shard_count: 1, encryption_type: 'NONE', kms_key_id: 'alias/aws/kinesis' } } },
    ],
    unknown: [{ description: 'is unknown when encryption_type is known only after apply', resources: { 'aws_kinesis_stream.s': { name: 'events', encryption_type: 'KMS', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_kinesis_stream.s': ['encryption_type'] } }],
  },
};
