import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';

const OLD = /^(SSLv3|TLSv1|TLSv1_2016|TLSv1\.1_2016)$/;

export const cloudfrontViewerHttps: ResourceRule = {
  id: 'COM-05',
  control: 'COM-05',
  title: 'CloudFront serves viewers only over HTTPS with TLS 1.2+',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'Every cache behavior must refuse or redirect plain HTTP, and the viewer certificate must not negotiate TLS below 1.2, or PHI delivered through the CDN can travel unencrypted.',
  remediation: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on every cache behavior and viewer_certificate { minimum_protocol_version = "TLSv1.2_2021", acm_certificate_arn = … }.',
  anchors: { checkov: ['CKV_AWS_34', 'CKV_AWS_174'] },
  check(d) {
    const behaviors = [...blocks(d, 'default_cache_behavior'), ...blocks(d, 'ordered_cache_behavior')];
    if (behaviors.some((b) => b instanceof Unknown)) return unknown('cache behaviors are known only after apply');
    for (const b of behaviors) {
      const p = attr(b as never, 'viewer_protocol_policy');
      if (p.state === 'unknown') return unknown('viewer_protocol_policy is known only after apply');
      if (str(p) === 'allow-all') return fail('a cache behavior allows plain HTTP (viewer_protocol_policy = allow-all)', { attribute: 'viewer_protocol_policy', value: 'allow-all' });
    }
    const v = attr(d, 'viewer_certificate.minimum_protocol_version');
    const def = attr(d, 'viewer_certificate.cloudfront_default_certificate');
    if (def.state === 'known' && def.value === true) return fail('the default *.cloudfront.net certificate allows TLS 1.0', { attribute: 'viewer_certificate.cloudfront_default_certificate', value: 'true' });
    if (v.state === 'unknown') return unknown('minimum_protocol_version is known only after apply');
    const min = str(v) ?? 'TLSv1';
    return OLD.test(min) ? fail(`minimum_protocol_version ${min} allows TLS below 1.2`, { attribute: 'viewer_certificate.minimum_protocol_version', value: min }) : pass(`HTTPS only, minimum ${min}`);
  },
  examples: {
    pass: [{ description: 'passes with redirect-to-https and TLSv1.2_2021', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ viewer_protocol_policy: 'redirect-to-https', target_origin_id: 'o' }], viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/c', minimum_protocol_version: 'TLSv1.2_2021', ssl_support_method: 'sni-only' }] } } }],
    fail: [
      { description: 'fails when a behavior allows all protocols', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ viewer_protocol_policy: 'allow-all', target_origin_id: 'o' }], viewer_certificate: [{ minimum_protocol_version: 'TLSv1.2_2021' }] } } },
      { description: 'fails with the default CloudFront certificate', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ viewer_protocol_policy: 'https-only', target_origin_id: 'o' }], viewer_certificate: [{ cloudfront_default_certificate: true }] } } },
    ],
    unknown: [{ description: 'is unknown when the protocol policy is known only after apply', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ viewer_protocol_policy: 'https-only', target_origin_id: 'o' }], viewer_certificate: [{ minimum_protocol_version: 'TLSv1.2_2021' }] } }, unknown: { 'aws_cloudfront_distribution.d': ['default_cache_behavior.viewer_protocol_policy'] } }],
  },
};
