import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const cloudfrontS3Oac: ResourceRule = {
  id: 'COM-06b',
  control: 'COM-06',
  title: 'CloudFront S3 origins use Origin Access Control',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_cloudfront_distribution'],
  scope: 'resource',
  rationale: 'Origin Access Control signs every origin request (SigV4, HTTPS), so the bucket can stay private and accept only this distribution. Legacy origin access identities do not support SSE-KMS buckets, and no OAC at all means the bucket must be public.',
  remediation: 'Declare an aws_cloudfront_origin_access_control (signing_behavior always, sigv4) and set origin_access_control_id on every S3 origin.',
  anchors: { checkov: ['CKV_AWS_259', 'CKV2_AWS_32'] },
  check(d) {
    const verdicts: Verdict[] = [];
    blocks(d, 'origin').forEach((o, i) => {
      if (blocks(o as never, 'custom_origin_config').length) return;
      const dn = attr(o as never, 'domain_name');
      const name = str(dn);
      if (name !== undefined && !/\.s3[.-]/.test(name)) return;
      const oac = attr(o as never, 'origin_access_control_id');
      const where = `origin[${i}].origin_access_control_id`;
      if (oac.state === 'absent' || (oac.state === 'known' && !oac.value)) verdicts.push(fail(`${where} is not set on S3 origin ${name ?? '(computed domain)'}`, ev(where, oac)));
      else if (oac.state === 'unknown' && !oac.value.refs.length) verdicts.push(unknown(unknownMessage(where), ev(where, oac)));
      else verdicts.push(pass(`${where} is set`, ev(where, oac)));
    });
    if (!verdicts.length) return notApplicable('no S3 origins');
    return combine(verdicts, 'every S3 origin uses Origin Access Control');
  },
  examples: {
    pass: [
      {
        description: 'passes when the S3 origin refers to an origin access control',
        resources: {
          'aws_cloudfront_origin_access_control.o': { name: 'phi', origin_access_control_origin_type: 's3', signing_behavior: 'always', signing_protocol: 'sigv4' },
          'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 's3', domain_name: 'phi.s3.us-east-1.amazonaws.com', origin_access_control_id: '${aws_cloudfront_origin_access_control.o.id}' }] },
        },
        target: 'aws_cloudfront_distribution.d',
      },
    ],
    fail: [{ description: 'fails when an S3 origin has no origin access control', resources: { 'aws_cloudfront_distribution.d': { enabled: true, origin: [{ origin_id: 's3', domain_name: 'phi.s3.us-east-1.amazonaws.com' }] } } }],
  },
};
