import type { ResourceRule } from '../../engine/types';
import { expectSet } from '../helpers';

export const cloudfrontWaf: ResourceRule = {
  id: 'COM-15b',
  control: 'COM-15',
  title: 'CloudFront distributions are protected by a WAFv2 web ACL',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'CloudFront is the internet edge of PHI applications; a WAF web ACL there filters injection, bot and abuse traffic before it reaches the origin (protection from malicious software, 164.308(a)(5)(ii)(B)).',
  remediation: 'Set web_acl_id to the ARN of a CLOUDFRONT-scoped aws_wafv2_web_acl.',
  anchors: { checkov: ['CKV_AWS_68'] },
  check(d) {
    return expectSet(d, 'web_acl_id', 'the distribution is not protected by WAF');
  },
  examples: {
    pass: [{ description: 'passes when web_acl_id refers to a web ACL', resources: { 'aws_wafv2_web_acl.w': { name: 'edge', scope: 'CLOUDFRONT' }, 'aws_cloudfront_distribution.d': { enabled: true, web_acl_id: '${aws_wafv2_web_acl.w.arn}' } }, target: 'aws_cloudfront_distribution.d' }],
    fail: [{ description: 'fails when web_acl_id is not set', resources: { 'aws_cloudfront_distribution.d': { enabled: true } } }],
  },
};
