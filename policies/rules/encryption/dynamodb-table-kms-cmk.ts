import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { ENC, cmkWhenEncrypted } from './_shared';
import { DYNAMODB_KMS } from './dynamodb-table-cmk';

export const dynamodbTableKmsCmk: ResourceRule = {
  id: 'ENC-05c',
  control: 'ENC-05',
  title: 'KMS-encrypted DynamoDB tables use a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The anchor dynamodb-table-encrypted-kms accepts the AWS-managed aws/dynamodb key (ENC-05a); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale: 'A customer-managed key puts every read of PHI behind a kms:Decrypt that a key policy the covered entity controls can restrict or revoke.',
  remediation: 'Set server_side_encryption.kms_key_arn on the table to a customer-managed key ARN.',
  anchors: { checkov: ['CKV_AWS_119'] },
  check(table, ctx) {
    if (attr(table, 'server_side_encryption').state === 'absent') return notApplicable('no KMS server-side encryption; ENC-05a reports that');
    return cmkWhenEncrypted(ctx, table, DYNAMODB_KMS, 'ENC-05a');
  },
  examples: {
    pass: [{ description: 'passes with SSE enabled and a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true, kms_key_arn: '${aws_kms_key.k.arn}' }] } }, target: 'aws_dynamodb_table.t' }],
    fail: [{ description: 'fails when SSE is enabled without kms_key_arn (aws/dynamodb key)', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', server_side_encryption: [{ enabled: true }] } } }],
  },
};
