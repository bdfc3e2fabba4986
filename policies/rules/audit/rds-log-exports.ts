import { isNonEmpty, simpleRule } from '../simple';

export const rdsLogExports = simpleRule({
  id: 'AUD-11a',
  control: 'AUD-11',
  title: "RDS instances export database logs to CloudWatch Logs",
  strategy: 3,
  citations: ["164.308(a)(3)(ii)(A)", "164.308(a)(5)(ii)(C)", "164.312(b)"],
  severity: 'medium',
  rationale: "Database logs record logins and queries against PHI tables; exported to CloudWatch they are kept, searchable and alarmable.",
  remediation: "Set enabled_cloudwatch_logs_exports (for example [\"postgresql\"] or [\"audit\",\"error\",\"general\",\"slowquery\"]); the phikit HipaaDatabase construct does.",
  construct: 'HipaaDatabase',
  anchors: {"cdkNag": ["HIPAA.Security-RDSLoggingEnabled"], "awsConfig": ["rds-logging-enabled"], "checkov": ["CKV_AWS_129"]},
  type: 'aws_db_instance',
  base: {"engine": "postgres", "instance_class": "db.t3.micro"},
  path: 'enabled_cloudwatch_logs_exports',
  ok: isNonEmpty,
  want: "database logs stay on the instance",
  good: ["postgresql"],
  bad: [],
});
