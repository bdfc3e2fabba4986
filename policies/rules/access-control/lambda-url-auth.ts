import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

export const lambdaUrlAuth: ResourceRule = {
  id: 'ACC-21c',
  control: 'ACC-21',
  title: 'Lambda function URLs require AWS_IAM authorization',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a function URL without authorization can be invoked by anyone' },
  resourceTypes: ['aws_lambda_function_url'],
  scope: 'resource',
  rationale: 'A function URL with authorization_type NONE is a public HTTPS endpoint: anyone who finds it invokes the function and whatever PHI it reaches.',
  remediation: 'Set authorization_type = "AWS_IAM" and sign requests (SigV4), or front the function with API Gateway and an authorizer.',
  anchors: { checkov: ['CKV_AWS_258'] },
  check(u) {
    const a = attr(u, 'authorization_type');
    if (a.state === 'unknown') return unknown(unknownMessage('authorization_type'), ev('authorization_type', a));
    return str(a) === 'AWS_IAM' ? pass('authorization_type is AWS_IAM', ev('authorization_type', a)) : fail(`authorization_type is ${str(a) ?? 'not set'}: the URL is public`, ev('authorization_type', a));
  },
  examples: {
    pass: [{ description: 'passes with AWS_IAM', resources: { 'aws_lambda_function_url.u': { function_name: 'f', authorization_type: 'AWS_IAM' } } }],
    fail: [{ description: 'fails with authorization_type NONE', resources: { 'aws_lambda_function_url.u': { function_name: 'f', authorization_type: 'NONE' } } }],
    unknown: [{ description: 'is unknown when authorization_type is known only after apply', resources: { 'aws_lambda_function_url.u': { function_name: 'f', authorization_type: 'AWS_IAM' } }, unknown: { 'aws_lambda_function_url.u': ['authorization_type'] } }],
  },
};
