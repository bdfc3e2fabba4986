import type { ResourceRule } from '../../engine/types';
import { PUB, boolCases, expectBoolC } from './_shared';

export const dmsNotPublic: ResourceRule = {
  id: 'ACC-14c',
  control: 'ACC-14',
  title: 'DMS replication instances are not publicly accessible',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_dms_replication_instance'],
  scope: 'resource',
  rationale: 'A replication instance reads whole PHI databases; with a public IP it is an internet-facing copy path. The provider default is true.',
  remediation: 'Set publicly_accessible = false on aws_dms_replication_instance.',
  anchors: { cdkNag: ['HIPAA.Security-DMSReplicationNotPublic'], awsConfig: ['dms-replication-not-public'], checkov: ['CKV_AWS_89'] },
  check(r) {
    return expectBoolC(r, 'publicly_accessible', false, true, 'the replication instance gets a public IP');
  },
  examples: {
    ...boolCases('aws_dms_replication_instance.r', 'publicly_accessible', { replication_instance_id: 'r', replication_instance_class: 'dms.t3.micro' }, false, ''),
    fail: [
      { description: 'fails when publicly_accessible is not set (provider default true)', resources: { 'aws_dms_replication_instance.r': { replication_instance_id: 'r', replication_instance_class: 'dms.t3.micro' } } },
      { description: 'fails when publicly_accessible is true', resources: { 'aws_dms_replication_instance.r': { replication_instance_id: 'r', replication_instance_class: 'dms.t3.micro', publicly_accessible: true } } },
    ],
  },
};
