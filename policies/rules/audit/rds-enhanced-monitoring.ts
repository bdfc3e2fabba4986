import { simpleRule } from '../simple';

export const rdsEnhancedMonitoring = simpleRule({
  id: 'AUD-11b',
  control: 'AUD-11',
  title: "RDS instances have enhanced monitoring",
  strategy: 3,
  citations: ["164.312(b)"],
  severity: 'low',
  rationale: "OS-level metrics show unusual load (for example bulk exports of PHI) that database metrics miss.",
  remediation: "Set monitoring_interval to 1-60 seconds and monitoring_role_arn; the phikit HipaaDatabase construct does.",
  construct: 'HipaaDatabase',
  anchors: {"cdkNag": ["HIPAA.Security-RDSEnhancedMonitoringEnabled"], "awsConfig": ["rds-enhanced-monitoring-enabled"], "checkov": ["CKV_AWS_118"]},
  type: 'aws_db_instance',
  base: {"engine": "postgres", "instance_class": "db.t3.micro"},
  path: 'monitoring_interval',
  ok: (v) => (typeof v === 'number' ? v > 0 : Number(v) > 0),
  providerDefault: 0,
  want: "enhanced monitoring is off",
  good: 60,
  bad: 0,
});
