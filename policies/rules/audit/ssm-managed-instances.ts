import type { GraphRule } from '../../engine/types';
import { fail, notApplicable, pass } from '../helpers';

export const ssmManagedInstances: GraphRule = {
  id: 'AUD-19',
  control: 'AUD-19',
  title: 'EC2 instances are patched through Systems Manager (patch baseline and association)',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  resourceTypes: ['aws_instance', 'aws_ssm_association', 'aws_ssm_patch_baseline', 'aws_ssm_maintenance_window_task'],
  scope: 'account',
  rationale: 'Hosts that process PHI must receive security patches on a schedule; Systems Manager patch baselines with an association or maintenance window make that declared and auditable. Whether each instance is compliant is a runtime fact AWS Config reports.',
  remediation: 'Declare an aws_ssm_patch_baseline and an aws_ssm_association (AWS-RunPatchBaseline) or a maintenance window task targeting the instances, and give instances a role with AmazonSSMManagedInstanceCore.',
  anchors: { awsConfig: ['ec2-instance-managed-by-systems-manager'] },
  check(ctx) {
    const instances = ctx.graph.ofType('aws_instance');
    if (!instances.length) return [notApplicable('no EC2 instances')];
    const declared = ['aws_ssm_association', 'aws_ssm_maintenance_window_task'].some((t) => ctx.graph.ofType(t).length > 0);
    return declared ? [pass('a Systems Manager association or maintenance window task is declared')] : [fail(`${instances.length} EC2 instance(s) but no Systems Manager patch association or maintenance window task`, { attribute: 'aws_ssm_association', value: '(none)' })];
  },
  examples: {
    pass: [{ description: 'passes with a patch association', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' }, 'aws_ssm_association.patch': { name: 'AWS-RunPatchBaseline', targets: [{ key: 'tag:Patch', values: ['yes'] }] } } }],
    fail: [{ description: 'fails when instances have no patching declared', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro' } } }],
  },
};
