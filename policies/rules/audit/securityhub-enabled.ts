import type { GraphRule } from '../../engine/types';
import { fail, pass } from '../helpers';

export const securityhubEnabled: GraphRule = {
  id: 'AUD-14',
  control: 'AUD-14',
  title: 'Security Hub is enabled',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_securityhub_account'],
  scope: 'account',
  rationale: 'Security Hub aggregates findings from GuardDuty, Inspector, Config and its own standards into one reviewed place; without it, audit findings are scattered across services and go unreviewed.',
  remediation: 'Declare an aws_securityhub_account (the phikit AuditTrail construct does) in every region the stack deploys to, or waive for application stacks whose account baseline enables it.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['securityhub-enabled'] },
  check(ctx) {
    const hubs = ctx.graph.ofType('aws_securityhub_account');
    if (!hubs.length) return [fail('no aws_securityhub_account in the inputs; Security Hub is not enabled', { attribute: 'aws_securityhub_account', value: '(none)' })];
    return hubs.map((h) => pass('Security Hub is enabled', undefined, h));
  },
  examples: {
    pass: [{ description: 'passes with an aws_securityhub_account', resources: { 'aws_securityhub_account.h': { enable_default_standards: false } } }],
    fail: [{ description: 'fails when no aws_securityhub_account is declared', resources: { 'aws_guardduty_detector.d': { enable: true } } }],
  },
};
