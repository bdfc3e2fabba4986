import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail } from '../helpers';
import { ENC, encryptedWithCmk } from './_shared';

export const dynamodbTableCmk: ResourceRule = {
  id: 'ENC-05a',
  control: 'ENC-05',
  title: 'DynamoDB tables use server-side encryption with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale:
    'DynamoDB always encrypts, but by default with an AWS-owned key the covered entity cannot audit, restrict or revoke. A customer-managed key puts every read of PHI behind a kms:Decrypt the key policy controls and CloudTrail records.',
  remediation: 'Add server_side_encryption { enabled = true, kms_key_arn = <CMK ARN> } to the table.',
  anchors: { awsConfig: ['dynamodb-table-encrypted-kms'], checkov: ['CKV_AWS_119'] },
  check(table, ctx) {
    const block = attr(table, 'server_side_encryption');
    if (block.state === 'absent') return fail('server_side_encryption is not set, so the table uses an AWS-owned key', ev('server_side_encryption', block));
    return encryptedWithCmk(ctx, table, {
      enabled: { path: 'server_side_encryption.enabled', providerDefault: false, what: 'the table uses an AWS-owned key' },
      key: { path: 'server_side_encryption.kms_key_arn', what: 'set kms_key_arn to a customer-managed key (without it DynamoDB uses the AWS-managed aws/dynamodb key)' },
    });
  },
  examples: {
    pass: [{ description: 'passes with SSE enabled and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: '${aws_kms_key.k.arn}' }] } }, target: 'aws_dynamodb_table.t' }],
    fail: [
      { description: 'fails when server_side_encryption is not set (AWS-owned key)', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id' } } },
      { description: 'fails when SSE is enabled without kms_key_arn (aws/dynamodb key)', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true }] } } },
      { description: 'fails when server_side_encryption.enabled is false', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: false }] } } },
    ],
    unknown: [{ description: 'is unknown when server_side_encryption.enabled is known only after apply', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] } }, unknown: { 'aws_dynamodb_table.t': ['server_side_encryption.enabled'] } }],
  },
};
