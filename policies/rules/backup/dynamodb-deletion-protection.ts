import type { ResourceRule } from '../../engine/types';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const dynamodbDeletionProtection: ResourceRule = {
  id: 'BAK-07b',
  control: 'BAK-07',
  title: 'DynamoDB tables have deletion protection enabled',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale: 'Deleting a table also ends its point-in-time recovery window. deletion_protection_enabled (off by default) makes DeleteTable fail until someone turns it off deliberately.',
  remediation: 'Set deletion_protection_enabled = true on the aws_dynamodb_table.',
  check(table) {
    return expectBoolCfg(table, 'deletion_protection_enabled', true, false, 'the table can be deleted by a single API call');
  },
  examples: {
    pass: [{ description: 'passes with deletion_protection_enabled = true', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', deletion_protection_enabled: true } } }],
    fail: [
      { description: 'fails when deletion_protection_enabled is false', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', deletion_protection_enabled: false } } },
      { description: 'fails when deletion_protection_enabled is not set', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id' } } }],
    unknown: [{ description: 'is unknown when deletion_protection_enabled is known only after apply', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', deletion_protection_enabled: true } }, unknown: { 'aws_dynamodb_table.t': ['deletion_protection_enabled'] } }],
  },
};
