import { attr, computedOnly, str, undecided } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const acmDnsValidated: ResourceRule = {
  id: 'COM-03',
  control: 'COM-03',
  title: 'Listener certificates are ACM certificates validated by DNS (auto-renewing)',
  strategy: 5,
  citations: TLS,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  scope: 'resource',
  rationale: 'An expired or imported certificate breaks TLS or tempts teams to fall back to HTTP. ACM certificates validated by DNS renew automatically; email-validated or imported ones need a human every year.',
  remediation: 'Set certificate_arn to an aws_acm_certificate with validation_method = "DNS" (and its aws_acm_certificate_validation).',
  anchors: {
    cdkNag: ['HIPAA.Security-ELBv2ACMCertificateRequired', 'HIPAA.Security-ELBACMCertificateRequired'],
    awsConfig: ['elbv2-acm-certificate-required', 'elb-acm-certificate-required', 'acm-certificate-expiration-check'],
    checkov: ['CKV_AWS_127'],
  },
  check(l, ctx) {
    const proto = (str(attr(l, 'protocol')) ?? 'HTTP').toUpperCase();
    if (proto !== 'HTTPS' && proto !== 'TLS') return notApplicable(`protocol ${proto}: no certificate`);
    const a = attr(l, 'certificate_arn');
    if (a.state === 'absent') return fail('certificate_arn is not set', ev('certificate_arn', a));
    const v = str(a);
    if (v !== undefined) return /^arn:aws[\w-]*:acm:/.test(v) ? pass('certificate_arn is an ACM certificate', ev('certificate_arn', a)) : fail(`certificate_arn ${v} is not an ACM certificate (IAM server certificate)`, ev('certificate_arn', a));
    const certs = ctx.graph.deref(l, 'certificate_arn').resources;
    const acm = certs.find((c) => c.type === 'aws_acm_certificate');
    if (!acm) {
      const val = certs.find((c) => c.type === 'aws_acm_certificate_validation');
      if (val) return pass(`certificate_arn comes from ${val.address} (DNS or email validated ACM certificate)`, ev('certificate_arn', a));
      if (certs.some((c) => c.type === 'aws_iam_server_certificate')) return fail('certificate_arn is an IAM server certificate, not ACM', ev('certificate_arn', a));
      return unknown(unknownMessage('certificate_arn'), ev('certificate_arn', a));
    }
    if (attr(acm, 'private_key').state !== 'absent') return fail(`${acm.address} is an imported certificate; it does not renew automatically`, ev('certificate_arn', a));
    const ma = attr(acm, 'validation_method');
    if (undecided(ma) && !computedOnly(ma)) return unknown(`${acm.address}.validation_method is known only after apply`, ev(`${acm.address}.validation_method`, ma));
    const m = str(ma);
    return m === 'DNS' ? pass(`${acm.address} is DNS-validated`, ev('certificate_arn', a)) : fail(`${acm.address}.validation_method is ${m ?? '(not set)'}, not DNS`, ev('certificate_arn', a));
  },
  examples: {
    pass: [
      {
        description: 'passes with a DNS-validated ACM certificate by reference',
        resources: { 'aws_acm_certificate.c': { domain_name: 'app.example.com', validation_method: 'DNS' }, 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', certificate_arn: '${aws_acm_certificate.c.arn}', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } },
        target: 'aws_lb_listener.l',
      },
    ],
    fail: [
      {
        description: 'fails with an EMAIL-validated certificate',
        resources: { 'aws_acm_certificate.c': { domain_name: 'app.example.com', validation_method: 'EMAIL' }, 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', certificate_arn: '${aws_acm_certificate.c.arn}', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } },
        target: 'aws_lb_listener.l',
      },
      { description: 'fails with an IAM server certificate ARN', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', certificate_arn: 'arn:aws:iam::111122223333:server-certificate/app', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } } },
    ],
    unknown: [
      { description: 'is unknown when certificate_arn is known only after apply', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:lb', port: 443, protocol: 'HTTPS', certificate_arn: 'x', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] } }, unknown: { 'aws_lb_listener.l': ['certificate_arn'] } },
    ],
  },
};
