import type { ResourceRule } from '../../engine/types';
import { requiresMfa, trustPrincipals } from '../../model/iam';
import { evv, fail, notApplicable, pass, unknown } from '../helpers';
import { SERVICE_TRUST, isVerdict, policyJson, statementSummary, trustOf } from './_shared';

export const roleTrustRequiresMfa: ResourceRule = {
  id: 'ACC-08a',
  control: 'ACC-08',
  title: 'Roles that people assume require MFA in the trust policy',
  strategy: 2,
  citations: ['164.312(d)', '164.308(a)(4)(ii)(B)'],
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'Person or entity authentication (164.312(d)) for access to PHI needs more than a password or access key. A role trusted by an account, its root or IAM users can be assumed by anyone holding a key of that account unless the trust policy requires aws:MultiFactorAuthPresent (Bool true) or a bounded aws:MultiFactorAuthAge. Service roles and workload federation (OIDC, role chaining) are out of scope.',
  remediation:
    'Add Condition { Bool = { "aws:MultiFactorAuthPresent" = "true" } } (or NumericLessThan aws:MultiFactorAuthAge) to every statement that trusts an account, root or IAM user; use the phikit AuditorAccess construct for reviewer roles. BoolIfExists does not count: access-key callers carry no MFA key at all.',
  construct: 'AuditorAccess',
  anchors: { awsConfig: ['iam-user-mfa-enabled', 'mfa-enabled-for-iam-console-access', 'root-account-mfa-enabled', 'root-account-hardware-mfa-enabled'] },
  check(role, ctx) {
    const doc = trustOf(ctx.graph, role);
    if (isVerdict(doc)) return doc;
    const all = trustPrincipals(doc);
    const humans = all.filter((p) => p.audience === 'human');
    if (!humans.length) {
      if (all.some((p) => p.audience === 'unknown')) return unknown('a trusted principal is known only after apply, so whether people can assume this role is unknown', evv('assume_role_policy', all.map((p) => p.value).join(', ')));
      return notApplicable(`assumable only by ${[...new Set(all.map((p) => p.audience))].join('/') || 'nobody'} principals, not by people`);
    }
    for (const p of humans) {
      if (requiresMfa(p.statement)) continue;
      if (p.kind === 'saml') return unknown(`SAML principal ${p.value}: MFA is enforced by the identity provider and cannot be verified from the plan`, evv('assume_role_policy', statementSummary(p.statement)));
      return fail(`trusts ${p.kind === 'anyone' ? 'anyone' : p.value} (${p.kind}) without requiring MFA (no Bool aws:MultiFactorAuthPresent = true)`, evv('assume_role_policy', statementSummary(p.statement)));
    }
    return pass(`every human principal (${humans.map((p) => p.value).join(', ')}) must use MFA`);
  },
  examples: {
    pass: [
      {
        description: 'passes when an account root is trusted with Bool aws:MultiFactorAuthPresent = true',
        resources: { 'aws_iam_role.r': { name: 'admin', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) } },
      },
      {
        description: 'passes when MFA age is bounded with NumericLessThan (data-source trust policy)',
        resources: {
          'data.aws_iam_policy_document.t': { statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['111122223333'] }], condition: [{ test: 'NumericLessThan', variable: 'aws:MultiFactorAuthAge', values: ['3600'] }] }] },
          'aws_iam_role.r': { name: 'ops', assume_role_policy: '${data.aws_iam_policy_document.t.json}' },
        },
        target: 'aws_iam_role.r',
      },
    ],
    fail: [
      { description: 'fails when an account root is trusted without an MFA condition', resources: { 'aws_iam_role.r': { name: 'admin', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }) } } },
      {
        description: 'fails when MFA is required only with BoolIfExists',
        resources: { 'aws_iam_role.r': { name: 'admin', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }) } },
      },
      {
        description: 'fails when a role trusted by a service and an account requires MFA of neither',
        resources: { 'aws_iam_role.r': { name: 'mixed', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com', AWS: '111122223333' }, Action: 'sts:AssumeRole' }) } },
      },
    ],
    unknown: [
      { description: 'is unknown when the trust policy is known only after apply', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: SERVICE_TRUST } }, unknown: { 'aws_iam_role.r': ['assume_role_policy'] } },
      {
        description: 'is unknown for a SAML-federated role without an MFA condition (MFA is the IdP\'s)',
        resources: { 'aws_iam_role.r': { name: 'sso', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }) } },
      },
    ],
  },
};
