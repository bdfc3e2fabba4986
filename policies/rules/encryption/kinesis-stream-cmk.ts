import type { ResourceRule } from '../../engine/types';
import { ENC, expectCmkCfg } from './_shared';
import { kinesisKeyVerdict } from './kinesis-stream-encrypted';

export const kinesisStreamCmk: ResourceRule = {
  id: 'ENC-15i',
  control: 'ENC-15',
  title: 'Kinesis data streams are encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor (AWS Config kinesis-stream-encrypted) accepts the AWS-managed alias/aws/kinesis key (ENC-15d); a customer-managed key, whose policy decides who may decrypt, is phikit hardening.' },
  resourceTypes: ['aws_kinesis_stream'],
  scope: 'resource',
  rationale: 'Streams buffer device telemetry and HL7/FHIR events for up to a year. KMS with the AWS-managed alias/aws/kinesis key cannot be restricted by policy: anyone in the account allowed to read the stream can decrypt it. A customer-managed key makes each consumer need kms:Decrypt, granted per role.',
  remediation: 'Set encryption_type = "KMS" and kms_key_id to a customer-managed key on the aws_kinesis_stream.',
  anchors: { checkov: ['CKV_AWS_185'] },
  check(stream, ctx) {
    return kinesisKeyVerdict(stream, () => expectCmkCfg(ctx, stream, 'kms_key_id', 'the stream uses the AWS-managed alias/aws/kinesis key'));
  },
  examples: {
    pass: [{ description: 'passes with encryption_type KMS and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_kinesis_stream.s': { name: 'events', encryption_type: 'KMS', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_kinesis_stream.s' }],
    fail: [
      { description: 'fails when encryption_type is not set (NONE)', resources: { 'aws_kinesis_stream.s': { name: 'events', shard_count: 1 } } },
      { description: 'fails when kms_key_id is alias/aws/kinesis', resources: { 'aws_kinesis_stream.s': { name: 'events', encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' } } },
    ],
    unknown: [{ description: 'is unknown when encryption_type is known only after apply', resources: { 'aws_kinesis_stream.s': { name: 'events', encryption_type: 'KMS', kms_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' } }, unknown: { 'aws_kinesis_stream.s': ['encryption_type'] } }],
  },
};
