import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';

export const listenerAcmCertificate: ResourceRule = {
  id: 'COM-03',
  control: 'COM-03',
  title: 'TLS listeners use certificates issued by ACM',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'medium',
  resourceTypes: ['aws_lb_listener'],
  scope: 'resource',
  rationale: 'ACM certificates renew automatically; an expired imported certificate either breaks TLS for PHI clients or tempts teams to fall back to HTTP.',
  remediation: 'Set certificate_arn to an aws_acm_certificate (DNS-validated) rather than an IAM server certificate.',
  anchors: { cdkNag: ['HIPAA.Security-ELBv2ACMCertificateRequired'], awsConfig: ['elbv2-acm-certificate-required', 'acm-certificate-expiration-check'], checkov: ['CKV_AWS_127'] },
  check(listener, ctx) {
    const proto = str(attr(listener, 'protocol')) ?? 'HTTP';
    if (!['HTTPS', 'TLS'].includes(proto)) return notApplicable('not a TLS listener');
    const cert = attr(listener, 'certificate_arn');
    if (cert.state === 'absent') return fail('no certificate_arn on a TLS listener', { attribute: 'certificate_arn', value: '(not set)' });
    if (cert.state === 'known') return /:acm:/.test(String(cert.value)) ? pass('certificate issued by ACM') : fail('certificate is not an ACM certificate', { attribute: 'certificate_arn', value: String(cert.value) });
    const t = ctx.graph.deref(listener, 'certificate_arn');
    if (t.resources.some((r) => r.type === 'aws_acm_certificate' || r.type === 'aws_acm_certificate_validation')) return pass('certificate from aws_acm_certificate');
    if (t.resources.some((r) => r.type === 'aws_iam_server_certificate')) return fail('certificate is an IAM server certificate, not ACM', { attribute: 'certificate_arn', value: t.resources[0].address });
    return unknown('the certificate is known only after apply');
  },
  examples: {
    pass: [{ description: 'passes with an ACM certificate by reference', resources: { 'aws_acm_certificate.c': { domain_name: 'portal.example.org', validation_method: 'DNS' }, 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', certificate_arn: '${aws_acm_certificate.c.arn}', default_action: [{ type: 'forward' }] } }, target: 'aws_lb_listener.https' }],
    fail: [{ description: 'fails with an IAM server certificate', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:aws:iam::111122223333:server-certificate/old', default_action: [{ type: 'forward' }] } } }],
    unknown: [{ description: 'is unknown when the certificate is known only after apply', resources: { 'aws_lb_listener.https': { load_balancer_arn: 'arn:x', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:aws:acm:us-east-1:111122223333:certificate/x', default_action: [{ type: 'forward' }] } }, unknown: { 'aws_lb_listener.https': ['certificate_arn'] } }],
  },
};
