import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const cloudfrontViewerHttps: ResourceRule = {
  id: 'COM-05a',
  control: 'COM-05',
  title: 'CloudFront cache behaviors require HTTPS from viewers (https-only or redirect-to-https)',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security and 164.312(e)(2)(ii) encryption: viewers must reach CloudFront over HTTPS' },
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'A behavior with viewer_protocol_policy allow-all serves PHI responses over plain HTTP to any viewer that asks for them.',
  remediation: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on the default and every ordered cache behavior.',
  anchors: { checkov: ['CKV_AWS_34'] },
  check(d) {
    const judge = (b: Readonly<Record<string, unknown>>, where: string): Verdict => {
      const a = attr(b as never, 'viewer_protocol_policy');
      if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(`${where}.viewer_protocol_policy`), ev(`${where}.viewer_protocol_policy`, a));
      const v = str(a);
      return v === 'https-only' || v === 'redirect-to-https' ? pass(`${where} is ${v}`, ev(`${where}.viewer_protocol_policy`, a)) : fail(`${where}.viewer_protocol_policy is ${v ?? '(not set)'}; viewers may use HTTP`, ev(`${where}.viewer_protocol_policy`, a));
    };
    const verdicts = [
      ...blocks(d, 'default_cache_behavior').map((b) => judge(b as never, 'default_cache_behavior')),
      ...blocks(d, 'ordered_cache_behavior').map((b, i) => judge(b as never, `ordered_cache_behavior[${i}]`)),
    ];
    if (!verdicts.length) return unknown(unknownMessage('default_cache_behavior'));
    return combine(verdicts, 'every cache behavior requires HTTPS');
  },
  examples: {
    pass: [{ description: 'passes with redirect-to-https on the default behavior', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'redirect-to-https' }] } } }],
    fail: [
      { description: 'fails when the default behavior allows all', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'allow-all' }] } } },
      {
        description: 'fails when an ordered behavior allows all',
        resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only' }], ordered_cache_behavior: [{ path_pattern: '/api/*', target_origin_id: 'o', viewer_protocol_policy: 'allow-all' }] } },
      },
    ],
    unknown: [
      { description: 'is unknown when viewer_protocol_policy is known only after apply', resources: { 'aws_cloudfront_distribution.d': { enabled: true, default_cache_behavior: [{ target_origin_id: 'o', viewer_protocol_policy: 'https-only' }] } }, unknown: { 'aws_cloudfront_distribution.d': ['default_cache_behavior.viewer_protocol_policy'] } },
    ],
  },
};
