import { attr, bool } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, notApplicable, unknown, unknownMessage } from '../helpers';
import { ENC, expectCmkCfg } from './_shared';

export const rdsPerformanceInsightsCmk: ResourceRule = {
  id: 'ENC-04c',
  control: 'ENC-04',
  title: 'RDS Performance Insights data is encrypted with a customer-managed KMS key',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'Performance Insights data is always encrypted (with aws/rds by default); a customer-managed key is phikit hardening.' },
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale:
    'Performance Insights stores SQL text with literal values — patient names, MRNs, diagnoses in WHERE clauses. It is encrypted with the aws/rds key unless performance_insights_kms_key_id names a customer-managed key.',
  remediation: 'Set performance_insights_kms_key_id to a customer-managed key wherever performance_insights_enabled is true, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV_AWS_354'] },
  check(db, ctx) {
    const on = attr(db, 'performance_insights_enabled');
    if (on.state === 'unknown' || on.state === 'sensitive') return unknown(unknownMessage('performance_insights_enabled'), ev('performance_insights_enabled', on));
    if (bool(on) !== true) return notApplicable('Performance Insights is off');
    return expectCmkCfg(ctx, db, 'performance_insights_kms_key_id', 'Performance Insights uses the AWS-managed aws/rds key');
  },
  examples: {
    pass: [{ description: 'passes when Performance Insights uses a declared CMK', resources: { 'aws_kms_key.k': { enable_key_rotation: true }, 'aws_db_instance.db': { engine: 'postgres', performance_insights_enabled: true, performance_insights_kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_db_instance.db' }],
    fail: [
      { description: 'fails when Performance Insights is on without performance_insights_kms_key_id', resources: { 'aws_db_instance.db': { engine: 'postgres', performance_insights_enabled: true } } },
      { description: 'fails when a cluster instance uses alias/aws/rds for Performance Insights', resources: { 'aws_rds_cluster_instance.i': { cluster_identifier: 'c', performance_insights_enabled: true, performance_insights_kms_key_id: 'alias/aws/rds' } } },
    ],
    unknown: [{ description: 'is unknown when performance_insights_enabled is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', performance_insights_enabled: true } }, unknown: { 'aws_db_instance.db': ['performance_insights_enabled'] } }],
  },
};
