import { isTrue, simpleRule } from '../simple';

export const opensearchNodeToNode = simpleRule({
  id: 'COM-11a',
  control: 'COM-11',
  title: "OpenSearch domains encrypt node-to-node traffic",
  strategy: 5,
  citations: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  severity: 'medium',
  rationale: "Without node-to-node encryption, PHI replicated between data nodes crosses the network in clear text.",
  remediation: "Set node_to_node_encryption { enabled = true } on the aws_opensearch_domain.",
  anchors: {"cdkNag": ["HIPAA.Security-OpenSearchNodeToNodeEncryption"], "awsConfig": ["opensearch-node-to-node-encryption-check", "elasticsearch-node-to-node-encryption-check"], "checkov": ["CKV_AWS_6"]},
  type: 'aws_opensearch_domain',
  base: {"domain_name": "search"},
  path: 'node_to_node_encryption.enabled',
  ok: isTrue,
  providerDefault: false,
  want: "traffic between nodes is not encrypted",
  good: true,
  bad: false,
});
