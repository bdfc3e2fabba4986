import { Attr, attr, bool, num } from '../../model/attrs';
import type { GraphRule, Verdict } from '../../engine/types';
import { ev, fail, judgeAll, pass, renderAttr, unknown, unknownMessage } from '../helpers';

/** AWS Config pack parameters: length ≥ 14, every character class, reuse 24, max age 90 days. */
const BOOLS = ['require_uppercase_characters', 'require_lowercase_characters', 'require_numbers', 'require_symbols'];

export const iamPasswordPolicy: GraphRule = {
  id: 'ACC-07',
  control: 'ACC-07',
  title: 'The account password policy requires 14+ characters, every character class, reuse prevention 24 and expiry within 90 days',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(5)(ii)(D)', '164.312(d)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_iam_account_password_policy'],
  scope: 'account',
  rationale: 'Password management (164.308(a)(5)(ii)(D)) for any IAM console password in the account; the AWS default policy allows 8-character passwords that never expire.',
  remediation: 'Declare aws_iam_account_password_policy with minimum_password_length ≥ 14, all four require_* true, password_reuse_prevention ≥ 24 and max_password_age ≤ 90 (phikit AccountBaseline does).',
  construct: 'AccountBaseline',
  anchors: { awsConfig: ['iam-password-policy'], checkov: ['CKV_AWS_9', 'CKV_AWS_10', 'CKV_AWS_11', 'CKV_AWS_12', 'CKV_AWS_13', 'CKV_AWS_14', 'CKV_AWS_15'] },
  check(ctx) {
    const policies = ctx.graph.ofType('aws_iam_account_password_policy');
    if (!policies.length) return [fail('no aws_iam_account_password_policy is declared; the AWS default allows 8-character, never-expiring passwords')];
    return policies.map((p): Verdict => {
      // Each setting is judged on its own; a known weak one fails even when another is known only after apply.
      const judge = (k: string, ok: (a: Attr) => string | undefined): Verdict => {
        const a = attr(p, k);
        if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(k), ev(k, a), p);
        const why = ok(a);
        return why ? fail(why, ev(k, a), p) : pass(`${k} is ${renderAttr(a)}`, ev(k, a), p);
      };
      const parts = [
        ...BOOLS.map((k) => judge(k, (a) => (bool(a) === true ? undefined : `${k} is ${a.state === 'absent' ? 'not set (default false)' : 'false'}`))),
        judge('minimum_password_length', (a) => {
          const len = num(a) ?? 6;
          return len < 14 ? `minimum_password_length is ${len}${a.state === 'absent' ? ' (not set)' : ''}, less than 14` : undefined;
        }),
        judge('password_reuse_prevention', (a) => {
          const reuse = num(a) ?? 0;
          return reuse < 24 ? `password_reuse_prevention is ${reuse || 'not set'}, less than 24` : undefined;
        }),
        judge('max_password_age', (a) => {
          const age = num(a) ?? 0;
          return age <= 0 || age > 90 ? `max_password_age is ${age || 'not set (never expires)'}, not within 90 days` : undefined;
        }),
      ];
      const v = judgeAll(parts, 'password policy meets the Config pack parameters');
      return v.status === 'pass' ? { ...v, resource: p } : v;
    });
  },
  examples: {
    pass: [
      {
        description: 'passes with length 14, all classes, reuse 24, max age 90',
        resources: { 'aws_iam_account_password_policy.p': { minimum_password_length: 14, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 } },
      },
    ],
    fail: [
      { description: 'fails when no password policy is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when minimum_password_length is 8',
        resources: { 'aws_iam_account_password_policy.p': { minimum_password_length: 8, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 } },
      },
      {
        description: 'fails on a known short minimum_password_length even when password_reuse_prevention is known only after apply',
        resources: { 'aws_iam_account_password_policy.p': { minimum_password_length: 6, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 } },
        unknown: { 'aws_iam_account_password_policy.p': ['password_reuse_prevention'] },
      },
      { description: 'fails when max_password_age is not set (never expires)', resources: { 'aws_iam_account_password_policy.p': { minimum_password_length: 14, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24 } } },
    ],
    unknown: [
      {
        description: 'is unknown when minimum_password_length is known only after apply and every known setting passes',
        resources: { 'aws_iam_account_password_policy.p': { minimum_password_length: 14, require_uppercase_characters: true, require_lowercase_characters: true, require_numbers: true, require_symbols: true, password_reuse_prevention: 24, max_password_age: 90 } },
        unknown: { 'aws_iam_account_password_policy.p': ['minimum_password_length'] },
      },
    ],
  },
};
