import { attr, list, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

/** Log types that carry connection/audit events, per engine family. */
function auditLogTypes(engine: string): string[] | undefined {
  if (engine.includes('postgres')) return ['postgresql'];
  if (engine.includes('mysql') || engine === 'mariadb' || engine === 'aurora') return ['audit', 'error'];
  if (engine.startsWith('sqlserver')) return ['error', 'agent'];
  if (engine.startsWith('oracle')) return ['audit', 'alert'];
  return undefined;
}

export const rdsLogExports: ResourceRule = {
  id: 'AUD-11a',
  control: 'AUD-11',
  title: 'RDS instances and Aurora clusters export their database logs to CloudWatch Logs',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.308(a)(5)(ii)(C)', '164.312(b)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale: 'Database logs (connections, authentication failures, audit records) show who accessed PHI tables. They stay on the instance and rotate away unless exported to CloudWatch Logs with enabled_cloudwatch_logs_exports.',
  remediation: 'Set enabled_cloudwatch_logs_exports (postgresql for PostgreSQL; audit, error, general, slowquery for MySQL) on the instance or cluster; the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSLoggingEnabled'], awsConfig: ['rds-logging-enabled'], checkov: ['CKV_AWS_129', 'CKV_AWS_324'] },
  check(db) {
    const engine = str(attr(db, 'engine')) ?? (db.type === 'aws_rds_cluster' ? 'aurora-mysql' : '');
    if (db.type === 'aws_db_instance' && engine.startsWith('aurora')) return notApplicable('Aurora instance: logs are exported by the cluster');
    const a = attr(db, 'enabled_cloudwatch_logs_exports');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('enabled_cloudwatch_logs_exports'), ev('enabled_cloudwatch_logs_exports', a));
    const got = (list(a) ?? []).map(String);
    if (!got.length) return fail('enabled_cloudwatch_logs_exports is empty; database logs are not exported', ev('enabled_cloudwatch_logs_exports', a));
    const want = auditLogTypes(engine);
    const e = attr(db, 'engine');
    if (!want && (e.state === 'unknown' || e.state === 'sensitive')) return unknown(`${unknownMessage('engine')}; which log types must be exported depends on it`, ev('engine', e));
    if (want && !want.some((w) => got.includes(w))) return fail(`enabled_cloudwatch_logs_exports is [${got.join(', ')}]; none of ${want.join(', ')} is exported`, ev('enabled_cloudwatch_logs_exports', a));
    return pass(`exports ${got.join(', ')}`, ev('enabled_cloudwatch_logs_exports', a));
  },
  examples: {
    pass: [
      { description: 'passes when a PostgreSQL instance exports postgresql logs', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'] } } },
      { description: 'passes when an Aurora MySQL cluster exports audit logs', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', enabled_cloudwatch_logs_exports: ['audit', 'error'] } } },
    ],
    fail: [
      { description: 'fails when enabled_cloudwatch_logs_exports is not set', resources: { 'aws_db_instance.d': { engine: 'mysql', instance_class: 'db.t3.micro' } } },
      { description: 'fails when a PostgreSQL instance exports only upgrade logs', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', enabled_cloudwatch_logs_exports: ['upgrade'] } } },
    ],
    unknown: [
      { description: 'is unknown when enabled_cloudwatch_logs_exports is known only after apply', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', enabled_cloudwatch_logs_exports: ['postgresql'] } }, unknown: { 'aws_db_instance.d': ['enabled_cloudwatch_logs_exports'] } },
    ],
  },
};
