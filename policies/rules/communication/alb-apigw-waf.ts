import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { cfgAttr, ev, fail, noneJoined, notApplicable, pass, unknown, unknownMessage } from '../helpers';

export const albApigwWaf: ResourceRule = {
  id: 'COM-15a',
  control: 'COM-15',
  title: 'Internet-facing ALBs and API Gateway REST stages are associated with a WAFv2 web ACL',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lb', 'aws_alb', 'aws_api_gateway_stage'],
  scope: 'resource',
  rationale: 'Public entry points to PHI applications receive injection, credential-stuffing and bot traffic; a WAF web ACL filters it before the application sees it (protection from malicious software, 164.308(a)(5)(ii)(B)).',
  remediation: 'Declare an aws_wafv2_web_acl_association with resource_arn = the ALB (or API stage) ARN and a REGIONAL web ACL; for REST stages web_acl_arn on the stage also works.',
  anchors: { awsConfig: ['alb-waf-enabled', 'api-gw-associated-with-waf'], checkov: ['CKV2_AWS_28', 'CKV2_AWS_29'] },
  check(res, ctx) {
    if (res.type !== 'aws_api_gateway_stage') {
      const t = str(attr(res, 'load_balancer_type')) ?? 'application';
      if (t !== 'application') return notApplicable(`load_balancer_type ${t}: WAF attaches to ALBs only`);
      const internal = attr(res, 'internal');
      if (internal.state === 'unknown') return unknown(unknownMessage('internal'), ev('internal', internal));
      if (internal.state === 'known' && internal.value === true) return notApplicable('internal load balancer');
    } else {
      // Left out of the configuration, the plan shows web_acl_arn computed: that is no web ACL.
      const acl = cfgAttr(res, 'web_acl_arn');
      if (acl.state !== 'absent' && !(acl.state === 'known' && acl.value === '')) return pass('web_acl_arn is set on the stage', ev('web_acl_arn', acl));
    }
    const assoc = ctx.graph.related(res, 'aws_wafv2_web_acl_association', 'resource_arn');
    return assoc.length
      ? pass(`${assoc[0].address} associates a web ACL`)
      : noneJoined(ctx, res, 'aws_wafv2_web_acl_association', 'resource_arn', fail('no aws_wafv2_web_acl_association refers to this resource; it is not protected by WAF', { attribute: 'aws_wafv2_web_acl_association.resource_arn', value: '(none)' }));
  },
  examples: {
    pass: [
      { description: 'passes when the REST stage sets web_acl_arn', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd', web_acl_arn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/phi/0000' } } },
      {
        description: 'passes when a web ACL association refers to the ALB',
        resources: { 'aws_lb.a': { name: 'app' }, 'aws_wafv2_web_acl.w': { name: 'app', scope: 'REGIONAL' }, 'aws_wafv2_web_acl_association.x': { resource_arn: '${aws_lb.a.arn}', web_acl_arn: '${aws_wafv2_web_acl.w.arn}' } },
        target: 'aws_lb.a',
      },
    ],
    fail: [
      { description: 'fails when an internet-facing ALB has no web ACL association', resources: { 'aws_lb.a': { name: 'app', internal: false } } },
      { description: 'fails when an API Gateway stage has no web ACL', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' } } },
    ],
    unknown: [{ description: 'is unknown when internal is known only after apply', resources: { 'aws_lb.a': { name: 'app', internal: false } }, unknown: { 'aws_lb.a': ['internal'] } }],
  },
};
