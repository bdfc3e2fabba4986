import type { ResourceRule } from '../../engine/types';
import { expectBool } from '../helpers';
import { TLS } from './_shared';

export const redshiftEnhancedVpcRouting: ResourceRule = {
  id: 'COM-10b',
  control: 'COM-10',
  title: 'Redshift clusters use enhanced VPC routing',
  strategy: 5,
  citations: TLS,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'Without enhanced VPC routing, COPY and UNLOAD traffic carrying PHI goes to S3 over the public internet path instead of through the VPC, its endpoints and its flow logs.',
  remediation: 'Set enhanced_vpc_routing = true on the aws_redshift_cluster.',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftEnhancedVPCRoutingEnabled'], awsConfig: ['redshift-enhanced-vpc-routing-enabled'], checkov: ['CKV_AWS_321'] },
  check(c) {
    return expectBool(c, 'enhanced_vpc_routing', true, false, 'COPY/UNLOAD traffic bypasses the VPC');
  },
  examples: {
    pass: [{ description: 'passes with enhanced_vpc_routing = true', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', enhanced_vpc_routing: true } } }],
    fail: [{ description: 'fails when enhanced_vpc_routing is not set (provider default false)', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw' } } }],
    unknown: [{ description: 'is unknown when enhanced_vpc_routing is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', enhanced_vpc_routing: true } }, unknown: { 'aws_redshift_cluster.r': ['enhanced_vpc_routing'] } }],
  },
};
