import { attr, isSet, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { AVL } from './_shared';
import { cfgAttr } from '../helpers';

const ASG = { name: 'app', min_size: 2, max_size: 4, vpc_zone_identifier: ['subnet-1', 'subnet-2'] };

export const asgElbHealthCheck: ResourceRule = {
  id: 'BAK-12c',
  control: 'BAK-12',
  title: 'Auto Scaling groups behind a load balancer use ELB health checks',
  strategy: 6,
  citations: [...AVL, '164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_autoscaling_group'],
  scope: 'resource',
  rationale: 'With the default EC2 health check, an instance whose application is down but whose VM is running stays in service and keeps receiving patient traffic. ELB health checks replace instances the load balancer reports unhealthy.',
  remediation: 'Set health_check_type = "ELB" (and a health_check_grace_period) on Auto Scaling groups that serve a load balancer.',
  anchors: { cdkNag: ['HIPAA.Security-AutoScalingGroupELBHealthCheckRequired'], awsConfig: ['autoscaling-group-elb-healthcheck-required'], checkov: ['CKV2_AWS_15'] },
  check(asg, ctx) {
    const attached =
      isSet(attr(asg, 'target_group_arns')) ||
      isSet(attr(asg, 'load_balancers')) ||
      ctx.graph.related(asg, 'aws_autoscaling_attachment', 'autoscaling_group_name').length > 0 ||
      ctx.graph.related(asg, 'aws_autoscaling_traffic_source_attachment', 'autoscaling_group_name').length > 0;
    if (!attached) return notApplicable('the group is not attached to a load balancer');
    const a = cfgAttr(asg, 'health_check_type');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('health_check_type'), ev('health_check_type', a));
    const type = str(a) ?? 'EC2';
    if (type === 'ELB') return pass('health_check_type is ELB', ev('health_check_type', a));
    return fail(`health_check_type is ${type}${a.state === 'absent' ? ' (provider default, not set)' : ''}; instances failing load-balancer health checks stay in service`, ev('health_check_type', a));
  },
  examples: {
    pass: [
      { description: 'passes with target groups and health_check_type ELB', resources: { 'aws_autoscaling_group.g': { ...ASG, target_group_arns: ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1'], health_check_type: 'ELB' } } },
      { description: 'passes when attached by aws_autoscaling_attachment and health_check_type is ELB', resources: { 'aws_autoscaling_group.g': { ...ASG, health_check_type: 'ELB' }, 'aws_autoscaling_attachment.a': { autoscaling_group_name: '${aws_autoscaling_group.g.name}', lb_target_group_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1' } }, target: 'aws_autoscaling_group.g' },
    ],
    fail: [
      { description: 'fails when a group with target groups keeps the default EC2 health check', resources: { 'aws_autoscaling_group.g': { ...ASG, target_group_arns: ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1'] } } },
      { description: 'fails when a group attached by literal name uses health_check_type EC2', resources: { 'aws_autoscaling_group.g': { ...ASG, health_check_type: 'EC2' }, 'aws_autoscaling_attachment.a': { autoscaling_group_name: 'app', elb: 'legacy' } }, target: 'aws_autoscaling_group.g' },
    ],
    unknown: [{ description: 'is unknown when health_check_type is known only after apply', resources: { 'aws_autoscaling_group.g': { ...ASG, target_group_arns: ['arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1'], health_check_type: 'ELB' } }, unknown: { 'aws_autoscaling_group.g': ['health_check_type'] } }],
  },
};
