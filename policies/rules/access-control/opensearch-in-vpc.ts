import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass } from '../helpers';
import { PUB, computedOnly } from './_shared';

export const opensearchInVpc: ResourceRule = {
  id: 'ACC-22a',
  control: 'ACC-22',
  title: 'OpenSearch / Elasticsearch domains are reachable only inside a VPC',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale: 'A domain without vpc_options gets a public endpoint guarded only by its access policy; indexes of PHI should be reachable only from the VPC.',
  remediation: 'Set vpc_options { subnet_ids, security_group_ids } on the domain.',
  anchors: { cdkNag: ['HIPAA.Security-OpenSearchInVPCOnly'], awsConfig: ['opensearch-in-vpc-only', 'elasticsearch-in-vpc-only'], checkov: ['CKV_AWS_137'] },
  check(d) {
    const s = attr(d, 'vpc_options.subnet_ids');
    if (computedOnly(s)) return fail('vpc_options is not set in the configuration; the domain has a public endpoint', ev('vpc_options.subnet_ids', s));
    return isSet(s) ? pass('vpc_options.subnet_ids is set', ev('vpc_options.subnet_ids', s)) : fail('vpc_options is not set; the domain has a public endpoint', ev('vpc_options.subnet_ids', s));
  },
  examples: {
    pass: [{ description: 'passes with vpc_options subnets', resources: { 'aws_opensearch_domain.d': { domain_name: 'd', vpc_options: [{ subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] }] } } }],
    fail: [{ description: 'fails without vpc_options', resources: { 'aws_elasticsearch_domain.d': { domain_name: 'd' } } }],
  },
};
