import { attr, blocks, num } from '../../model/attrs';
import type { CheckContext, ResourceRule, Verdict } from '../../engine/types';
import type { Resource } from '../../model/types';
import { combine, ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

/** AWS managed response-headers policies that include Strict-Transport-Security. */
const MANAGED_HSTS = new Set(['67f7725c-6f97-4210-82d7-5512b31e9d03', 'eaab4381-ed33-4a86-88ca-d9558dc6cd63']); // SecurityHeadersPolicy, CORS-with-preflight-and-SecurityHeadersPolicy
const ONE_YEAR = 31536000;

function judgeBehavior(ctx: CheckContext, d: Resource, b: Readonly<Record<string, unknown>>, where: string): Verdict {
  const path = `${where}.response_headers_policy_id`;
  const a = attr(b as never, 'response_headers_policy_id');
  if (a.state === 'absent' || (a.state === 'known' && !a.value)) return fail(`${path} is not set; no Strict-Transport-Security header is sent`, ev(path, a));
  if (a.state === 'known') return MANAGED_HSTS.has(String(a.value)) ? pass(`${path} is a managed security-headers policy`, ev(path, a)) : unknown(`${path} names a policy outside these inputs; HSTS cannot be verified`, ev(path, a));
  const pols = ctx.graph.deref(d, `${where.replace(/\[\d+\]$/, '')}.response_headers_policy_id`).resources.filter((r) => r.type === 'aws_cloudfront_response_headers_policy');
  if (!pols.length) return unknown(unknownMessage(path), ev(path, a));
  const p = pols[0];
  const hsts = blocks(p, 'security_headers_config.strict_transport_security');
  if (!hsts.length) return fail(`${p.address} has no security_headers_config.strict_transport_security`, evv(`${p.address}.strict_transport_security`, null));
  const age = attr(hsts[0] as never, 'access_control_max_age_sec');
  if (age.state === 'unknown') return unknown(unknownMessage(`${p.address}.access_control_max_age_sec`), ev('access_control_max_age_sec', age));
  const n = num(age) ?? 0;
  return n >= ONE_YEAR ? pass(`${p.address} sends HSTS for ${n} s`, ev('access_control_max_age_sec', age)) : fail(`${p.address} HSTS access_control_max_age_sec is ${n}, less than one year`, ev('access_control_max_age_sec', age));
}

export const cloudfrontHsts: ResourceRule = {
  id: 'COM-06c',
  control: 'COM-06',
  title: 'CloudFront behaviors send a Strict-Transport-Security header (max-age ≥ 1 year)',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'Redirect-to-https still lets the first request of a session go out over HTTP, where it can be intercepted and downgraded. HSTS tells browsers never to use HTTP for the domain.',
  remediation: 'Attach an aws_cloudfront_response_headers_policy with security_headers_config.strict_transport_security (max age ≥ 31536000, include subdomains, override) via response_headers_policy_id, or the managed SecurityHeadersPolicy.',
  check(d, ctx) {
    const verdicts = [
      ...blocks(d, 'default_cache_behavior').map((b) => judgeBehavior(ctx, d, b as never, 'default_cache_behavior')),
      ...blocks(d, 'ordered_cache_behavior').map((b, i) => judgeBehavior(ctx, d, b as never, `ordered_cache_behavior[${i}]`)),
    ];
    if (!verdicts.length) return unknown(unknownMessage('default_cache_behavior'));
    return combine(verdicts, 'every behavior sends HSTS');
  },
  examples: {
    pass: [
      {
        description: 'passes when the default behavior refers to a policy with one-year HSTS',
        resources: {
          'aws_cloudfront_response_headers_policy.h': { name: 'sec', security_headers_config: [{ strict_transport_security: [{ access_control_max_age_sec: 63072000, include_subdomains: true, override: true }] }] },
          'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only', response_headers_policy_id: '${aws_cloudfront_response_headers_policy.h.id}' }] },
        },
        target: 'aws_cloudfront_distribution.d',
      },
      { description: 'passes with the managed SecurityHeadersPolicy', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only', response_headers_policy_id: '67f7725c-6f97-4210-82d7-5512b31e9d03' }] } } },
    ],
    fail: [
      { description: 'fails when no response headers policy is set', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only' }] } } },
      {
        description: 'fails when the policy has no strict_transport_security',
        resources: {
          'aws_cloudfront_response_headers_policy.h': { name: 'sec', security_headers_config: [{ content_type_options: [{ override: true }] }] },
          'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only', response_headers_policy_id: '${aws_cloudfront_response_headers_policy.h.id}' }] },
        },
        target: 'aws_cloudfront_distribution.d',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the HSTS max age is known only after apply',
        resources: {
          'aws_cloudfront_response_headers_policy.h': { name: 'sec', security_headers_config: [{ strict_transport_security: [{ access_control_max_age_sec: 63072000, override: true }] }] },
          'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only', response_headers_policy_id: '${aws_cloudfront_response_headers_policy.h.id}' }] },
        },
        unknown: { 'aws_cloudfront_response_headers_policy.h': ['security_headers_config.strict_transport_security.access_control_max_age_sec'] },
        target: 'aws_cloudfront_distribution.d',
      },
    ],
  },
};
