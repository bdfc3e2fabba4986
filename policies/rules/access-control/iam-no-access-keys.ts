import { attr, str } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { computedOnly } from './_shared';

export const iamNoAccessKeys: GraphRule = {
  id: 'ACC-06c',
  control: 'ACC-06',
  title: 'No long-lived active access keys are created, and never for the root user',
  strategy: 2,
  citations: ['164.312(a)(2)(i)', '164.308(a)(4)(ii)(B)', '164.312(d)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_iam_access_key'],
  scope: 'account',
  rationale:
    'Access keys are bearer credentials that never expire and carry no MFA; a root key cannot be restricted at all. Workloads should use roles, people should use federation; keys that exist must be rotated and removed when unused.',
  remediation: 'Remove the aws_iam_access_key and use an IAM role (instance profile, task role, OIDC federation for CI); never create keys for root.',
  anchors: { awsConfig: ['iam-root-access-key-check', 'access-keys-rotated', 'iam-user-unused-credentials-check'], checkov: ['CKV_AWS_348'] },
  check(ctx) {
    const keys = ctx.graph.ofType('aws_iam_access_key');
    if (!keys.length) return [pass('no aws_iam_access_key is declared')];
    return keys.map((k): Verdict => {
      const user = attr(k, 'user');
      if (str(user) === 'root') return fail('an access key is created for the root user', ev('user', user), k);
      const status = attr(k, 'status');
      if (status.state === 'unknown' && !computedOnly(status)) return unknown(unknownMessage('status'), ev('status', status), k);
      if (str(status) === 'Inactive') return pass('the access key is Inactive', ev('status', status), k);
      return fail(`an active long-lived access key is created for ${str(user) ?? 'a user'} (status ${str(status) ?? 'Active by default'})`, ev('status', status), k);
    });
  },
  examples: {
    pass: [
      { description: 'passes when no access key is declared', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: '{"Statement":[]}' } } },
      { description: 'passes when the only key is Inactive', resources: { 'aws_iam_access_key.k': { user: 'legacy', status: 'Inactive' } } },
    ],
    fail: [
      { description: 'fails when a key is created for root', resources: { 'aws_iam_access_key.k': { user: 'root' } } },
      { description: 'fails when an active key is created for a user (status default Active)', resources: { 'aws_iam_user.u': { name: 'ci' }, 'aws_iam_access_key.k': { user: '${aws_iam_user.u.name}' } }, target: 'aws_iam_access_key.k' },
    ],
    unknown: [{ description: 'is unknown when the key status is known only after apply', resources: { 'aws_iam_access_key.k': { user: 'ci', status: 'Inactive' } }, unknown: { 'aws_iam_access_key.k': ['status'] } }],
  },
};
