import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { READ_ONLY_AUDIT_POLICIES, attachedPolicies, isAuditorRole } from './_shared';
import { AUDITOR_TRUST_EXAMPLE } from './auditor-role-trust';

export const auditorRolePermissions: ResourceRule = {
  id: 'COL-01c',
  control: 'COL-01',
  title: 'External-auditor roles hold only read-only audit permissions',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.308(a)(4)(ii)(B)', '164.308(a)(3)(ii)(A)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'Outside experts evaluate configuration; they do not need to change it or to read PHI. Access authorization (164.308(a)(4)(ii)(B)) for them is SecurityAudit or ViewOnlyAccess and nothing that allows writes.',
  remediation: 'Attach only arn:aws:iam::aws:policy/SecurityAudit (optionally job-function/ViewOnlyAccess); any extra policy may contain only Deny statements. The phikit AuditorAccess construct does this.',
  construct: 'AuditorAccess',
  check(role, ctx) {
    if (!isAuditorRole(ctx.graph, role)) return notApplicable('not an external-auditor role');
    const att = attachedPolicies(ctx.graph, role);
    const extra = att.managed.filter((a) => !READ_ONLY_AUDIT_POLICIES.includes(a));
    if (extra.length) return fail(`attached policy ${extra[0]} is not a read-only audit policy`, { attribute: 'policy_arn', value: extra[0] });
    for (const d of att.documents) {
      if (d.read.state === 'unknown') return unknown(`${d.source}: ${d.read.reason}`);
      if (d.read.state === 'known' && d.read.doc.statements.some((s) => s.effect === 'Allow')) {
        return fail(`${d.source} allows actions beyond the read-only audit policies`, { attribute: `${d.source}.policy`, value: '(Allow statement)' });
      }
    }
    if (att.unresolved) return unknown('an attached policy is known only after apply');
    if (!att.managed.length) return fail('no SecurityAudit or ViewOnlyAccess policy is attached', { attribute: 'policy_arn', value: '(none)' });
    return pass(`attached: ${att.managed.join(', ')}`);
  },
  examples: {
    pass: [
      {
        description: 'passes with SecurityAudit and a deny-only policy',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy_attachment.audit': { role: '${aws_iam_role.auditor.name}', policy_arn: 'arn:aws:iam::aws:policy/SecurityAudit' },
          'aws_iam_role_policy.deny': { role: '${aws_iam_role.auditor.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }] }) },
        },
        target: 'aws_iam_role.auditor',
      },
    ],
    fail: [
      {
        description: 'fails when AdministratorAccess is attached',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy_attachment.admin': { role: '${aws_iam_role.auditor.name}', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        },
        target: 'aws_iam_role.auditor',
      },
      {
        description: 'fails when an inline policy allows writes',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy_attachment.audit': { role: '${aws_iam_role.auditor.name}', policy_arn: 'arn:aws:iam::aws:policy/SecurityAudit' },
          'aws_iam_role_policy.extra': { role: '${aws_iam_role.auditor.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }] }) },
        },
        target: 'aws_iam_role.auditor',
      },
    ],
    unknown: [
      {
        description: 'is unknown when an inline policy is known only after apply',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy_attachment.audit': { role: '${aws_iam_role.auditor.name}', policy_arn: 'arn:aws:iam::aws:policy/SecurityAudit' },
          'aws_iam_role_policy.x': { role: '${aws_iam_role.auditor.id}', policy: '{"Statement":[]}' },
        },
        unknown: { 'aws_iam_role_policy.x': ['policy'] },
        target: 'aws_iam_role.auditor',
      },
    ],
  },
};
