import type { ResourceRule } from '../../engine/types';
import { PUB, boolCases, expectBoolC } from './_shared';

export const redshiftNotPublic: ResourceRule = {
  id: 'ACC-14b',
  control: 'ACC-14',
  title: 'Redshift clusters are not publicly accessible',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'A publicly accessible Redshift cluster gets a public endpoint; the warehouse of PHI is then one security-group rule away from the internet. The provider default is false since v6 but true before, so it must be set.',
  remediation: 'Set publicly_accessible = false explicitly.',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftClusterPublicAccess'], awsConfig: ['redshift-cluster-public-access-check'], checkov: ['CKV_AWS_87'] },
  check(c) {
    // The default flipped between provider v5 (true) and v6 (false): an unset value is not trusted.
    return expectBoolC(c, 'publicly_accessible', false, undefined, 'set publicly_accessible = false explicitly (the provider default differs between versions)');
  },
  examples: {
    ...boolCases('aws_redshift_cluster.c', 'publicly_accessible', { cluster_identifier: 'c', node_type: 'ra3.xlplus' }, false, ''),
    fail: [
      { description: 'fails when publicly_accessible is true', resources: { 'aws_redshift_cluster.c': { cluster_identifier: 'c', node_type: 'ra3.xlplus', publicly_accessible: true } } },
      { description: 'fails when publicly_accessible is not set (default differs by provider version)', resources: { 'aws_redshift_cluster.c': { cluster_identifier: 'c', node_type: 'ra3.xlplus' } } },
    ],
  },
};
