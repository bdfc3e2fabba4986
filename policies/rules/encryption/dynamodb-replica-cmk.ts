import { blocks } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { combine, notApplicable, unknown } from '../helpers';
import { ENC, blockKeyVerdict, expectCmkCfg } from './_shared';

export const dynamodbReplicaCmk: ResourceRule = {
  id: 'ENC-05b',
  control: 'ENC-05',
  title: 'DynamoDB table replicas are encrypted with a customer-managed KMS key in their region',
  strategy: 1,
  citations: ENC,
  severity: 'high',
  level: 'recommended',
  levelBasis: { beyond: 'DynamoDB replicas are always encrypted at rest; a customer-managed key per region is phikit hardening.' },
  resourceTypes: ['aws_dynamodb_table_replica', 'aws_dynamodb_table'],
  scope: 'resource',
  rationale:
    'A global-table replica is a full copy of the PHI table in another region. KMS keys are regional, so each replica needs its own customer-managed key; without kms_key_arn the replica falls back to the AWS-managed key.',
  remediation: 'Set kms_key_arn on each aws_dynamodb_table_replica and on each replica block of aws_dynamodb_table to a customer-managed key in the replica region.',
  anchors: { checkov: ['CKV_AWS_271'] },
  check(res, ctx) {
    if (res.type === 'aws_dynamodb_table_replica') return expectCmkCfg(ctx, res, 'kms_key_arn', 'the replica uses the AWS-managed key');
    const replicas = blocks(res, 'replica');
    if (!replicas.length) return notApplicable('the table has no replica blocks');
    const verdicts: Verdict[] = replicas.map((b, i) => (b instanceof Unknown ? unknown(`replica[${i}] is known only after apply`) : blockKeyVerdict(b, 'kms_key_arn', `replica[${i}]`, 'the replica uses the AWS-managed key')));
    return combine(verdicts, 'every replica names a customer-managed key');
  },
  examples: {
    pass: [
      { description: 'passes when an aws_dynamodb_table_replica names a CMK', resources: { 'aws_dynamodb_table_replica.r': { global_table_arn: 'arn:aws:dynamodb:us-east-1:111122223333:table/phi', kms_key_arn: 'arn:aws:kms:us-west-2:111122223333:key/abc' } } },
      { description: 'passes when the table replica block names a CMK', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', replica: [{ region_name: 'us-west-2', kms_key_arn: 'arn:aws:kms:us-west-2:111122223333:key/abc' }] } } },
    ],
    fail: [
      { description: 'fails when an aws_dynamodb_table_replica has no kms_key_arn', resources: { 'aws_dynamodb_table_replica.r': { global_table_arn: 'arn:aws:dynamodb:us-east-1:111122223333:table/phi' } } },
      { description: 'fails when a table replica block has no kms_key_arn', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id', replica: [{ region_name: 'us-west-2' }] } } },
    ],
  },
};
