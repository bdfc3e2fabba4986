import { attr, blocks, list, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const cloudfrontOriginHttps: ResourceRule = {
  id: 'COM-06a',
  control: 'COM-06',
  title: 'CloudFront custom origins are reached over HTTPS only, with TLS 1.2',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'HTTPS from the viewer is not enough: with origin_protocol_policy http-only or match-viewer, PHI travels from CloudFront to the origin in clear text, or over SSLv3/TLS 1.0 when those are allowed.',
  remediation: 'Set custom_origin_config { origin_protocol_policy = "https-only", origin_ssl_protocols = ["TLSv1.2"] } on every custom origin.',
  anchors: { checkov: ['CKV2_AWS_72', 'CKV2_AWS_46'] },
  check(d) {
    const verdicts: Verdict[] = [];
    blocks(d, 'origin').forEach((o, i) => {
      for (const c of blocks(o as never, 'custom_origin_config')) {
        const where = `origin[${i}].custom_origin_config`;
        const p = attr(c as never, 'origin_protocol_policy');
        const s = attr(c as never, 'origin_ssl_protocols');
        // Each setting is judged on its own: a known weak one fails even when the other is unknown.
        if (p.state === 'unknown' || p.state === 'sensitive') verdicts.push(unknown(unknownMessage(`${where}.origin_protocol_policy`), ev(`${where}.origin_protocol_policy`, p)));
        else if (str(p) !== 'https-only') verdicts.push(fail(`${where}.origin_protocol_policy is ${str(p) ?? '(not set)'}, not https-only`, ev(`${where}.origin_protocol_policy`, p)));
        if (s.state === 'unknown' || s.state === 'sensitive') verdicts.push(unknown(unknownMessage(`${where}.origin_ssl_protocols`), ev(`${where}.origin_ssl_protocols`, s)));
        else {
          const protos = (list(s) ?? []).map(String);
          const weak = protos.filter((x) => x !== 'TLSv1.2');
          if (weak.length) verdicts.push(fail(`${where}.origin_ssl_protocols allows ${weak.join(', ')}`, ev(`${where}.origin_ssl_protocols`, s)));
        }
        verdicts.push(pass(`${where} is https-only with TLSv1.2`));
      }
    });
    if (!verdicts.length) return notApplicable('no custom origins (S3 origins are judged by COM-06b)');
    return combine(verdicts, 'every custom origin is reached over HTTPS with TLS 1.2');
  },
  examples: {
    pass: [{ description: 'passes with https-only and TLSv1.2', resources: { 'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 'o', domain_name: 'api.example.com', custom_origin_config: [{ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }] }] } } }],
    fail: [
      { description: 'fails with origin_protocol_policy match-viewer', resources: { 'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 'o', domain_name: 'api.example.com', custom_origin_config: [{ http_port: 80, https_port: 443, origin_protocol_policy: 'match-viewer', origin_ssl_protocols: ['TLSv1.2'] }] }] } } },
      { description: 'fails when origin_ssl_protocols includes TLSv1', resources: { 'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 'o', domain_name: 'api.example.com', custom_origin_config: [{ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1', 'TLSv1.2'] }] }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when origin_protocol_policy is known only after apply',
        resources: { 'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 'o', domain_name: 'api.example.com', custom_origin_config: [{ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }] }] } },
        unknown: { 'aws_cloudfront_distribution.d': ['origin.custom_origin_config.origin_protocol_policy'] },
      },
    ],
  },
};
