import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';

export const rdsMinorUpgrades: ResourceRule = {
  id: 'AUD-15a',
  control: 'AUD-15',
  title: 'RDS instances apply minor engine upgrades automatically',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
  scope: 'resource',
  rationale: 'Minor engine versions carry security fixes. Turning automatic minor upgrades off leaves known vulnerabilities on databases holding PHI until someone remembers to patch.',
  remediation: 'Leave auto_minor_version_upgrade at its default (true) or set it to true; the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSAutomaticMinorVersionUpgradeEnabled'], awsConfig: ['rds-automatic-minor-version-upgrade-enabled'], checkov: ['CKV_AWS_226'] },
  check(db) {
    return expectBool(db, 'auto_minor_version_upgrade', true, true, 'security patches are not applied automatically');
  },
  examples: {
    pass: [{ description: 'passes when auto_minor_version_upgrade is not set (provider default true)', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro' } } }],
    fail: [{ description: 'fails when auto_minor_version_upgrade is false', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', auto_minor_version_upgrade: false } } }],
    unknown: [
      { description: 'is unknown when auto_minor_version_upgrade is known only after apply', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', auto_minor_version_upgrade: true } }, unknown: { 'aws_db_instance.d': ['auto_minor_version_upgrade'] } },
    ],
  },
};
