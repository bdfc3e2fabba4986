import { isTrue, simpleRule } from '../simple';

export const redshiftEnhancedVpcRouting = simpleRule({
  id: 'COM-10b',
  control: 'COM-10',
  title: "Redshift clusters use enhanced VPC routing",
  strategy: 5,
  citations: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  severity: 'low',
  rationale: "Enhanced VPC routing keeps COPY/UNLOAD traffic with PHI on the VPC network, where endpoints, flow logs and security groups apply.",
  remediation: "Set enhanced_vpc_routing = true on the aws_redshift_cluster.",
  anchors: {"cdkNag": ["HIPAA.Security-RedshiftEnhancedVPCRoutingEnabled"], "awsConfig": ["redshift-enhanced-vpc-routing-enabled"], "checkov": ["CKV_AWS_321"]},
  type: 'aws_redshift_cluster',
  base: {"cluster_identifier": "dw", "node_type": "ra3.xlplus"},
  path: 'enhanced_vpc_routing',
  ok: isTrue,
  providerDefault: false,
  want: "data loads leave the VPC network",
  good: true,
  bad: false,
});
