import { addDays, ageInDays, evidenceFile, isVerdict } from '../../evidence';
import { humanPrincipals, unresolvedPrincipalSources } from '../../evidence/principals';
import type { GraphRule, Verdict } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

interface TrainingRecord {
  principal: string;
  aliases?: string[];
  course: string;
  completed_at: string;
  expires_at?: string;
  attested_by: string;
  sanction_ack_at?: string;
}
export interface TrainingFile {
  records: TrainingRecord[];
}

/** Records that name a principal, by its name, ARN or an alias. */
export function recordsFor(file: TrainingFile, ids: readonly string[]): TrainingRecord[] {
  return file.records.filter((r) => ids.includes(r.principal) || (r.aliases ?? []).some((a) => ids.includes(a)));
}

const TRAINING = (principal: string, completed: string) => ({ records: [{ principal, course: 'HIPAA Security Awareness 2026', completed_at: completed, attested_by: 'lms@example.org', sanction_ack_at: completed }] });

const SAML_TRUST = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'saml:sub': 'carol@example.org' } } }],
});
const SSO_ASSIGNMENT = {
  instance_arn: 'arn:aws:sso:::instance/ssoins-1',
  permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
  principal_type: 'USER',
  principal_id: '9067d1a2-dave',
  target_id: '111122223333',
  target_type: 'AWS_ACCOUNT',
};

export const trainingCurrent: GraphRule = {
  id: 'TRN-01',
  control: 'TRN-01',
  title: 'Every person with access to PHI completed HIPAA security training within 365 days',
  strategy: 4,
  citations: ['164.308(a)(5)(i)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.308(a)(5)(i) security awareness and training program for all members of the workforce' },
  resourceTypes: ['aws_iam_user', 'aws_identitystore_user', 'aws_iam_role', 'aws_ssoadmin_account_assignment', 'aws_identitystore_group_membership'],
  scope: 'evidence',
  kind: 'evidence',
  rationale:
    'The security awareness and training standard (164.308(a)(5)(i)) applies to all members of the workforce. The plan names the people who can reach PHI (IAM users, Identity Center users, users trusted by roles); each needs a current training record, attested by the training system.',
  remediation:
    'Add a record per person to training.json in the evidence directory (principal = IAM/SSO user name or ARN, course, completed_at, attested_by) and refresh it at least yearly; `phikit evidence init` writes a template.',
  check(ctx) {
    const file = evidenceFile<TrainingFile>(ctx, 'training.json');
    if (isVerdict(file)) return [file];
    const people = humanPrincipals(ctx.graph);
    const out: Verdict[] = unresolvedPrincipalSources(ctx.graph).map((r) => ({ ...unknown(`${r.address} may name people who need training, but who is known only after apply`, undefined, r), evidenceFile: file.path }));
    for (const p of people) {
      const recs = recordsFor(file.data, p.ids);
      if (!recs.length) {
        out.push({ ...fail(`${p.label} has no training record in ${file.path}`, { attribute: 'training.json.records[].principal', value: `(no record for ${p.ids[0]})` }, p.resource), evidenceFile: file.path });
        continue;
      }
      const newest = recs.map((r) => r.completed_at).sort().pop() as string;
      const age = ageInDays(newest, ctx.now) ?? Infinity;
      const expiresAt = recs.map((r) => r.expires_at ?? addDays(r.completed_at, 365)).sort().pop() as string;
      if (age > 365 || (ageInDays(expiresAt, ctx.now) ?? 0) > 0) {
        out.push({ ...fail(`${p.label}: training expired on ${expiresAt} (last completed ${newest})`, { attribute: 'training.json.completed_at', value: newest }, p.resource), evidenceFile: file.path });
      } else out.push({ ...pass(`${p.label}: trained on ${newest}, valid until ${expiresAt}`, undefined, p.resource), evidenceFile: file.path });
    }
    if (!people.length && !out.length) {
      const stale = file.data.records.filter((r) => (ageInDays(r.completed_at, ctx.now) ?? Infinity) > 365);
      out.push(
        stale.length
          ? { ...fail(`${stale.length} training record(s) older than 365 days, e.g. ${stale[0].principal} (completed ${stale[0].completed_at})`, { attribute: 'training.json.completed_at', value: stale[0].completed_at }), evidenceFile: file.path }
          : { ...pass(`${file.data.records.length} training record(s), all within 365 days; the inputs name no individual users`), evidenceFile: file.path },
      );
    }
    return out;
  },
  examples: {
    pass: [
      { description: 'passes when the IAM user has training completed 100 days ago', resources: { 'aws_iam_user.alice': { name: 'alice' } }, evidence: { 'training.json': TRAINING('alice', '2026-08-20') }, now: '2026-11-28T00:00:00Z' },
      { description: 'passes when the SAML subject named in a trust condition has current training', resources: { 'aws_iam_role.r': { name: 'phi-reader', assume_role_policy: SAML_TRUST } }, evidence: { 'training.json': TRAINING('carol@example.org', '2026-06-01') }, now: '2026-11-28T00:00:00Z' },
    ],
    fail: [
      { description: 'fails when training.json is missing', resources: { 'aws_iam_user.alice': { name: 'alice' } } },
      { description: 'fails with the expiry date when training is older than 365 days', resources: { 'aws_iam_user.alice': { name: 'alice' } }, evidence: { 'training.json': TRAINING('alice', '2025-10-01') }, now: '2026-11-28T00:00:00Z' },
      {
        description: 'fails when a user trusted by a role has no record',
        resources: {
          'aws_iam_role.r': { name: 'phi-reader', assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'sts:AssumeRole' }] }) },
        },
        evidence: { 'training.json': TRAINING('alice', '2026-08-20') },
        now: '2026-11-28T00:00:00Z',
      },
      { description: 'fails when the SAML subject named in a trust condition has no record', resources: { 'aws_iam_role.r': { name: 'phi-reader', assume_role_policy: SAML_TRUST } }, evidence: { 'training.json': TRAINING('alice', '2026-08-20') }, now: '2026-11-28T00:00:00Z' },
      { description: 'fails when an Identity Center account assignment names a user id without a record', resources: { 'aws_ssoadmin_account_assignment.a': SSO_ASSIGNMENT }, evidence: { 'training.json': TRAINING('alice', '2026-08-20') }, now: '2026-11-28T00:00:00Z' },
      {
        description: 'fails when training.json does not match its schema',
        resources: { 'aws_iam_user.alice': { name: 'alice' } },
        evidence: { 'training.json': { records: [{ principal: 'alice', completed_at: 'last year' }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when a role trust policy is known only after apply',
        resources: { 'aws_iam_role.r': { name: 'phi-reader', assume_role_policy: '{}' } },
        unknown: { 'aws_iam_role.r': ['assume_role_policy'] },
        evidence: { 'training.json': TRAINING('alice', '2026-08-20') },
        now: '2026-11-28T00:00:00Z',
      },
    ],
  },
};
