import { attr, num } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { combine, ev, expectSet, fail, pass, unknown, unknownMessage } from '../helpers';

export const rdsEnhancedMonitoring: ResourceRule = {
  id: 'AUD-11b',
  control: 'AUD-11',
  title: 'RDS instances have enhanced monitoring enabled',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  scope: 'resource',
  rationale: 'Enhanced monitoring records OS-level metrics and the process list of database hosts every few seconds, which helps tell an attack or runaway export from normal load on PHI databases.',
  remediation: 'Set monitoring_interval (1–60 seconds) and monitoring_role_arn on the instance; the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSEnhancedMonitoringEnabled'], awsConfig: ['rds-enhanced-monitoring-enabled'], checkov: ['CKV_AWS_118'] },
  check(db) {
    const a = attr(db, 'monitoring_interval');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('monitoring_interval'), ev('monitoring_interval', a));
    const n = num(a) ?? 0;
    if (n <= 0) return fail(`monitoring_interval is ${n}${a.state === 'absent' ? ' (provider default)' : ''}; enhanced monitoring is off`, ev('monitoring_interval', a));
    return combine([pass(`monitoring_interval is ${n}`, ev('monitoring_interval', a)), expectSet(db, 'monitoring_role_arn', 'enhanced monitoring has no role to publish with')], `enhanced monitoring every ${n}s`);
  },
  examples: {
    pass: [{ description: 'passes with monitoring_interval 60 and a role', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', monitoring_interval: 60, monitoring_role_arn: 'arn:aws:iam::111122223333:role/rds-mon' } } }],
    fail: [
      { description: 'fails when monitoring_interval is not set (provider default 0)', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      { description: 'fails when monitoring_interval is set but monitoring_role_arn is not', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', monitoring_interval: 30 } } },
    ],
    unknown: [{ description: 'is unknown when monitoring_interval is known only after apply', resources: { 'aws_db_instance.d': { engine: 'postgres', monitoring_interval: 60, monitoring_role_arn: 'arn:r' } }, unknown: { 'aws_db_instance.d': ['monitoring_interval'] } }],
  },
};
