import type { ResourceRule } from '../../engine/types';
import { PUB, expectString } from './_shared';

const NB = 'aws_sagemaker_notebook_instance';

export const sagemakerNoRootAccess: ResourceRule = {
  id: 'ACC-23b',
  control: 'ACC-23',
  title: 'SageMaker notebook users have no root access',
  strategy: 2,
  citations: PUB,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: [NB],
  scope: 'resource',
  rationale: 'Root on the notebook lets a user change its network and logging configuration and install anything; least privilege for data scientists handling PHI means no root. The provider default is Enabled.',
  remediation: 'Set root_access = "Disabled" (use lifecycle configurations for installs).',
  anchors: { checkov: ['CKV_AWS_307'] },
  check(nb) {
    return expectString(nb, 'root_access', 'Disabled', 'Enabled', 'notebook users are root');
  },
  examples: {
    pass: [{ description: 'passes with root_access Disabled', resources: { [`${NB}.n`]: { name: 'n', root_access: 'Disabled' } } }],
    fail: [
      { description: 'fails when root_access is not set (provider default Enabled)', resources: { [`${NB}.n`]: { name: 'n' } } },
      { description: 'fails when root_access is Enabled', resources: { [`${NB}.n`]: { name: 'n', root_access: 'Enabled' } } },
    ],
    unknown: [{ description: 'is unknown when root_access is known only after apply', resources: { [`${NB}.n`]: { name: 'n', root_access: 'Disabled' } }, unknown: { [`${NB}.n`]: ['root_access'] } }],
  },
};
