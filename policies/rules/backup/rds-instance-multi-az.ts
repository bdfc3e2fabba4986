import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const rdsInstanceMultiAz: ResourceRule = {
  id: 'BAK-06a',
  control: 'BAK-06',
  title: 'RDS DB instances are Multi-AZ',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale: 'A Multi-AZ instance keeps a synchronous standby in another Availability Zone and fails over in minutes, so clinical systems keep running through an AZ outage (emergency mode operation, 164.308(a)(7)(ii)(C)).',
  remediation: 'Set multi_az = true, or use the phikit HipaaDatabase construct.',
  construct: 'HipaaDatabase',
  anchors: { cdkNag: ['HIPAA.Security-RDSMultiAZSupport'], awsConfig: ['rds-multi-az-support'], checkov: ['CKV_AWS_157'] },
  check(db) {
    if (/^aurora/.test(str(attr(db, 'engine')) ?? '')) return notApplicable('Aurora instance: availability comes from cluster members in several AZs (BAK-06b)');
    if (attr(db, 'replicate_source_db').state !== 'absent') return notApplicable('read replica');
    return expectBoolCfg(db, 'multi_az', true, false, 'an Availability Zone outage takes the database down');
  },
  examples: {
    pass: [{ description: 'passes with multi_az = true', resources: { 'aws_db_instance.db': { engine: 'postgres', multi_az: true } } }],
    fail: [{ description: 'fails when multi_az is not set (provider default false)', resources: { 'aws_db_instance.db': { engine: 'postgres' } } }],
    unknown: [{ description: 'is unknown when multi_az is known only after apply', resources: { 'aws_db_instance.db': { engine: 'postgres', multi_az: true } }, unknown: { 'aws_db_instance.db': ['multi_az'] } }],
  },
};
