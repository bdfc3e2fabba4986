import { attr, bool, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass } from '../helpers';

export const GATEWAY = ['s3', 'dynamodb'];
export const INTERFACE = ['kms', 'secretsmanager', 'sts', 'logs'];

/** The service short name of an endpoint (`com.amazonaws.us-east-1.kms` → `kms`), templates included. */
export function serviceOf(v: string | undefined): string | undefined {
  return v?.split('.').pop();
}

export const vpcEndpoints: ResourceRule = {
  id: 'COM-14',
  control: 'COM-14',
  title: 'VPCs reach AWS APIs through private endpoints (S3, DynamoDB, KMS, Secrets Manager, STS, Logs)',
  strategy: 5,
  citations: ['164.312(e)(1)'],
  severity: 'low',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale: 'With VPC endpoints, PHI and the keys that protect it move to S3, KMS and Secrets Manager over the AWS network with endpoint policies and flow logs, never through a NAT to the internet.',
  remediation: 'Add gateway endpoints for S3 and DynamoDB and interface endpoints (private_dns_enabled = true) for KMS, Secrets Manager, STS and CloudWatch Logs; the phikit HipaaVpc construct does.',
  construct: 'HipaaVpc',
  check(vpc, ctx) {
    const eps = ctx.graph.related(vpc, 'aws_vpc_endpoint', 'vpc_id');
    const have = new Set<string>();
    for (const e of eps) {
      const name = attr(e, 'service_name');
      const svc = serviceOf(str(name) ?? (name.state === 'unknown' ? name.value.template : undefined));
      if (!svc) continue;
      const type = str(attr(e, 'vpc_endpoint_type')) ?? 'Gateway';
      if (INTERFACE.includes(svc) && type === 'Interface' && bool(attr(e, 'private_dns_enabled')) !== true) continue;
      have.add(svc);
    }
    const missing = [...GATEWAY, ...INTERFACE].filter((s) => !have.has(s));
    return missing.length ? fail(`no endpoint (with private DNS for interface endpoints) for: ${missing.join(', ')}`, { attribute: 'aws_vpc_endpoint.service_name', value: [...have].join(', ') || '(none)' }) : pass('all six endpoints are present');
  },
  examples: {
    pass: [
      {
        description: 'passes with the six endpoints',
        resources: {
          'aws_vpc.v': { cidr_block: '10.0.0.0/16' },
          ...Object.fromEntries(GATEWAY.map((s) => [`aws_vpc_endpoint.${s}`, { vpc_id: '${aws_vpc.v.id}', service_name: `com.amazonaws.us-east-1.${s}`, vpc_endpoint_type: 'Gateway' }])),
          ...Object.fromEntries(INTERFACE.map((s) => [`aws_vpc_endpoint.${s}`, { vpc_id: '${aws_vpc.v.id}', service_name: `com.amazonaws.us-east-1.${s}`, vpc_endpoint_type: 'Interface', private_dns_enabled: true }])),
        },
        target: 'aws_vpc.v',
      },
    ],
    fail: [{ description: 'fails when the VPC has only an S3 endpoint', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_vpc_endpoint.s3': { vpc_id: '${aws_vpc.v.id}', service_name: 'com.amazonaws.us-east-1.s3' } }, target: 'aws_vpc.v' }],
  },
};
