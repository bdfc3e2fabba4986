import { attr, blocks } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, evv, fail, pass, unknown } from '../helpers';
import { IAM, computedOnly, policyJson } from './_shared';

const TRUST = policyJson({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

export const iamNoInlinePolicies: ResourceRule = {
  id: 'ACC-05a',
  control: 'ACC-05',
  title: 'IAM roles, users and groups use managed policies, not inline policies',
  strategy: 2,
  citations: IAM,
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'],
  scope: 'resource',
  rationale:
    'Inline policies are embedded in one identity, are not versioned and cannot be reviewed or reused as a unit; managed policies give access reviews (164.308(a)(4)(ii)(C)) one place to look and a version history.',
  remediation: 'Move the statements into an aws_iam_policy and attach it with an aws_iam_*_policy_attachment.',
  anchors: { cdkNag: ['HIPAA.Security-IAMNoInlinePolicy'], awsConfig: ['iam-no-inline-policy-check'] },
  check(res) {
    if (res.type !== 'aws_iam_role') return fail(`${res.type} is an inline policy`, evv('type', res.type));
    const whole = attr(res, 'inline_policy');
    if (whole.state === 'unknown' && !computedOnly(whole)) return unknown('inline_policy is known only after apply', ev('inline_policy', whole));
    // An empty inline_policy block tells the provider to remove all inline policies: not a policy.
    const inline = blocks(res, 'inline_policy').filter((b) => !(b instanceof Unknown) && (b.name !== undefined || b.policy !== undefined) && b.policy !== null);
    if (!inline.length) return pass('the role declares no inline_policy');
    return fail(`inline_policy declares ${inline.length} inline polic${inline.length === 1 ? 'y' : 'ies'}`, evv('inline_policy', inline.length));
  },
  examples: {
    pass: [
      {
        description: 'passes for a role with only managed policy attachments',
        resources: {
          'aws_iam_role.r': { name: 'r', assume_role_policy: TRUST },
          'aws_iam_policy.p': { name: 'p', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }) },
          'aws_iam_role_policy_attachment.a': { role: '${aws_iam_role.r.name}', policy_arn: '${aws_iam_policy.p.arn}' },
          'aws_iam_role_policy.p2': { role: 'other', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
        },
        target: 'aws_iam_role.r',
      },
    ],
    fail: [
      { description: 'fails for an aws_iam_role_policy', resources: { 'aws_iam_role_policy.p': { role: 'r', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } } },
      {
        description: 'fails for a role with an inline_policy block',
        resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: TRUST, inline_policy: [{ name: 'x', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }] } },
        target: 'aws_iam_role.r',
      },
    ],
  },
};
