import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, expectBool, fail, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const cloudfrontMinTls: ResourceRule = {
  id: 'COM-05b',
  control: 'COM-05',
  title: 'CloudFront uses a custom ACM certificate with minimum protocol TLSv1.2_2021',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'With the default *.cloudfront.net certificate CloudFront negotiates TLS 1.0; only a custom certificate lets the distribution set a TLS 1.2 minimum with modern ciphers.',
  remediation: 'Set viewer_certificate { acm_certificate_arn = <cert>, ssl_support_method = "sni-only", minimum_protocol_version = "TLSv1.2_2021" }.',
  anchors: { checkov: ['CKV_AWS_174', 'CKV2_AWS_42'] },
  check(d) {
    const dflt = expectBool(d, 'viewer_certificate.cloudfront_default_certificate', false, false, 'the default certificate allows TLS 1.0');
    if (dflt.status !== 'pass') return dflt;
    const a = attr(d, 'viewer_certificate.minimum_protocol_version');
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage('viewer_certificate.minimum_protocol_version'), ev('viewer_certificate.minimum_protocol_version', a));
    const v = str(a);
    if (attr(d, 'viewer_certificate.acm_certificate_arn').state === 'absent' && attr(d, 'viewer_certificate.iam_certificate_id').state === 'absent') return fail('viewer_certificate names no custom certificate', ev('viewer_certificate.acm_certificate_arn', attr(d, 'viewer_certificate.acm_certificate_arn')));
    return v && /^TLSv1\.2_20(19|21)$|^TLSv1\.3/.test(v) ? pass(`minimum_protocol_version is ${v}`, ev('viewer_certificate.minimum_protocol_version', a)) : fail(`viewer_certificate.minimum_protocol_version is ${v ?? 'not set (TLSv1)'}, below TLSv1.2_2021`, ev('viewer_certificate.minimum_protocol_version', a));
  },
  examples: {
    pass: [{ description: 'passes with an ACM certificate and TLSv1.2_2021', resources: { 'aws_cloudfront_distribution.d': { enabled: true, viewer_certificate: [{ acm_certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/x', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1.2_2021' }] } } }],
    fail: [
      { description: 'fails with the default CloudFront certificate', resources: { 'aws_cloudfront_distribution.d': { enabled: true, viewer_certificate: [{ cloudfront_default_certificate: true }] } } },
      { description: 'fails with minimum_protocol_version TLSv1', resources: { 'aws_cloudfront_distribution.d': { enabled: true, viewer_certificate: [{ acm_certificate_arn: 'arn:c', ssl_support_method: 'sni-only', minimum_protocol_version: 'TLSv1' }] } } },
    ],
    unknown: [
      { description: 'is unknown when minimum_protocol_version is known only after apply', resources: { 'aws_cloudfront_distribution.d': { enabled: true, viewer_certificate: [{ acm_certificate_arn: 'arn:c', minimum_protocol_version: 'TLSv1.2_2021' }] } }, unknown: { 'aws_cloudfront_distribution.d': ['viewer_certificate.minimum_protocol_version'] } },
    ],
  },
};
