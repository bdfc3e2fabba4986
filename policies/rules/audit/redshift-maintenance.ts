import type { ResourceRule } from '../../engine/types';
import { cfgAttr, combine, ev, expectBool, fail, pass } from '../helpers';

export const redshiftMaintenance: ResourceRule = {
  id: 'AUD-15d',
  control: 'AUD-15',
  title: 'Redshift clusters allow version upgrades and set a maintenance window',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'Redshift applies engine patches only when version upgrades are allowed, during the maintenance window. An explicit window makes patching predictable for the analytics team handling PHI.',
  remediation: 'Leave allow_version_upgrade at true and set preferred_maintenance_window (e.g. "sun:03:00-sun:03:30") on the aws_redshift_cluster.',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftClusterMaintenanceSettings'], awsConfig: ['redshift-cluster-maintenancesettings-check'], checkov: ['CKV_AWS_141'] },
  check(c) {
    // Left out of the configuration, the plan shows the window computed: AWS picks one at random.
    const w = cfgAttr(c, 'preferred_maintenance_window');
    // The provider computes a random window when it is not set: not an explicit choice.
    const window = w.state === 'known' && w.value ? pass('preferred_maintenance_window is set', ev('preferred_maintenance_window', w)) : w.state === 'absent' || w.state === 'known' ? fail('preferred_maintenance_window is not set; AWS picks a random window', ev('preferred_maintenance_window', w)) : pass('preferred_maintenance_window is set from a value known after apply', ev('preferred_maintenance_window', w));
    return combine([expectBool(c, 'allow_version_upgrade', true, true, 'engine patches are never applied'), window], 'version upgrades are allowed in an explicit maintenance window');
  },
  examples: {
    pass: [{ description: 'passes with a maintenance window and default allow_version_upgrade', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'r', node_type: 'ra3.xlplus', preferred_maintenance_window: 'sun:03:00-sun:03:30' } } }],
    fail: [
      { description: 'fails when allow_version_upgrade is false', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'r', node_type: 'ra3.xlplus', allow_version_upgrade: false, preferred_maintenance_window: 'sun:03:00-sun:03:30' } } },
      { description: 'fails when preferred_maintenance_window is not set', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'r', node_type: 'ra3.xlplus' } } },
    ],
    unknown: [
      { description: 'is unknown when allow_version_upgrade is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'r', allow_version_upgrade: true, preferred_maintenance_window: 'sun:03:00-sun:03:30' } }, unknown: { 'aws_redshift_cluster.r': ['allow_version_upgrade'] } },
    ],
  },
};
