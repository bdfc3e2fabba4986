import { coversAction } from '../../model/iam';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { attachedPolicies, isAuditorRole } from './_shared';
import { AUDITOR_TRUST_EXAMPLE } from './auditor-role-trust';

/** Data-plane reads that return PHI. SecurityAudit does not grant them, but an explicit Deny survives later policy changes. */
export const PHI_READ_ACTIONS = ['s3:GetObject', 'kms:Decrypt', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];

export const auditorRoleDeniesPhi: ResourceRule = {
  id: 'COL-01d',
  control: 'COL-01',
  title: 'External-auditor roles explicitly deny reading PHI',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.308(a)(4)(ii)(B)', '164.312(a)(1)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'An explicit Deny of data-plane reads (S3 objects, KMS decrypt, DynamoDB items) keeps PHI out of reach of outside reviewers even if a broader policy is attached later by mistake — the minimum-necessary principle in access authorization.',
  remediation: 'Attach a policy with Effect Deny on s3:GetObject, kms:Decrypt, dynamodb:GetItem, dynamodb:Query and dynamodb:Scan for Resource "*"; the phikit AuditorAccess construct adds it.',
  construct: 'AuditorAccess',
  check(role, ctx) {
    if (!isAuditorRole(ctx.graph, role)) return notApplicable('not an external-auditor role');
    const att = attachedPolicies(ctx.graph, role);
    const denied = new Set<string>();
    let sawUnknown = att.unresolved;
    for (const d of att.documents) {
      if (d.read.state === 'unknown') sawUnknown = true;
      if (d.read.state !== 'known') continue;
      for (const s of d.read.doc.statements) {
        if (s.effect !== 'Deny' || !(s.resources?.includes('*') ?? false)) continue;
        for (const a of PHI_READ_ACTIONS) if (coversAction(s, a)) denied.add(a);
      }
    }
    const missing = PHI_READ_ACTIONS.filter((a) => !denied.has(a));
    if (!missing.length) return pass('PHI reads are explicitly denied');
    if (sawUnknown) return unknown(`cannot verify a Deny of ${missing.join(', ')}: a policy is known only after apply`);
    return fail(`no explicit Deny of ${missing.join(', ')}`, { attribute: 'policy.Statement', value: `denied: ${[...denied].join(', ') || '(none)'}` });
  },
  examples: {
    pass: [
      {
        description: 'passes with an inline Deny of PHI reads',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy.deny': { role: '${aws_iam_role.auditor.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: ['s3:GetObject', 'kms:Decrypt', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'], Resource: '*' }] }) },
        },
        target: 'aws_iam_role.auditor',
      },
    ],
    fail: [
      { description: 'fails when no Deny policy is attached', resources: { 'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE } } },
      {
        description: 'fails when the Deny misses kms:Decrypt',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy.deny': { role: '${aws_iam_role.auditor.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: ['s3:GetObject', 'dynamodb:*'], Resource: '*' }] }) },
        },
        target: 'aws_iam_role.auditor',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the deny policy is known only after apply',
        resources: {
          'aws_iam_role.auditor': { name: 'auditor', tags: { Purpose: 'auditor' }, assume_role_policy: AUDITOR_TRUST_EXAMPLE },
          'aws_iam_role_policy.deny': { role: '${aws_iam_role.auditor.id}', policy: '{"Statement":[]}' },
        },
        unknown: { 'aws_iam_role_policy.deny': ['policy'] },
        target: 'aws_iam_role.auditor',
      },
    ],
  },
};
