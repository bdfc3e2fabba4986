import type { ResourceRule } from '../../engine/types';
import { AVL } from './_shared';
import { expectBoolCfg } from '../helpers';

export const lbDeletionProtection: ResourceRule = {
  id: 'BAK-12a',
  control: 'BAK-12',
  title: 'Application / network load balancers have deletion protection enabled',
  strategy: 6,
  citations: AVL,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lb', 'aws_alb'],
  scope: 'resource',
  rationale: 'Deleting the load balancer in front of a clinical application is an outage whose fix (new DNS name, certificates, WAF association) takes far longer than the mistake. enable_deletion_protection is off by default.',
  remediation: 'Set enable_deletion_protection = true on the load balancer.',
  anchors: { cdkNag: ['HIPAA.Security-ELBDeletionProtectionEnabled'], awsConfig: ['elb-deletion-protection-enabled'], checkov: ['CKV_AWS_150'] },
  check(lb) {
    return expectBoolCfg(lb, 'enable_deletion_protection', true, false, 'the load balancer can be deleted by a single API call');
  },
  examples: {
    pass: [
      { description: 'passes when a network load balancer enables deletion protection', resources: { 'aws_lb.l': { name: 'nlb', load_balancer_type: 'network', enable_deletion_protection: true } } },
      { description: 'passes with enable_deletion_protection = true', resources: { 'aws_lb.l': { name: 'app', enable_deletion_protection: true } } }],
    fail: [
      { description: 'fails when an aws_alb sets enable_deletion_protection = false', resources: { 'aws_alb.l': { name: 'app', enable_deletion_protection: false } } },
      { description: 'fails when enable_deletion_protection is not set', resources: { 'aws_lb.l': { name: 'app' } } }],
    unknown: [{ description: 'is unknown when enable_deletion_protection is known only after apply', resources: { 'aws_lb.l': { name: 'app', enable_deletion_protection: true } }, unknown: { 'aws_lb.l': ['enable_deletion_protection'] } }],
  },
};
