import type { ResourceRule } from '../../engine/types';
import { PUB, expectString } from './_shared';

const NB = 'aws_sagemaker_notebook_instance';

export const sagemakerNoDirectInternet: ResourceRule = {
  id: 'ACC-23a',
  control: 'ACC-23',
  title: 'SageMaker notebook instances have direct internet access disabled',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: [NB],
  scope: 'resource',
  rationale: 'Notebooks with direct internet access can send PHI training data anywhere and be reached from outside; access should go through the VPC (NAT/endpoints) where it is controlled and logged. The provider default is Enabled.',
  remediation: 'Set direct_internet_access = "Disabled" and subnet_id / security_groups to a private subnet.',
  anchors: { cdkNag: ['HIPAA.Security-SageMakerNotebookNoDirectInternetAccess'], awsConfig: ['sagemaker-notebook-no-direct-internet-access'], checkov: ['CKV_AWS_122'] },
  check(nb) {
    return expectString(nb, 'direct_internet_access', 'Disabled', 'Enabled', 'the notebook has direct internet access');
  },
  examples: {
    pass: [{ description: 'passes with direct_internet_access Disabled', resources: { [`${NB}.n`]: { name: 'n', role_arn: 'r', instance_type: 'ml.t3.medium', subnet_id: 'subnet-1', direct_internet_access: 'Disabled' } } }],
    fail: [{ description: 'fails when direct_internet_access is not set (provider default Enabled)', resources: { [`${NB}.n`]: { name: 'n', role_arn: 'r', instance_type: 'ml.t3.medium' } } }],
    unknown: [{ description: 'is unknown when direct_internet_access is known only after apply', resources: { [`${NB}.n`]: { name: 'n', direct_internet_access: 'Disabled' } }, unknown: { [`${NB}.n`]: ['direct_internet_access'] } }],
  },
};
