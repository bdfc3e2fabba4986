import type { GraphRule } from '../../engine/types';
import { fail, pass } from '../helpers';

export const securityhubEnabled: GraphRule = {
  id: 'AUD-14',
  control: 'AUD-14',
  title: 'Security Hub is enabled',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'medium',
  resourceTypes: ['aws_securityhub_account'],
  scope: 'account',
  rationale: 'Security Hub gathers findings from GuardDuty, Inspector, Config and Access Analyzer into one place a security team reviews regularly.',
  remediation: 'Declare aws_securityhub_account (and standards subscriptions, COL-03); the phikit AuditTrail construct does.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['securityhub-enabled'] },
  check(ctx) {
    const hubs = ctx.graph.ofType('aws_securityhub_account');
    return hubs.length ? [pass('Security Hub is enabled', undefined, hubs[0])] : [fail('no aws_securityhub_account in the inputs')];
  },
  examples: {
    pass: [{ description: 'passes with Security Hub enabled', resources: { 'aws_securityhub_account.h': {} } }],
    fail: [{ description: 'fails when Security Hub is not enabled', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } }],
  },
};
