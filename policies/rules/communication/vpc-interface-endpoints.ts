import type { ResourceRule } from '../../engine/types';
import { judgeEndpoints } from './_endpoints';

const SERVICES = ['kms', 'secretsmanager', 'sts', 'logs'];
const vpc = { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } };
const all = (privateDns: boolean) =>
  Object.fromEntries(SERVICES.map((s) => [`aws_vpc_endpoint.${s}`, { vpc_id: '${aws_vpc.v.id}', service_name: `com.amazonaws.us-east-1.${s}`, vpc_endpoint_type: 'Interface', private_dns_enabled: privateDns }]));

export const vpcInterfaceEndpoints: ResourceRule = {
  id: 'COM-14b',
  control: 'COM-14',
  title: 'VPCs reach KMS, Secrets Manager, STS and CloudWatch Logs through interface endpoints with private DNS',
  strategy: 5,
  citations: ['164.312(e)(1)'],
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale: 'Decrypt calls, secrets, credentials and application logs (which may contain PHI) should not leave the VPC through NAT. Interface endpoints with private DNS make the standard SDK endpoints resolve to private addresses inside the VPC.',
  remediation: 'Declare Interface aws_vpc_endpoint resources for com.amazonaws.<region>.kms, secretsmanager, sts and logs with private_dns_enabled = true; the phikit HipaaVpc construct does.',
  construct: 'HipaaVpc',
  check(v, ctx) {
    return judgeEndpoints(ctx, v, SERVICES, 'Interface');
  },
  examples: {
    pass: [{ description: 'passes with interface endpoints with private DNS for kms, secretsmanager, sts and logs', resources: { ...vpc, ...all(true) }, target: 'aws_vpc.v' }],
    fail: [
      { description: 'fails when the VPC has no interface endpoints', resources: vpc },
      { description: 'fails when private_dns_enabled is false', resources: { ...vpc, ...all(false) }, target: 'aws_vpc.v' },
    ],
    unknown: [{ description: 'is unknown when private_dns_enabled is known only after apply', resources: { ...vpc, ...all(true) }, unknown: { 'aws_vpc_endpoint.kms': ['private_dns_enabled'] }, target: 'aws_vpc.v' }],
  },
};
