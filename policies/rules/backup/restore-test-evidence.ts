import { evidenceFile, isVerdict, latest, recency } from '../../evidence';
import type { GraphRule, Verdict } from '../../engine/types';
import { pass } from '../helpers';

/** Data stores whose restores must be rehearsed. */
export const RESTORABLE_TYPES = ['aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_efs_file_system', 'aws_s3_bucket', 'aws_ebs_volume', 'aws_fsx_windows_file_system', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster'];

interface RestoreTest {
  store_type: string;
  completed_at: string;
  result: 'pass' | 'fail';
  rto_minutes_target?: number;
  rto_minutes_achieved?: number;
  rpo_minutes_target?: number;
  rpo_minutes_achieved?: number;
}

/** A test counts when it passed and met the recovery objectives it records. */
const succeeded = (x: RestoreTest) =>
  x.result === 'pass' && !((x.rto_minutes_achieved ?? 0) > (x.rto_minutes_target ?? Infinity)) && !((x.rpo_minutes_achieved ?? 0) > (x.rpo_minutes_target ?? Infinity));

export const restoreTestEvidence: GraphRule = {
  id: 'BAK-14',
  control: 'BAK-14',
  title: 'A restore of each kind of data store was tested successfully within 12 months',
  strategy: 6,
  citations: ['164.308(a)(7)(ii)(D)', '164.308(a)(7)(ii)(B)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(7)(ii)(D) testing and revision procedures of contingency plans (restores)' },
  resourceTypes: RESTORABLE_TYPES,
  scope: 'evidence',
  kind: 'evidence',
  rationale: 'Backups that were never restored are a hope, not a disaster recovery plan (164.308(a)(7)(ii)(B)); testing and revision (164.308(a)(7)(ii)(D)) means restoring each store type and meeting the recovery objectives.',
  remediation: 'Restore each data-store type at least yearly and record it in dr-test.json (store_type = Terraform type such as aws_db_instance, completed_at, result, RTO/RPO achieved).',
  construct: 'HipaaBackupPlan',
  check(ctx) {
    const present = RESTORABLE_TYPES.filter((t) => ctx.graph.ofType(t).length > 0);
    if (!present.length) return [pass('no data stores in the inputs')];
    const file = evidenceFile<{ tests: RestoreTest[] }>(ctx, 'dr-test.json');
    if (isVerdict(file)) return [file];
    return present.map((t): Verdict => {
      const v = recency(latest(file.data.tests.filter((x) => x.store_type === t && succeeded(x)).map((x) => x.completed_at)), 365, `successful restore test of ${t} (result pass, RTO/RPO met)`, file.path, ctx.now, `tests[store_type=${t}].completed_at`);
      return { ...v, resource: ctx.graph.ofType(t)[0] };
    });
  },
  examples: {
    pass: [
      {
        description: 'passes when the database type was restored this year',
        resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } },
        evidence: { 'dr-test.json': { tests: [{ store_type: 'aws_db_instance', completed_at: '2026-06-10', result: 'pass', rto_minutes_target: 240, rto_minutes_achieved: 95 }] } },
        now: '2026-11-28T00:00:00Z',
      },
    ],
    fail: [
      { description: 'fails when dr-test.json is missing', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      {
        description: 'fails when the only restore test of the type failed',
        resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } },
        evidence: { 'dr-test.json': { tests: [{ store_type: 'aws_db_instance', completed_at: '2026-06-10', result: 'fail' }] } },
        now: '2026-11-28T00:00:00Z',
      },
      {
        description: 'fails when the restore test missed its RTO (achieved 300 min, target 240)',
        resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } },
        evidence: { 'dr-test.json': { tests: [{ store_type: 'aws_db_instance', completed_at: '2026-06-10', result: 'pass', rto_minutes_target: 240, rto_minutes_achieved: 300 }] } },
        now: '2026-11-28T00:00:00Z',
      },
      {
        description: 'fails when a store type present in the plan was never restored',
        resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' }, 'aws_dynamodb_table.t': { name: 't', hash_key: 'id' } },
        evidence: { 'dr-test.json': { tests: [{ store_type: 'aws_db_instance', completed_at: '2026-06-10', result: 'pass' }] } },
        now: '2026-11-28T00:00:00Z',
      },
    ],
  },
};
