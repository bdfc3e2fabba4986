import type { ResourceRule } from '../../engine/types';
import { judgeEndpoints } from './_endpoints';

const vpc = { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } };
const gw = (svc: string, extra: Record<string, unknown> = {}) => ({ vpc_id: '${aws_vpc.v.id}', service_name: `com.amazonaws.us-east-1.${svc}`, ...extra });

export const vpcGatewayEndpoints: ResourceRule = {
  id: 'COM-14a',
  control: 'COM-14',
  title: 'VPCs reach S3 and DynamoDB through gateway VPC endpoints',
  strategy: 5,
  citations: ['164.312(e)(1)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale: 'Without gateway endpoints, PHI read from or written to S3 and DynamoDB leaves the VPC through a NAT gateway onto the public AWS endpoints. Gateway endpoints keep that traffic on the AWS network and let bucket policies pin access to the VPC (aws:SourceVpce).',
  remediation: 'Declare aws_vpc_endpoint resources (vpc_endpoint_type Gateway) for com.amazonaws.<region>.s3 and .dynamodb with the private route tables; the phikit HipaaVpc construct does.',
  construct: 'HipaaVpc',
  check(v, ctx) {
    return judgeEndpoints(ctx, v, ['s3', 'dynamodb'], 'Gateway');
  },
  examples: {
    pass: [{ description: 'passes with gateway endpoints for s3 and dynamodb', resources: { ...vpc, 'aws_vpc_endpoint.s3': gw('s3'), 'aws_vpc_endpoint.ddb': gw('dynamodb', { vpc_endpoint_type: 'Gateway' }) }, target: 'aws_vpc.v' }],
    fail: [
      { description: 'fails when the VPC has no endpoints', resources: vpc },
      { description: 'fails when the dynamodb endpoint is missing', resources: { ...vpc, 'aws_vpc_endpoint.s3': gw('s3') }, target: 'aws_vpc.v' },
      { description: 'fails when s3 is reached through an Interface endpoint instead of a Gateway', resources: { ...vpc, 'aws_vpc_endpoint.s3': gw('s3', { vpc_endpoint_type: 'Interface' }), 'aws_vpc_endpoint.ddb': gw('dynamodb') }, target: 'aws_vpc.v' },
    ],
    unknown: [
      { description: 'is unknown when an endpoint service_name is known only after apply', resources: { ...vpc, 'aws_vpc_endpoint.s3': gw('s3'), 'aws_vpc_endpoint.ddb': gw('dynamodb') }, unknown: { 'aws_vpc_endpoint.ddb': ['service_name'] }, target: 'aws_vpc.v' },
    ],
  },
};
