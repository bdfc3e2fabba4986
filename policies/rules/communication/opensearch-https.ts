import { isTrue, simpleRule } from '../simple';

export const opensearchHttps = simpleRule({
  id: 'COM-11b',
  control: 'COM-11',
  title: "OpenSearch domains require HTTPS",
  strategy: 5,
  citations: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  severity: 'medium',
  rationale: "Search indexes of PHI must be reachable only over TLS.",
  remediation: "Set domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" } on the aws_opensearch_domain.",
  anchors: {"awsConfig": ["opensearch-https-required"], "checkov": ["CKV_AWS_83"]},
  type: 'aws_opensearch_domain',
  base: {"domain_name": "search"},
  path: 'domain_endpoint_options.enforce_https',
  ok: isTrue,
  providerDefault: false,
  want: "clients may connect without TLS",
  good: true,
  bad: false,
});
