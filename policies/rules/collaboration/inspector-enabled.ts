import { attr, list } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

const REQUIRED = ['EC2', 'ECR', 'LAMBDA'];

export const inspectorEnabled: GraphRule = {
  id: 'COL-04',
  control: 'COL-04',
  title: 'Amazon Inspector scans EC2, ECR images and Lambda functions for vulnerabilities',
  strategy: 7,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(5)(ii)(B)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_inspector2_enabler'],
  scope: 'account',
  rationale:
    'Risk analysis (164.308(a)(1)(ii)(A)) and protection from malicious software depend on knowing which workloads carry known vulnerabilities; Inspector applies the CVE intelligence of outside researchers continuously.',
  remediation: 'Declare aws_inspector2_enabler with resource_types ["EC2", "ECR", "LAMBDA"] for the account(s) of the stack.',
  check(ctx) {
    const enablers = ctx.graph.ofType('aws_inspector2_enabler');
    if (!enablers.length) return [fail('no aws_inspector2_enabler in the inputs; no vulnerability scanning is declared')];
    const covered = new Set<string>();
    for (const e of enablers) {
      const a = attr(e, 'resource_types');
      if (a.state === 'unknown') return [unknown('resource_types is known only after apply', undefined, e)];
      for (const t of list(a) ?? []) if (typeof t === 'string') covered.add(t.toUpperCase());
    }
    const missing = REQUIRED.filter((t) => !covered.has(t));
    if (missing.length) return [fail(`Inspector does not scan ${missing.join(', ')}`, { attribute: 'aws_inspector2_enabler.resource_types', value: [...covered].join(', ') || '(none)' }, enablers[0])];
    return [pass(`Inspector scans ${[...covered].sort().join(', ')}`, undefined, enablers[0])];
  },
  examples: {
    pass: [{ description: 'passes when EC2, ECR and Lambda are scanned', resources: { 'aws_inspector2_enabler.i': { account_ids: ['111122223333'], resource_types: ['EC2', 'ECR', 'LAMBDA'] } } }],
    fail: [
      { description: 'fails when Inspector is not enabled', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      { description: 'fails when Lambda is not scanned', resources: { 'aws_inspector2_enabler.i': { account_ids: ['111122223333'], resource_types: ['EC2', 'ECR'] } } },
    ],
    unknown: [
      {
        description: 'is unknown when resource_types is known only after apply',
        resources: { 'aws_inspector2_enabler.i': { account_ids: ['111122223333'], resource_types: ['EC2'] } },
        unknown: { 'aws_inspector2_enabler.i': ['resource_types'] },
      },
    ],
  },
};
