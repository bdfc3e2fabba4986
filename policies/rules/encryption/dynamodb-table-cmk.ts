import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail } from '../helpers';
import { ENC, encryptedAtRest } from './_shared';

/** What encrypts a DynamoDB table with KMS: shared by ENC-05a (KMS) and ENC-05c (a CMK). */
export const DYNAMODB_KMS = {
  enabled: { path: 'server_side_encryption.enabled', providerDefault: false, what: 'the table uses an AWS-owned key' },
  key: { path: 'server_side_encryption.kms_key_arn', what: 'set kms_key_arn to a customer-managed key (without it DynamoDB uses the AWS-managed aws/dynamodb key)' },
} as const;

export const dynamodbTableCmk: ResourceRule = {
  id: 'ENC-05a',
  control: 'ENC-05',
  title: 'DynamoDB tables use KMS server-side encryption (not the AWS-owned key)',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale:
    'DynamoDB always encrypts, but by default with an AWS-owned key the covered entity cannot see in its account. KMS encryption (the AWS-managed aws/dynamodb key or a customer-managed key, ENC-05c) puts every use of the key in CloudTrail.',
  remediation: 'Add server_side_encryption { enabled = true } to the table (with kms_key_arn naming a customer-managed key, ENC-05c).',
  anchors: { awsConfig: ['dynamodb-table-encrypted-kms'], checkov: ['CKV_AWS_119'] },
  check(table) {
    const block = attr(table, 'server_side_encryption');
    if (block.state === 'absent') return fail('server_side_encryption is not set, so the table uses an AWS-owned key', ev('server_side_encryption', block));
    return encryptedAtRest(table, DYNAMODB_KMS.enabled, 'the table is encrypted with a KMS key');
  },
  examples: {
    pass: [
      { description: 'passes with SSE enabled and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: '${aws_kms_key.k.arn}' }] } }, target: 'aws_dynamodb_table.t' },
      { description: 'passes with SSE enabled and the AWS-managed aws/dynamodb key (the key is ENC-05c)', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true }] } } },
    ],
    fail: [
      { description: 'fails when server_side_encryption is not set (AWS-owned key)', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id' } } },
      { description: 'fails when server_side_encryption.enabled is false', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: false }] } } },
    ],
    unknown: [{ description: 'is unknown when server_side_encryption.enabled is known only after apply', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_dynamodb_table.t': ['server_side_encryption.enabled'] } }],
  },
};
