import { attr, str } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass } from '../helpers';

export const configRulesDeployed: GraphRule = {
  id: 'AUD-13b',
  control: 'AUD-13',
  title: 'The HIPAA conformance pack (or Config rules) is deployed',
  strategy: 3,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)', '164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_config_conformance_pack', 'aws_config_organization_conformance_pack', 'aws_config_config_rule'],
  scope: 'account',
  rationale:
    'Periodic technical evaluation (164.308(a)(8)) needs the deployed environment checked continuously, not only the plan. The Operational Best Practices for HIPAA Security conformance pack evaluates the running resources against the same controls this checker applies before deployment.',
  remediation: 'Declare an aws_config_conformance_pack with the "Operational-Best-Practices-for-HIPAA-Security" template (the phikit AuditTrail construct does), or aws_config_config_rule resources, or waive for application stacks whose account baseline deploys the pack.',
  construct: 'AuditTrail',
  check(ctx) {
    const packs = [...ctx.graph.ofType('aws_config_conformance_pack'), ...ctx.graph.ofType('aws_config_organization_conformance_pack')];
    const hipaa = packs.find((p) => /hipaa/i.test(`${str(attr(p, 'name')) ?? ''} ${str(attr(p, 'template_s3_uri')) ?? ''} ${str(attr(p, 'template_body')) ?? ''}`));
    if (hipaa) return [pass(`${hipaa.address} deploys a HIPAA conformance pack`, undefined, hipaa)];
    if (packs.length) return [pass(`${packs[0].address} deploys a conformance pack (not named HIPAA; review its rules)`, undefined, packs[0])];
    const rules = ctx.graph.ofType('aws_config_config_rule');
    if (rules.length) return [pass(`${rules.length} aws_config_config_rule resource(s) are deployed`, undefined, rules[0])];
    return [fail('no aws_config_conformance_pack or aws_config_config_rule in the inputs; the deployed environment is not evaluated', { attribute: 'aws_config_conformance_pack', value: '(none)' })];
  },
  examples: {
    pass: [{ description: 'passes with a HIPAA conformance pack', resources: { 'aws_config_conformance_pack.p': { name: 'Operational-Best-Practices-for-HIPAA-Security', template_s3_uri: 's3://packs/hipaa.yaml' } } }],
    fail: [{ description: 'fails when no conformance pack or Config rule is declared', resources: { 'aws_config_configuration_recorder.r': { name: 'default', role_arn: 'arn:r' } } }],
  },
};
