import type { ResourceRule } from '../../engine/types';
import { BKP, PLAN, coverageVerdict, selection } from './_shared';

const TABLE = { name: 'phi-records', hash_key: 'id', tags: { DataClass: 'PHI' } };

export const dynamodbInBackupPlan: ResourceRule = {
  id: 'BAK-03c',
  control: 'BAK-03',
  title: 'DynamoDB tables are selected by an AWS Backup plan',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale: 'Point-in-time recovery covers 35 days inside the same table’s account; AWS Backup adds longer retention, vault lock and cross-region/account copies of the table.',
  remediation: 'Select the table in an aws_backup_selection (by ARN reference, literal ARN, selection_tag or condition), or use the phikit HipaaBackupPlan construct.',
  construct: 'HipaaBackupPlan',
  anchors: { cdkNag: ['HIPAA.Security-DynamoDBInBackupPlan'], awsConfig: ['dynamodb-in-backup-plan'] },
  check(table, ctx) {
    return coverageVerdict(ctx, table);
  },
  examples: {
    pass: [
      { description: 'passes when a condition matches the table tag', resources: { ...PLAN, 'aws_dynamodb_table.t': TABLE, 'aws_backup_selection.s': selection({ resources: ['*'], condition: [{ string_equals: [{ key: 'aws:ResourceTag/DataClass', value: 'PHI' }] }] }) }, target: 'aws_dynamodb_table.t' },
      { description: 'passes when a literal table ARN with a wildcard matches the name', resources: { ...PLAN, 'aws_dynamodb_table.t': TABLE, 'aws_backup_selection.s': selection({ resources: ['arn:aws:dynamodb:us-east-1:111122223333:table/phi-*'] }) }, target: 'aws_dynamodb_table.t' },
    ],
    fail: [
      { description: 'fails when the condition does not match the table tag', resources: { ...PLAN, 'aws_dynamodb_table.t': { ...TABLE, tags: { DataClass: 'Public' } }, 'aws_backup_selection.s': selection({ resources: ['*'], condition: [{ string_equals: [{ key: 'aws:ResourceTag/DataClass', value: 'PHI' }] }] }) }, target: 'aws_dynamodb_table.t' },
      { description: 'fails when no backup selection exists', resources: { 'aws_dynamodb_table.t': TABLE } },
    ],
    unknown: [{ description: 'is unknown when the selection_tag value is known only after apply', resources: { ...PLAN, 'aws_dynamodb_table.t': TABLE, 'aws_backup_selection.s': selection({ selection_tag: [{ type: 'STRINGEQUALS', key: 'DataClass', value: 'PHI' }] }) }, unknown: { 'aws_backup_selection.s': ['selection_tag.value'] }, target: 'aws_dynamodb_table.t' }],
  },
};
