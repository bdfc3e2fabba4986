import { isTrue, simpleRule } from '../simple';

export const redshiftVersionUpgrades = simpleRule({
  id: 'AUD-15c',
  control: 'AUD-15',
  title: "Redshift clusters allow automatic version upgrades",
  strategy: 3,
  citations: ["164.308(a)(5)(ii)(A)"],
  severity: 'low',
  rationale: "Version upgrades in the maintenance window keep data warehouses holding PHI patched.",
  remediation: "Set allow_version_upgrade = true (the default) and a preferred_maintenance_window on the aws_redshift_cluster.",
  anchors: {"cdkNag": ["HIPAA.Security-RedshiftClusterMaintenanceSettings"], "awsConfig": ["redshift-cluster-maintenancesettings-check"], "checkov": ["CKV_AWS_141"]},
  type: 'aws_redshift_cluster',
  base: {"cluster_identifier": "dw", "node_type": "ra3.xlplus"},
  path: 'allow_version_upgrade',
  ok: isTrue,
  providerDefault: true,
  want: "the cluster is never upgraded automatically",
  good: true,
  bad: false,
});
