import { isTrue, simpleRule } from '../simple';

export const rdsMinorUpgrades = simpleRule({
  id: 'AUD-15a',
  control: 'AUD-15',
  title: "RDS instances apply minor engine upgrades automatically",
  strategy: 3,
  citations: ["164.308(a)(5)(ii)(A)", "164.308(a)(7)(ii)(A)"],
  severity: 'medium',
  rationale: "Minor versions carry security fixes; automatic upgrades in the maintenance window keep PHI databases patched.",
  remediation: "Set auto_minor_version_upgrade = true (the default); the phikit HipaaDatabase construct does.",
  construct: 'HipaaDatabase',
  anchors: {"cdkNag": ["HIPAA.Security-RDSAutomaticMinorVersionUpgradeEnabled"], "awsConfig": ["rds-automatic-minor-version-upgrade-enabled"], "checkov": ["CKV_AWS_226"]},
  type: 'aws_db_instance',
  base: {"engine": "postgres", "instance_class": "db.t3.micro"},
  path: 'auto_minor_version_upgrade',
  ok: isTrue,
  providerDefault: true,
  want: "security patches wait for a manual upgrade",
  good: true,
  bad: false,
});
