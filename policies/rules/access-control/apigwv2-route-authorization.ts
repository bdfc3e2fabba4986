import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

export const apigwv2RouteAuthorization: ResourceRule = {
  id: 'ACC-25b',
  control: 'ACC-25',
  title: 'API Gateway v2 (HTTP/WebSocket) routes require an authorizer',
  strategy: 2,
  citations: ['164.312(a)(1)', '164.312(d)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_apigatewayv2_route'],
  scope: 'resource',
  rationale: 'authorization_type NONE (the default) exposes the integration to unauthenticated callers.',
  remediation: 'Set authorization_type to AWS_IAM, JWT or CUSTOM (with authorizer_id). OPTIONS preflight routes are exempt.',
  anchors: { checkov: ['CKV_AWS_309'] },
  check(r) {
    const key = str(attr(r, 'route_key')) ?? '';
    if (/^OPTIONS\s/.test(key)) return notApplicable('CORS preflight');
    const a = attr(r, 'authorization_type');
    if (a.state === 'unknown') return unknown(unknownMessage('authorization_type'), ev('authorization_type', a));
    const t = str(a) ?? 'NONE';
    return t === 'NONE' ? fail(`authorization_type is ${a.state === 'absent' ? 'not set (default NONE)' : 'NONE'}: route ${key} is open`, ev('authorization_type', a)) : pass(`authorization_type is ${t}`, ev('authorization_type', a));
  },
  examples: {
    pass: [{ description: 'passes with a JWT authorizer', resources: { 'aws_apigatewayv2_route.r': { api_id: 'a', route_key: 'GET /patients', authorization_type: 'JWT', authorizer_id: 'x' } } }],
    fail: [{ description: 'fails when authorization_type is not set (default NONE)', resources: { 'aws_apigatewayv2_route.r': { api_id: 'a', route_key: 'GET /patients' } } }],
    unknown: [{ description: 'is unknown when authorization_type is known only after apply', resources: { 'aws_apigatewayv2_route.r': { api_id: 'a', route_key: 'GET /x', authorization_type: 'AWS_IAM' } }, unknown: { 'aws_apigatewayv2_route.r': ['authorization_type'] } }],
  },
};
