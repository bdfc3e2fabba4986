import { attr } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { AWS_MANAGED_POLICIES, resolvePolicyArn } from '../../model/iam';
import { Unknown, Value } from '../../model/values';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { IAM, computedOnly } from './_shared';

const ARN_PATH: Record<string, string> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_ssoadmin_managed_policy_attachment: 'managed_policy_arn',
  aws_iam_role: 'managed_policy_arns',
};

export const iamNoAdminManagedPolicy: ResourceRule = {
  id: 'ACC-04d',
  control: 'ACC-04',
  title: 'The AWS managed AdministratorAccess and IAMFullAccess policies are not attached',
  strategy: 2,
  citations: IAM,
  severity: 'critical',
  level: 'recommended',
  resourceTypes: Object.keys(ARN_PATH),
  scope: 'resource',
  rationale:
    'AdministratorAccess grants every action on every resource and IAMFullAccess lets the holder grant itself anything; attaching them to workload roles, users or groups gives unlimited access to PHI.',
  remediation: 'Attach a customer-managed least-privilege policy instead; keep administrator access in a break-glass role that requires MFA.',
  anchors: { checkov: ['CKV_AWS_274', 'CKV2_AWS_56'] },
  check(res, ctx) {
    const path = ARN_PATH[res.type];
    const a = attr(res, path);
    if (a.state === 'absent' || computedOnly(a)) return notApplicable(`${path} is not set`);
    if (a.state === 'sensitive') return unknown(`${path} is sensitive`, ev(path, a));
    const values: Value[] = a.state === 'known' && Array.isArray(a.value) ? a.value : [a.state === 'unknown' ? a.value : (a.value as Value)];
    const verdicts: Verdict[] = values.map((v) => {
      const p = resolvePolicyArn(ctx.graph, res, path, v);
      if (p.kind === 'aws-managed') {
        const known = AWS_MANAGED_POLICIES[p.name];
        if (known?.admin || known?.fullIam) return fail(`${path} attaches the AWS managed policy ${p.name} (${known.note})`, ev(path, a));
        return pass(`${path} attaches ${p.name}`);
      }
      if (p.kind === 'external' && v instanceof Unknown) return unknown(`${unknownMessage(path)} (${p.name}); it could name an administrator policy`, ev(path, a));
      return pass(`${path} attaches ${p.name}, not an AWS administrator policy`);
    });
    return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0] ?? notApplicable('no policy ARN');
  },
  examples: {
    pass: [
      {
        description: 'passes when a customer-managed policy is attached by reference',
        resources: {
          'aws_iam_role.r': { name: 'app', assume_role_policy: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}' },
          'aws_iam_policy.p': { name: 'p', policy: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::phi/*"}]}' },
          'aws_iam_role_policy_attachment.a': { role: '${aws_iam_role.r.name}', policy_arn: '${aws_iam_policy.p.arn}' },
        },
        target: 'aws_iam_role_policy_attachment.a',
      },
      { description: 'passes with the read-only AWS managed ViewOnlyAccess', resources: { 'aws_iam_group_policy_attachment.a': { group: 'auditors', policy_arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' } } },
    ],
    fail: [
      { description: 'fails when AdministratorAccess is attached to a role', resources: { 'aws_iam_role_policy_attachment.a': { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } } },
      { description: 'fails when IAMFullAccess is attached through aws_iam_policy_attachment', resources: { 'aws_iam_policy_attachment.a': { name: 'x', roles: ['app'], policy_arn: 'arn:aws:iam::aws:policy/IAMFullAccess' } } },
      {
        description: 'fails when AdministratorAccess is in a role\'s managed_policy_arns',
        resources: { 'aws_iam_role.r': { name: 'app', assume_role_policy: '{"Statement":[]}', managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } },
      },
    ],
    unknown: [
      { description: 'is unknown when policy_arn is known only after apply', resources: { 'aws_iam_role_policy_attachment.a': { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }, unknown: { 'aws_iam_role_policy_attachment.a': ['policy_arn'] } },
    ],
  },
};
