import { attr, bool } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { ev, fail, judgeAll, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3AccountPublicAccessBlock: GraphRule = {
  id: 'ACC-01b',
  control: 'ACC-01',
  title: 'The account-level S3 public access block is declared with all four settings true',
  strategy: 2,
  citations: PUB,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_account_public_access_block'],
  scope: 'account',
  rationale:
    'The account-level block covers buckets created outside this configuration too (consoles, other stacks), so no bucket in a PHI account can become public by ACL or policy.',
  remediation:
    'Declare aws_s3_account_public_access_block with all four settings true (the phikit AccountBaseline construct does), or include the plan of the baseline stack that owns it and waive this rule for application stacks with a reason.',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['s3-account-level-public-access-blocks-periodic'] },
  check(ctx) {
    const blocks = ctx.graph.ofType('aws_s3_account_public_access_block');
    if (!blocks.length) return [fail('no aws_s3_account_public_access_block in the inputs; the account-level block is not declared')];
    return blocks.map((b): Verdict => {
      const parts = FLAGS.map((f): Verdict => {
        const a = attr(b, f);
        if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(f), ev(f, a), b);
        if ((a.state === 'absent' ? false : bool(a)) !== true) return fail(`${f} is ${a.state === 'absent' ? 'not set (provider default false)' : String(a.value)}`, ev(f, a), b);
        return pass(`${f} is true`, ev(f, a), b);
      });
      const v = judgeAll(parts, 'all four account-level settings are true');
      return v.status === 'pass' ? { ...v, evidence: undefined, resource: b } : v;
    });
  },
  examples: {
    pass: [
      {
        description: 'passes with the account block fully on',
        resources: { 'aws_s3_account_public_access_block.a': { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
      },
    ],
    fail: [
      { description: 'fails when no account-level block is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      { description: 'fails when ignore_public_acls is not set', resources: { 'aws_s3_account_public_access_block.a': { block_public_acls: true, block_public_policy: true, restrict_public_buckets: true } } },
    ],
    unknown: [
      {
        description: 'is unknown when block_public_policy is known only after apply',
        resources: { 'aws_s3_account_public_access_block.a': { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
        unknown: { 'aws_s3_account_public_access_block.a': ['block_public_policy'] },
      },
    ],
  },
};
