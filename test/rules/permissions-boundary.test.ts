/**
 * A policy used only as a permissions boundary is a ceiling, not a grant: the identity-policy rules
 * do not judge it. Told from the roles and users that name it, through both input formats.
 */
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { evaluate } from '../../policies/engine/evaluate';
import { RULES } from '../../policies/rules';
import { policyJson } from '../../policies/rules/access-control/_shared';
import type { RuleCase } from '../../policies/engine/types';
import { toPlan, toSynth } from '../support/cases';

const ADMIN = policyJson({ Effect: 'Allow', Action: '*', Resource: '*' });
const TRUST = policyJson({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

function statusOf(c: RuleCase, format: 'plan' | 'synth'): string | undefined {
  const doc = format === 'plan' ? toPlan(c) : toSynth(c);
  const text = JSON.stringify(doc);
  const graph = Graph.from([parseDocument(JSON.parse(text), format === 'plan' ? 'plan.json' : 'cdk.tf.json', text)]);
  const { findings } = evaluate(graph, { rules: RULES, ruleIds: ['ACC-04a'] });
  return findings.find((f) => f.address === 'aws_iam_policy.ceiling')?.status ?? 'not judged';
}

const boundaryOnly: RuleCase = {
  description: 'a policy that is only a boundary',
  resources: {
    'aws_iam_policy.ceiling': { name: 'ceiling', policy: ADMIN },
    'aws_iam_role.r': { name: 'r', assume_role_policy: TRUST, permissions_boundary: '${aws_iam_policy.ceiling.arn}' },
  },
};
const alsoAttached: RuleCase = {
  description: 'a boundary that is also attached',
  resources: {
    ...boundaryOnly.resources,
    'aws_iam_role_policy_attachment.a': { role: '${aws_iam_role.r.name}', policy_arn: '${aws_iam_policy.ceiling.arn}' },
  },
};
const notBoundary: RuleCase = {
  description: 'a role with another boundary',
  resources: {
    'aws_iam_policy.ceiling': { name: 'ceiling', policy: ADMIN },
    'aws_iam_policy.other': { name: 'other', policy: policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi/*' }) },
    'aws_iam_role.r': { name: 'r', assume_role_policy: TRUST, permissions_boundary: '${aws_iam_policy.other.arn}' },
  },
};

describe.each(['plan', 'synth'] as const)('ACC-04a and permissions boundaries (%s)', (format) => {
  it('does not judge a policy used only as a permissions boundary', () => {
    expect(statusOf(boundaryOnly, format)).toBe('not judged');
  });

  it('judges a boundary that is also attached as a grant', () => {
    expect(statusOf(alsoAttached, format)).toBe('fail');
  });

  it('judges a policy that no boundary names', () => {
    expect(statusOf(notBoundary, format)).toBe('fail');
  });
});
