import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';
import { isTls12Policy } from './listener-tls-policy';

/** SSL protocol attributes that must not be enabled in a custom negotiation policy. */
const WEAK = ['Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];

export const clbTlsPolicy: ResourceRule = {
  id: 'COM-02b',
  control: 'COM-02',
  title: 'Classic Load Balancer SSL negotiation policies allow TLS 1.2+ only',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_load_balancer_policy'],
  scope: 'resource',
  rationale: 'A Classic Load Balancer negotiates TLS according to its SSLNegotiationPolicyType policy; predefined policies older than ELBSecurityPolicy-TLS-1-2-2017-01, or custom ones enabling SSLv3/TLS 1.0/1.1, expose PHI to downgrade attacks.',
  remediation: 'Set policy_attribute { name = "Reference-Security-Policy", value = "ELBSecurityPolicy-TLS-1-2-2017-01" } (or newer), or migrate to an ALB with a TLS 1.3 policy.',
  anchors: { awsConfig: ['elb-predefined-security-policy-ssl-check'], checkov: ['CKV_AWS_213'] },
  check(p) {
    const t = attr(p, 'policy_type_name');
    if (t.state === 'unknown') return unknown(unknownMessage('policy_type_name'), ev('policy_type_name', t));
    if (str(t) !== 'SSLNegotiationPolicyType') return notApplicable(`policy_type_name is ${str(t) ?? '(not set)'}`);
    if (attr(p, 'policy_attribute').state === 'unknown') return unknown(unknownMessage('policy_attribute'), evv('policy_attribute', '(known after apply)'));
    const attrs = blocks(p, 'policy_attribute').map((a) => ({ name: attr(a as never, 'name'), value: attr(a as never, 'value') }));
    if (attrs.some((a) => a.name.state !== 'known' || a.value.state === 'unknown')) return unknown(unknownMessage('policy_attribute'), evv('policy_attribute', '(known after apply)'));
    const ref = attrs.find((a) => str(a.name) === 'Reference-Security-Policy');
    if (ref) {
      const v = str(ref.value) ?? '';
      return isTls12Policy(v) ? pass(`Reference-Security-Policy is ${v}`, ev('policy_attribute[Reference-Security-Policy]', ref.value)) : fail(`Reference-Security-Policy is ${v}, which allows TLS below 1.2`, ev('policy_attribute[Reference-Security-Policy]', ref.value));
    }
    const weak = attrs.filter((a) => WEAK.includes(str(a.name) ?? '') && String(str(a.value)).toLowerCase() === 'true').map((a) => str(a.name));
    if (weak.length) return fail(`the custom policy enables ${weak.join(', ')}`, evv('policy_attribute', weak.join(', ')));
    const tls12 = attrs.some((a) => str(a.name) === 'Protocol-TLSv1.2' && String(str(a.value)).toLowerCase() === 'true');
    return tls12 ? pass('the custom policy enables only TLS 1.2') : fail('the custom policy neither references a predefined policy nor enables Protocol-TLSv1.2', evv('policy_attribute', null));
  },
  examples: {
    pass: [
      { description: 'passes with Reference-Security-Policy ELBSecurityPolicy-TLS-1-2-2017-01', resources: { 'aws_load_balancer_policy.p': { load_balancer_name: 'clb', policy_name: 'tls12', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] } } },
    ],
    fail: [
      { description: 'fails with Reference-Security-Policy ELBSecurityPolicy-2016-08', resources: { 'aws_load_balancer_policy.p': { load_balancer_name: 'clb', policy_name: 'old', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-2016-08' }] } } },
      { description: 'fails when a custom policy enables Protocol-TLSv1', resources: { 'aws_load_balancer_policy.p': { load_balancer_name: 'clb', policy_name: 'custom', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Protocol-TLSv1', value: 'true' }, { name: 'Protocol-TLSv1.2', value: 'true' }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when the referenced policy name is known only after apply',
        resources: { 'aws_load_balancer_policy.p': { load_balancer_name: 'clb', policy_name: 'tls12', policy_type_name: 'SSLNegotiationPolicyType', policy_attribute: [{ name: 'Reference-Security-Policy', value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] } },
        unknown: { 'aws_load_balancer_policy.p': ['policy_attribute.value'] },
      },
    ],
  },
};
