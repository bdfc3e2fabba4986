import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, notApplicable, unknown, unknownMessage } from '../helpers';
import { expectBoolCfg } from '../helpers';

/** Previous-generation families where EBS optimization is optional (newer families are EBS-optimized by default; t1/t2 cannot be). */
const OPTIONAL = /^(c1|c3|g2|i2|m1|m2|m3|r3)\./;

export const ec2EbsOptimized: ResourceRule = {
  id: 'BAK-15a',
  control: 'BAK-15',
  title: 'EC2 instances whose type supports optional EBS optimization have it enabled',
  strategy: 6,
  citations: ['164.308(a)(7)(i)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_instance'],
  scope: 'resource',
  rationale: 'Without EBS optimization, storage I/O shares the instance’s network link; under load the database or application stalls. Current-generation types are EBS-optimized by default; older types (c3, m3, r3, i2, …) need ebs_optimized = true.',
  remediation: 'Set ebs_optimized = true, or move to a current-generation instance type (EBS-optimized by default).',
  anchors: { cdkNag: ['HIPAA.Security-EC2EBSOptimizedInstance'], awsConfig: ['ebs-optimized-instance'], checkov: ['CKV_AWS_135'] },
  check(vm) {
    const t = attr(vm, 'instance_type');
    if (t.state === 'unknown' || t.state === 'sensitive') return unknown(unknownMessage('instance_type'), ev('instance_type', t));
    const type = str(t) ?? '';
    if (!OPTIONAL.test(type)) return notApplicable(`${type || 'this instance type'} is EBS-optimized by default or does not support it`);
    return expectBoolCfg(vm, 'ebs_optimized', true, false, `${type} shares storage and network bandwidth`);
  },
  examples: {
    pass: [{ description: 'passes when an m3 instance sets ebs_optimized = true', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 'm3.xlarge', ebs_optimized: true } } }],
    fail: [{ description: 'fails when a c3 instance does not set ebs_optimized', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 'c3.2xlarge' } } }],
    unknown: [{ description: 'is unknown when instance_type is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 'm3.xlarge', ebs_optimized: true } }, unknown: { 'aws_instance.i': ['instance_type'] } }],
  },
};
