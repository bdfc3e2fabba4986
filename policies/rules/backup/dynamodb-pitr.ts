import type { ResourceRule } from '../../engine/types';
import { BKP } from './_shared';
import { expectBoolCfg } from '../helpers';

export const dynamodbPitr: ResourceRule = {
  id: 'BAK-07a',
  control: 'BAK-07',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  strategy: 6,
  citations: [...BKP, '164.308(a)(7)(ii)(C)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale: 'Point-in-time recovery (off by default) lets a table be restored to any second of the last 35 days — the only way back from a bad batch write or a buggy migration that overwrote PHI.',
  remediation: 'Add point_in_time_recovery { enabled = true } to the aws_dynamodb_table.',
  anchors: { cdkNag: ['HIPAA.Security-DynamoDBPITREnabled'], awsConfig: ['dynamodb-pitr-enabled'], checkov: ['CKV_AWS_28'] },
  check(table) {
    return expectBoolCfg(table, 'point_in_time_recovery.enabled', true, false, 'the table cannot be restored to a point in time');
  },
  examples: {
    pass: [
      { description: 'passes for a table with replicas when PITR is on', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', point_in_time_recovery: [{ enabled: true }], replica: [{ region_name: 'us-west-2', point_in_time_recovery: true }] } } },
      { description: 'passes with point_in_time_recovery.enabled = true', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', point_in_time_recovery: [{ enabled: true }] } } }],
    fail: [
      { description: 'fails when point_in_time_recovery is not set', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id' } } },
      { description: 'fails when point_in_time_recovery.enabled is false', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', point_in_time_recovery: [{ enabled: false }] } } },
    ],
    unknown: [{ description: 'is unknown when point_in_time_recovery.enabled is known only after apply', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', point_in_time_recovery: [{ enabled: true }] } }, unknown: { 'aws_dynamodb_table.t': ['point_in_time_recovery.enabled'] } }],
  },
};
