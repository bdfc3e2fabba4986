import { attr, str, undecided } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { CheckContext, ResourceRule } from '../../engine/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { AVL } from './_shared';

const DIMS = ['dynamodb:table:ReadCapacityUnits', 'dynamodb:table:WriteCapacityUnits'];

/** Scalable targets of the table: resource_id "table/<name>" by reference or literal. */
function targetsOf(ctx: CheckContext, table: Resource): Resource[] {
  const name = str(attr(table, 'name'));
  const byRef = ctx.graph.related(table, 'aws_appautoscaling_target', 'resource_id');
  const byName = name ? ctx.graph.withValue(table.unit, 'aws_appautoscaling_target', 'resource_id', `table/${name}`) : [];
  return [...new Set([...byRef, ...byName])];
}

const target = (dim: string, rid = 'table/${aws_dynamodb_table.t.name}') => ({ service_namespace: 'dynamodb', resource_id: rid, scalable_dimension: dim, min_capacity: 5, max_capacity: 100 });
const TABLE = { name: 'phi', hash_key: 'id', billing_mode: 'PROVISIONED', read_capacity: 5, write_capacity: 5 };

export const dynamodbAutoscaling: ResourceRule = {
  id: 'BAK-07c',
  control: 'BAK-07',
  title: 'Provisioned-capacity DynamoDB tables auto-scale reads and writes',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_dynamodb_table'],
  scope: 'resource',
  rationale: 'A provisioned table with fixed capacity throttles under load, which for a clinical system is an outage. Auto scaling (or on-demand billing) keeps capacity matched to demand.',
  remediation: 'Declare aws_appautoscaling_target (and a target-tracking aws_appautoscaling_policy) for both dynamodb:table:ReadCapacityUnits and WriteCapacityUnits, or set billing_mode = "PAY_PER_REQUEST".',
  anchors: { cdkNag: ['HIPAA.Security-DynamoDBAutoScalingEnabled'], awsConfig: ['dynamodb-autoscaling-enabled'], checkov: ['CKV2_AWS_16'] },
  check(table, ctx) {
    const mode = attr(table, 'billing_mode');
    if (mode.state === 'unknown' || mode.state === 'sensitive') return unknown(unknownMessage('billing_mode'), ev('billing_mode', mode));
    if (str(mode) === 'PAY_PER_REQUEST') return notApplicable('on-demand table (scales automatically)');
    const targets = targetsOf(ctx, table);
    const missing = DIMS.filter((d) => !targets.some((t) => str(attr(t, 'scalable_dimension')) === d));
    const open = targets.find((t) => undecided(attr(t, 'scalable_dimension')));
    if (missing.length && open) return unknown(`${open.address}.scalable_dimension is known only after apply (it may scale ${missing.join(' or ')})`, ev(`${open.address}.scalable_dimension`, attr(open, 'scalable_dimension')));
    if (missing.length) return fail(`billing_mode is ${str(mode) ?? 'PROVISIONED (default)'} and no aws_appautoscaling_target scales ${missing.join(' and ')}`, evv('aws_appautoscaling_target', missing.join(', ')));
    return pass(`read and write capacity auto-scale (${targets.map((t) => t.address).join(', ')})`);
  },
  examples: {
    pass: [
      { description: 'passes when read and write targets refer to the table', resources: { 'aws_dynamodb_table.t': TABLE, 'aws_appautoscaling_target.r': target(DIMS[0]), 'aws_appautoscaling_target.w': target(DIMS[1]) }, target: 'aws_dynamodb_table.t' },
      { description: 'passes when targets name the table by literal resource_id', resources: { 'aws_dynamodb_table.t': TABLE, 'aws_appautoscaling_target.r': target(DIMS[0], 'table/phi'), 'aws_appautoscaling_target.w': target(DIMS[1], 'table/phi') }, target: 'aws_dynamodb_table.t' },
    ],
    fail: [
      { description: 'fails when a provisioned table has no scalable targets', resources: { 'aws_dynamodb_table.t': TABLE } },
      { description: 'fails when only reads auto-scale', resources: { 'aws_dynamodb_table.t': TABLE, 'aws_appautoscaling_target.r': target(DIMS[0]) }, target: 'aws_dynamodb_table.t' },
    ],
    unknown: [{ description: 'is unknown when billing_mode is known only after apply', resources: { 'aws_dynamodb_table.t': TABLE }, unknown: { 'aws_dynamodb_table.t': ['billing_mode'] } }],
  },
};
