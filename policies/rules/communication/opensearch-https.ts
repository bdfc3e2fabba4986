import { str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { cfgAttr, combine, ev, expectBoolCfg, fail, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const opensearchHttps: ResourceRule = {
  id: 'COM-11',
  control: 'COM-11',
  title: 'OpenSearch domains enforce HTTPS with a TLS 1.2 policy and node-to-node encryption',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'Without enforce_https the domain endpoint answers plain HTTP; the default TLS policy allows TLS 1.0; without node-to-node encryption PHI moves between data nodes unencrypted.',
  remediation: 'Set domain_endpoint_options { enforce_https = true, tls_security_policy = "Policy-Min-TLS-1-2-2019-07" } and node_to_node_encryption { enabled = true }.',
  anchors: {
    cdkNag: ['HIPAA.Security-OpenSearchNodeToNodeEncryption'],
    awsConfig: ['opensearch-https-required', 'opensearch-node-to-node-encryption-check', 'elasticsearch-node-to-node-encryption-check'],
    checkov: ['CKV_AWS_83', 'CKV_AWS_228', 'CKV_AWS_6'],
  },
  check(d) {
    // A block or attribute the configuration leaves out (computed by the provider in a plan) is
    // not set: AWS then answers HTTP, allows TLS 1.0 and leaves node-to-node traffic unencrypted.
    const p = cfgAttr(d, 'domain_endpoint_options.tls_security_policy');
    const v = str(p);
    const policy =
      p.state === 'unknown' || p.state === 'sensitive'
        ? unknown(unknownMessage('domain_endpoint_options.tls_security_policy'), ev('domain_endpoint_options.tls_security_policy', p))
        : v && /TLS-1-2/.test(v)
          ? pass(`tls_security_policy is ${v}`, ev('domain_endpoint_options.tls_security_policy', p))
          : fail(`domain_endpoint_options.tls_security_policy is ${v ?? 'not set (Policy-Min-TLS-1-0-2019-07)'}; TLS below 1.2 is accepted`, ev('domain_endpoint_options.tls_security_policy', p));
    return combine(
      [
        expectBoolCfg(d, 'domain_endpoint_options.enforce_https', true, false, 'the endpoint accepts plain HTTP'),
        policy,
        expectBoolCfg(d, 'node_to_node_encryption.enabled', true, false, 'traffic between nodes is not encrypted'),
      ],
      'HTTPS is enforced with TLS 1.2 and node-to-node encryption is on',
    );
  },
  examples: {
    pass: [
      { description: 'passes with enforce_https, a TLS 1.2 policy and node-to-node encryption', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }], node_to_node_encryption: [{ enabled: true }] } } },
    ],
    fail: [
      { description: 'fails when domain_endpoint_options is not set', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', node_to_node_encryption: [{ enabled: true }] } } },
      { description: 'fails on a legacy Elasticsearch domain that writes none of the blocks (HTTP, TLS 1.0, plaintext node traffic by default)', resources: { 'aws_elasticsearch_domain.e': { domain_name: 'phi', elasticsearch_version: '7.10' } } },
      { description: 'fails with the TLS 1.0 policy', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-0-2019-07' }], node_to_node_encryption: [{ enabled: true }] } } },
      { description: 'fails when node_to_node_encryption is off', resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when enforce_https is known only after apply',
        resources: { 'aws_opensearch_domain.o': { domain_name: 'phi', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }], node_to_node_encryption: [{ enabled: true }] } },
        unknown: { 'aws_opensearch_domain.o': ['domain_endpoint_options.enforce_https'] },
      },
      {
        description: 'is unknown when the TLS policy comes from a value known only after apply',
        resources: { 'aws_elasticsearch_domain.e': { domain_name: 'phi', domain_endpoint_options: [{ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }], node_to_node_encryption: [{ enabled: true }] } },
        unknown: { 'aws_elasticsearch_domain.e': ['domain_endpoint_options.tls_security_policy'] },
      },
    ],
  },
};
