import { attr, bool } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

export const configAggregator: GraphRule = {
  id: 'COL-07',
  control: 'COL-07',
  title: 'A Config aggregator collects every region for the central security team',
  strategy: 7,
  citations: ['164.308(a)(8)', '164.308(a)(1)(ii)(D)'],
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_config_configuration_aggregator'],
  scope: 'account',
  rationale:
    'Security experts reviewing the environment (internal or contracted) need one view of configuration across accounts and regions; an aggregator over all regions gives the central audit account that view.',
  remediation:
    'Declare aws_config_configuration_aggregator with account_aggregation_source or organization_aggregation_source and all_regions = true, usually in the security/audit account stack; pass that stack\'s plan too, or waive for application stacks with a reason.',
  anchors: { checkov: ['CKV_AWS_121'] },
  check(ctx) {
    const aggs = ctx.graph.ofType('aws_config_configuration_aggregator');
    if (!aggs.length) return [fail('no aws_config_configuration_aggregator in the inputs')];
    for (const a of aggs) {
      for (const src of ['account_aggregation_source', 'organization_aggregation_source']) {
        const all = attr(a, `${src}.all_regions`);
        if (all.state === 'unknown') return [unknown(`${src}.all_regions is known only after apply`, undefined, a)];
        if (bool(all) === true) return [pass(`${a.address} aggregates all regions`, undefined, a)];
      }
    }
    return [fail('no aggregator has all_regions = true', { attribute: 'all_regions', value: 'false' }, aggs[0])];
  },
  examples: {
    pass: [
      {
        description: 'passes with an organization aggregator over all regions',
        resources: { 'aws_config_configuration_aggregator.org': { name: 'org', organization_aggregation_source: [{ all_regions: true, role_arn: 'arn:aws:iam::111122223333:role/config-aggregator' }] } },
      },
    ],
    fail: [
      { description: 'fails when no aggregator is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when the aggregator covers only listed regions',
        resources: { 'aws_config_configuration_aggregator.a': { name: 'a', account_aggregation_source: [{ account_ids: ['111122223333'], regions: ['us-east-1'] }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when all_regions is known only after apply',
        resources: { 'aws_config_configuration_aggregator.a': { name: 'a', account_aggregation_source: [{ account_ids: ['111122223333'], all_regions: true }] } },
        unknown: { 'aws_config_configuration_aggregator.a': ['account_aggregation_source.all_regions'] },
      },
    ],
  },
};
