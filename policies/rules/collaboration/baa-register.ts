import { ageInDays, evidenceFile, isVerdict } from '../../evidence';
import { externalAccounts } from '../../evidence/principals';
import type { GraphRule, Verdict } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

interface Agreement {
  party: string;
  aws_account_ids: string[];
  executed_at: string;
  expires_at?: string;
  scope: string;
}

const TRUST_VENDOR = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'v-1' } } }] });

export const baaRegister: GraphRule = {
  id: 'COL-02',
  control: 'COL-02',
  title: 'Every external AWS account granted access has an executed business associate agreement',
  strategy: 7,
  citations: ['164.308(b)(1)', '164.308(b)(3)', '164.314(a)(1)'],
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.308(b)(1) business associate contracts: a business associate with access to ePHI needs a written agreement' },
  resourceTypes: ['aws_iam_role', 'aws_s3_bucket_policy', 'aws_kms_key', 'aws_sns_topic_policy', 'aws_sqs_queue_policy'],
  scope: 'evidence',
  kind: 'evidence',
  rationale:
    'A business associate may create, receive, maintain or transmit ePHI only under a written contract (164.308(b)(1), 164.314(a)). Every AWS account outside the organization that a trust or resource policy lets in is such a party until shown otherwise.',
  remediation:
    'Add the party to baa-register.json in the evidence directory with its AWS account ids, executed_at, expires_at and scope — or remove the grant. `phikit evidence init` writes a template.',
  check(ctx) {
    const { accounts, unknownPolicies } = externalAccounts(ctx.graph);
    // A policy known only after apply may grant an external account: never a silent pass.
    const unknowns = unknownPolicies.map((r) => unknown(`the policy of ${r.address} is known only after apply; the accounts it grants cannot be listed`, undefined, r));
    if (!accounts.length) return unknowns.length ? unknowns : [pass('no policy in the inputs grants access to an external AWS account')];
    const file = evidenceFile<{ agreements: Agreement[] }>(ctx, 'baa-register.json');
    if (isVerdict(file)) return [file, ...unknowns];
    const out: Verdict[] = [...unknowns];
    for (const a of accounts) {
      const agreement = file.data.agreements.find((g) => g.aws_account_ids.includes(a.account));
      const ev = { attribute: a.where, value: a.account };
      if (!agreement) out.push({ ...fail(`account ${a.account} is granted access in ${a.where} but has no BAA in ${file.path}`, ev, a.resource), evidenceFile: file.path });
      else if ((ageInDays(agreement.executed_at, ctx.now) ?? -1) < 0) out.push({ ...fail(`the BAA with ${agreement.party} is not executed yet (executed_at ${agreement.executed_at})`, ev, a.resource), evidenceFile: file.path });
      else if (agreement.expires_at && (ageInDays(agreement.expires_at, ctx.now) ?? 0) > 0) out.push({ ...fail(`the BAA with ${agreement.party} expired on ${agreement.expires_at}`, ev, a.resource), evidenceFile: file.path });
      else out.push({ ...pass(`account ${a.account}: BAA with ${agreement.party} executed ${agreement.executed_at}`, ev, a.resource), evidenceFile: file.path });
    }
    return out;
  },
  examples: {
    pass: [
      {
        description: 'passes when the vendor account has an executed BAA',
        resources: { 'aws_iam_role.vendor': { name: 'vendor-support', assume_role_policy: TRUST_VENDOR } },
        evidence: { 'baa-register.json': { agreements: [{ party: 'Example Support LLC', aws_account_ids: ['444455556666'], executed_at: '2026-01-15', expires_at: '2028-01-14', scope: 'support of the PHI platform' }] } },
        now: '2026-11-28T00:00:00Z',
      },
    ],
    fail: [
      { description: 'fails when the vendor account has no BAA on record', resources: { 'aws_iam_role.vendor': { name: 'vendor-support', assume_role_policy: TRUST_VENDOR } }, evidence: { 'baa-register.json': { agreements: [] } } },
      { description: 'fails when baa-register.json is missing', resources: { 'aws_iam_role.vendor': { name: 'vendor-support', assume_role_policy: TRUST_VENDOR } } },
      {
        description: 'fails with the date when the BAA expired',
        resources: { 'aws_iam_role.vendor': { name: 'vendor-support', assume_role_policy: TRUST_VENDOR } },
        evidence: { 'baa-register.json': { agreements: [{ party: 'Example Support LLC', aws_account_ids: ['444455556666'], executed_at: '2024-01-15', expires_at: '2026-01-14', scope: 'support' }] } },
        now: '2026-11-28T00:00:00Z',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the only trust policy is known only after apply',
        resources: { 'aws_iam_role.vendor': { name: 'vendor-support', assume_role_policy: TRUST_VENDOR } },
        unknown: { 'aws_iam_role.vendor': ['assume_role_policy'] },
      },
    ],
  },
};
