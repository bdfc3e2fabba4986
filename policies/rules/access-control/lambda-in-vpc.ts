import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass } from '../helpers';
import { PUB, computedOnly } from './_shared';

export const lambdaInVpc: ResourceRule = {
  id: 'ACC-21a',
  control: 'ACC-21',
  title: 'Lambda functions run attached to a VPC',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'A function in a VPC reaches PHI stores over private addresses and leaves the network only through controlled egress (NAT, endpoints) that security groups and flow logs govern.',
  remediation: 'Set vpc_config { subnet_ids = private subnets, security_group_ids = [...] }.',
  anchors: { cdkNag: ['HIPAA.Security-LambdaInsideVPC'], awsConfig: ['lambda-inside-vpc'], checkov: ['CKV_AWS_117'] },
  check(fn) {
    const subnets = attr(fn, 'vpc_config.subnet_ids');
    if (isSet(subnets) && !computedOnly(subnets)) return pass('vpc_config.subnet_ids is set', ev('vpc_config.subnet_ids', subnets));
    return fail('vpc_config.subnet_ids is not set; the function runs outside any VPC', ev('vpc_config.subnet_ids', subnets));
  },
  examples: {
    pass: [{ description: 'passes with vpc_config subnets', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', vpc_config: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }] } } }],
    fail: [
      { description: 'fails without vpc_config', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r' } } },
      { description: 'fails with empty subnet_ids', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', vpc_config: [{ subnet_ids: [], security_group_ids: [] }] } } },
    ],
  },
};
