import type { ResourceRule } from '../../engine/types';
import { expectSet } from '../helpers';
import { PUB } from './_shared';

const NB = 'aws_sagemaker_notebook_instance';

export const sagemakerInVpc: ResourceRule = {
  id: 'ACC-23c',
  control: 'ACC-23',
  title: 'SageMaker notebook instances are launched into a customer VPC subnet',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: [NB],
  scope: 'resource',
  rationale: 'Without subnet_id the notebook runs in a SageMaker-managed network outside the customer\'s security groups, flow logs and endpoints.',
  remediation: 'Set subnet_id (a private subnet) and security_groups.',
  anchors: { checkov: ['CKV_AWS_306'] },
  check(nb) {
    return expectSet(nb, 'subnet_id', 'the notebook is not in a customer VPC');
  },
  examples: {
    pass: [{ description: 'passes with subnet_id set', resources: { [`${NB}.n`]: { name: 'n', subnet_id: 'subnet-1', security_groups: ['sg-1'] } } }],
    fail: [{ description: 'fails without subnet_id', resources: { [`${NB}.n`]: { name: 'n' } } }],
  },
};
