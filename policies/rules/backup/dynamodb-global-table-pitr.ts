import { attr, blocks, bool, str, undecided } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { combine, ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { BKP } from './_shared';

const TABLE = { name: 'phi', hash_key: 'id', point_in_time_recovery: [{ enabled: true }] };

export const dynamodbGlobalTablePitr: ResourceRule = {
  id: 'BAK-07d',
  control: 'BAK-07',
  title: 'Every region of a DynamoDB global table has point-in-time recovery enabled',
  strategy: 6,
  citations: [...BKP, '164.308(a)(7)(ii)(C)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_dynamodb_table', 'aws_dynamodb_global_table'],
  scope: 'resource',
  rationale: 'PITR is a per-region setting: a replica without it cannot be restored after a bad write replicates into it, and after a regional failover the surviving copy is the unprotected one.',
  remediation: 'Set point_in_time_recovery = true in every replica block of the aws_dynamodb_table (and point_in_time_recovery { enabled = true } on each regional table of a legacy aws_dynamodb_global_table).',
  anchors: { checkov: ['CKV_AWS_165'] },
  check(res, ctx) {
    if (res.type === 'aws_dynamodb_global_table') {
      // Legacy (2017) global tables are assembled from same-named regional tables.
      const name = str(attr(res, 'name'));
      const members = name ? ctx.graph.byLiteral(res.unit, name).filter((r) => r.type === 'aws_dynamodb_table' && r.action !== 'delete') : [];
      if (!members.length) return unknown('the regional tables of this global table are not in these inputs');
      const pitr = (m: (typeof members)[number]) => attr(m, 'point_in_time_recovery.enabled');
      const off = members.filter((m) => !undecided(pitr(m)) && bool(pitr(m)) !== true);
      const open = members.filter((m) => undecided(pitr(m)));
      if (!off.length && open.length) return unknown(`${open.map((m) => m.address).join(', ')}: point_in_time_recovery.enabled is known only after apply`, ev(`${open[0].address}.point_in_time_recovery.enabled`, pitr(open[0])));
      return off.length ? fail(`regional table(s) ${off.map((m) => m.address).join(', ')} do not enable point-in-time recovery`, ev(`${off[0].address}.point_in_time_recovery.enabled`, attr(off[0], 'point_in_time_recovery.enabled'))) : pass('every regional table enables point-in-time recovery');
    }
    const replicas = blocks(res, 'replica');
    if (!replicas.length) return notApplicable('not a global table (no replica blocks)');
    const verdicts: Verdict[] = replicas.map((b, i) => {
      if (b instanceof Unknown) return unknown(`replica[${i}] is known only after apply`);
      const a = attr(b, 'point_in_time_recovery');
      const where = `replica[${i}].point_in_time_recovery`;
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(where), ev(where, a));
      return bool(a) === true ? pass(`${where} is true`, ev(where, a)) : fail(`${where} is ${a.state === 'absent' ? 'not set (default false)' : JSON.stringify(a.value)}; the replica in ${typeof b.region_name === 'string' ? b.region_name : 'its region'} cannot be restored to a point in time`, ev(where, a));
    });
    return combine(verdicts, 'every replica enables point-in-time recovery');
  },
  examples: {
    pass: [
      { description: 'passes when every replica block enables point_in_time_recovery', resources: { 'aws_dynamodb_table.t': { ...TABLE, replica: [{ region_name: 'us-west-2', point_in_time_recovery: true }] } } },
      { description: 'passes when the regional tables of a legacy global table enable PITR', resources: { 'aws_dynamodb_table.t': TABLE, 'aws_dynamodb_global_table.g': { name: 'phi', replica: [{ region_name: 'us-east-1' }] } }, target: 'aws_dynamodb_global_table.g' },
    ],
    fail: [
      { description: 'fails when a replica block does not set point_in_time_recovery', resources: { 'aws_dynamodb_table.t': { ...TABLE, replica: [{ region_name: 'us-west-2' }] } } },
      { description: 'fails when a regional table of a legacy global table has no PITR', resources: { 'aws_dynamodb_table.t': { name: 'phi', hash_key: 'id' }, 'aws_dynamodb_global_table.g': { name: 'phi', replica: [{ region_name: 'us-east-1' }] } }, target: 'aws_dynamodb_global_table.g' },
    ],
    unknown: [{ description: 'is unknown when a replica point_in_time_recovery is known only after apply', resources: { 'aws_dynamodb_table.t': { ...TABLE, replica: [{ region_name: 'us-west-2', point_in_time_recovery: true }] } }, unknown: { 'aws_dynamodb_table.t': ['replica.point_in_time_recovery'] } }],
  },
};
