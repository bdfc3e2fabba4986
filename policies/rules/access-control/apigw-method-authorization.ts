import { attr, bool, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

export const apigwMethodAuthorization: ResourceRule = {
  id: 'ACC-25a',
  control: 'ACC-25',
  title: 'API Gateway REST methods require an authorizer (IAM, Cognito or Lambda)',
  strategy: 2,
  citations: ['164.312(a)(1)', '164.312(d)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_api_gateway_method'],
  scope: 'resource',
  rationale: 'A method with authorization NONE lets anyone on the internet call the backend that reads or writes PHI; person or entity authentication (164.312(d)) has to happen at the API edge. An API key identifies a client but does not authenticate a person, so it counts only as a fallback.',
  remediation: 'Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with authorizer_id). CORS preflight OPTIONS methods are exempt.',
  anchors: { checkov: ['CKV_AWS_59', 'CKV2_AWS_70'] },
  check(m) {
    if (str(attr(m, 'http_method')) === 'OPTIONS') return notApplicable('CORS preflight');
    const a = attr(m, 'authorization');
    if (a.state === 'unknown') return unknown(unknownMessage('authorization'), ev('authorization', a));
    const auth = str(a) ?? 'NONE';
    if (auth !== 'NONE') return pass(`authorization is ${auth}`, ev('authorization', a));
    if (bool(attr(m, 'api_key_required')) === true) return fail('authorization is NONE; only an API key is required, which identifies a client but authenticates no one', ev('authorization', a));
    return fail('authorization is NONE: anyone can call this method', ev('authorization', a));
  },
  examples: {
    pass: [
      { description: 'passes with AWS_IAM authorization', resources: { 'aws_api_gateway_method.m': { rest_api_id: 'a', resource_id: 'r', http_method: 'GET', authorization: 'AWS_IAM' } } },
      { description: 'passes with a Cognito authorizer', resources: { 'aws_api_gateway_method.m': { rest_api_id: 'a', resource_id: 'r', http_method: 'POST', authorization: 'COGNITO_USER_POOLS', authorizer_id: 'x' } } },
    ],
    fail: [
      { description: 'fails when authorization is NONE', resources: { 'aws_api_gateway_method.m': { rest_api_id: 'a', resource_id: 'r', http_method: 'GET', authorization: 'NONE' } } },
      { description: 'fails when authorization is NONE with only an API key', resources: { 'aws_api_gateway_method.m': { rest_api_id: 'a', resource_id: 'r', http_method: 'GET', authorization: 'NONE', api_key_required: true } } },
    ],
    unknown: [{ description: 'is unknown when authorization is known only after apply', resources: { 'aws_api_gateway_method.m': { rest_api_id: 'a', resource_id: 'r', http_method: 'GET', authorization: 'AWS_IAM' } }, unknown: { 'aws_api_gateway_method.m': ['authorization'] } }],
  },
};
