import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const apigwDomainTls: ResourceRule = {
  id: 'COM-07a',
  control: 'COM-07',
  title: 'API Gateway custom domains use the TLS_1_2 security policy',
  strategy: 5,
  citations: TLS,
  severity: 'medium',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security and 164.312(e)(2)(ii) encryption: a TLS_1_0 custom domain negotiates protocol versions NIST SP 800-52r2 (the guidance HHS names for ePHI in transit) no longer accepts; the same as COM-02a for load balancer listeners' },
  resourceTypes: ['aws_api_gateway_domain_name', 'aws_apigatewayv2_domain_name'],
  scope: 'resource',
  rationale: 'A custom domain with security_policy TLS_1_0 lets clients negotiate deprecated TLS versions for PHI-bearing API calls.',
  remediation: 'Set security_policy = "TLS_1_2" (REST) or domain_name_configuration.security_policy = "TLS_1_2" (HTTP/WebSocket APIs).',
  anchors: { checkov: ['CKV_AWS_206'] },
  check(d) {
    const path = d.type === 'aws_apigatewayv2_domain_name' ? 'domain_name_configuration.security_policy' : 'security_policy';
    const a = attr(d, path);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(path), ev(path, a));
    const v = str(a);
    // REST domains default to TLS_1_0 when security_policy is not set.
    if (v === undefined && d.type === 'aws_api_gateway_domain_name') return fail(`${path} is not set (provider default TLS_1_0)`, ev(path, a));
    return v && /^TLS_1_[23]$|TLS13/.test(v) ? pass(`${path} is ${v}`, ev(path, a)) : fail(`${path} is ${v ?? '(not set)'}, not TLS_1_2`, ev(path, a));
  },
  examples: {
    pass: [
      { description: 'passes with security_policy TLS_1_2', resources: { 'aws_api_gateway_domain_name.d': { domain_name: 'api.example.com', security_policy: 'TLS_1_2', regional_certificate_arn: 'arn:c' } } },
      { description: 'passes with an HTTP API domain on TLS_1_2', resources: { 'aws_apigatewayv2_domain_name.d': { domain_name: 'api.example.com', domain_name_configuration: [{ certificate_arn: 'arn:c', endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }] } } },
    ],
    fail: [
      { description: 'fails when security_policy is not set (TLS_1_0)', resources: { 'aws_api_gateway_domain_name.d': { domain_name: 'api.example.com', regional_certificate_arn: 'arn:c' } } },
      { description: 'fails with security_policy TLS_1_0', resources: { 'aws_api_gateway_domain_name.d': { domain_name: 'api.example.com', security_policy: 'TLS_1_0' } } },
    ],
    unknown: [{ description: 'is unknown when security_policy is known only after apply', resources: { 'aws_api_gateway_domain_name.d': { domain_name: 'api.example.com', security_policy: 'TLS_1_2' } }, unknown: { 'aws_api_gateway_domain_name.d': ['security_policy'] } }],
  },
};
