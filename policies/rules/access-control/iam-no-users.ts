import type { ResourceRule } from '../../engine/types';
import { attr, computedOnly, undecided } from '../../model/attrs';
import { ev, evv, fail, pass, unknown } from '../helpers';

export const iamNoUsers: ResourceRule = {
  id: 'ACC-06a',
  control: 'ACC-06',
  title: 'People sign in through federation (SSO), not as IAM users, in PHI accounts',
  strategy: 2,
  citations: ['164.312(a)(2)(i)', '164.308(a)(4)(ii)(B)', '164.312(d)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_iam_user'],
  scope: 'resource',
  rationale:
    'Unique user identification (164.312(a)(2)(i)) and person authentication (164.312(d)) are best served by one workforce identity provider with MFA and joiner/leaver automation; IAM users are separate, long-lived identities whose credentials outlive employment.',
  remediation: 'Use IAM Identity Center (aws_ssoadmin_permission_set) or SAML/OIDC federation to roles; if a machine user is unavoidable, waive this rule for it with the reason.',
  anchors: { checkov: ['CKV_AWS_273'] },
  check(user) {
    const name = typeof user.values.name === 'string' ? user.values.name : user.name;
    if (user.values.path === '/system/' || user.values.path === '/service/') return pass(`${name} is a non-human user (path ${String(user.values.path)})`);
    const path = attr(user, 'path');
    if (undecided(path) && !computedOnly(path)) return unknown('path is known only after apply; a /system/ or /service/ path marks a non-human user', ev('path', path));
    return fail(`IAM user ${name} is declared; human access should be federated`, evv('name', name));
  },
  examples: {
    pass: [{ description: 'passes for a user under the /system/ path (non-human, documented)', resources: { 'aws_iam_user.u': { name: 'ci-legacy', path: '/system/' } } }],
    fail: [{ description: 'fails for an IAM user at the default path', resources: { 'aws_iam_user.u': { name: 'alice' } } }],
  },
};
