import { simpleRule } from '../simple';

export const targetGroupTls = simpleRule({
  id: 'COM-04',
  control: 'COM-04',
  title: "Target groups reach backends over HTTPS or TLS",
  strategy: 5,
  citations: ["164.312(e)(1)", "164.312(e)(2)(ii)"],
  severity: 'medium',
  rationale: "TLS that ends at the load balancer leaves PHI in clear text inside the VPC; re-encrypting to the backend keeps it protected end to end.",
  remediation: "Set protocol = \"HTTPS\" (or \"TLS\") on the aws_lb_target_group.",
  anchors: {"checkov": ["CKV_AWS_378"]},
  type: 'aws_lb_target_group',
  base: {"name": "app", "port": 443, "vpc_id": "vpc-1"},
  path: 'protocol',
  ok: (v) => v === 'HTTPS' || v === 'TLS' || v === 'GENEVE',
  want: "backend traffic is not encrypted",
  good: "HTTPS",
  bad: "HTTP",
});
