import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass } from '../helpers';

export const wafProtection: ResourceRule = {
  id: 'COM-15a',
  control: 'COM-15',
  title: 'Internet-facing load balancers and API stages are protected by AWS WAF',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  resourceTypes: ['aws_lb', 'aws_api_gateway_stage'],
  scope: 'resource',
  rationale: 'A web ACL in front of public endpoints filters injection and credential-stuffing traffic before it reaches applications that serve PHI.',
  remediation: 'Associate an aws_wafv2_web_acl with the load balancer or stage through aws_wafv2_web_acl_association (resource_arn).',
  anchors: { awsConfig: ['alb-waf-enabled', 'api-gw-associated-with-waf'], checkov: ['CKV2_AWS_28', 'CKV2_AWS_29'] },
  check(r, ctx) {
    if (r.type === 'aws_lb') {
      if (attr(r, 'internal').state === 'known' && (attr(r, 'internal') as { value: unknown }).value === true) return notApplicable('internal load balancer');
      if ((str(attr(r, 'load_balancer_type')) ?? 'application') !== 'application') return notApplicable('not an application load balancer');
    }
    const assoc = ctx.graph.related(r, 'aws_wafv2_web_acl_association', 'resource_arn');
    const legacy = r.type === 'aws_api_gateway_stage' && attr(r, 'web_acl_arn').state !== 'absent';
    return assoc.length || legacy ? pass(`protected by ${assoc[0]?.address ?? 'web_acl_arn'}`) : fail('no aws_wafv2_web_acl_association refers to it', { attribute: 'aws_wafv2_web_acl_association.resource_arn', value: '(none)' });
  },
  examples: {
    pass: [{ description: 'passes when a web ACL is associated with the ALB', resources: { 'aws_lb.alb': { name: 'portal', load_balancer_type: 'application' }, 'aws_wafv2_web_acl_association.a': { resource_arn: '${aws_lb.alb.arn}', web_acl_arn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/phi/1' } }, target: 'aws_lb.alb' }],
    fail: [{ description: 'fails for a public ALB without WAF', resources: { 'aws_lb.alb': { name: 'portal', load_balancer_type: 'application', internal: false } }, target: 'aws_lb.alb' }],
  },
};
