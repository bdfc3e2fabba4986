import { attr } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';
import { PUB, expectBoolC } from './_shared';

export const ecsServiceNoPublicIp: ResourceRule = {
  id: 'ACC-16e',
  control: 'ACC-16',
  title: 'ECS services do not assign public IP addresses to tasks',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a task with a public IP is addressable from the internet, the exposure AWS Config ec2-instance-no-public-ip and autoscaling-launch-config-public-ip-disabled refuse for EC2 (ACC-16a, ACC-16c); Fargate tasks are ECS\'s instances' },
  resourceTypes: ['aws_ecs_service'],
  scope: 'resource',
  rationale: 'assign_public_ip gives every Fargate/awsvpc task an internet address; PHI services should sit in private subnets behind a load balancer.',
  remediation: 'Set network_configuration.assign_public_ip = false (the default) and use private subnets with VPC endpoints or NAT.',
  anchors: { checkov: ['CKV_AWS_333'] },
  check(svc) {
    if (attr(svc, 'network_configuration').state === 'absent') return notApplicable('no awsvpc network configuration');
    return expectBoolC(svc, 'network_configuration.assign_public_ip', false, false, 'tasks get public IPs');
  },
  examples: {
    pass: [{ description: 'passes when assign_public_ip is false', resources: { 'aws_ecs_service.s': { name: 's', network_configuration: [{ subnets: ['subnet-1'], assign_public_ip: false }] } } }],
    fail: [{ description: 'fails when assign_public_ip is true', resources: { 'aws_ecs_service.s': { name: 's', network_configuration: [{ subnets: ['subnet-1'], assign_public_ip: true }] } } }],
    unknown: [{ description: 'is unknown when assign_public_ip is known only after apply', resources: { 'aws_ecs_service.s': { name: 's', network_configuration: [{ subnets: ['subnet-1'], assign_public_ip: false }] } }, unknown: { 'aws_ecs_service.s': ['network_configuration.assign_public_ip'] } }],
  },
};
