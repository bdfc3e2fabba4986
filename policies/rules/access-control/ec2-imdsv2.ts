import { Attr, attr, num, str, undecided } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { cfgAttr, ev, fail, judgeAll, pass, unknown, unknownMessage } from '../helpers';
import { computedOnly } from './_shared';

const CITES = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];

export const ec2Imdsv2: ResourceRule = {
  id: 'ACC-17a',
  control: 'ACC-17',
  title: 'EC2 instances and launch templates require IMDSv2 with a hop limit of 1',
  strategy: 2,
  citations: CITES,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  scope: 'resource',
  rationale: 'IMDSv1 answers any request, so a server-side request forgery bug hands the instance role credentials (and the PHI they reach) to an attacker; IMDSv2 session tokens with hop limit 1 stop that and keep containers from reaching the host role.',
  remediation: 'Set metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 } (or http_endpoint = "disabled").',
  anchors: { cdkNag: ['HIPAA.Security-EC2IMDSv2Enabled'], awsConfig: ['ec2-imdsv2-check'], checkov: ['CKV_AWS_79', 'CKV_AWS_341'] },
  check(res) {
    // Left out of a written metadata_options block (computed by the provider in a plan), the endpoint is enabled.
    const endpoint = cfgAttr(res, 'metadata_options.http_endpoint');
    if (str(endpoint) === 'disabled') return pass('the metadata endpoint is disabled', ev('metadata_options.http_endpoint', endpoint));
    const tokens = attr(res, 'metadata_options.http_tokens');
    const hops = attr(res, 'metadata_options.http_put_response_hop_limit');
    const open = (a: Attr) => (a.state === 'unknown' && !computedOnly(a)) || a.state === 'sensitive';
    // Tokens and hop limit are judged on their own; a known failure of either fails even when the other is unknown.
    const tokenV = open(tokens)
      ? unknown(unknownMessage('metadata_options.http_tokens'), ev('metadata_options.http_tokens', tokens))
      : str(tokens) !== 'required'
        ? fail(`metadata_options.http_tokens is ${str(tokens) ?? 'not set (IMDSv1 allowed unless the AMI defaults to v2)'}`, ev('metadata_options.http_tokens', tokens))
        : pass('metadata_options.http_tokens is required', ev('metadata_options.http_tokens', tokens));
    const h = num(hops);
    const hopV = open(hops)
      ? unknown(unknownMessage('metadata_options.http_put_response_hop_limit'), ev('metadata_options.http_put_response_hop_limit', hops))
      : h !== undefined && h > 1
        ? fail(`metadata_options.http_put_response_hop_limit is ${h}, more than 1`, ev('metadata_options.http_put_response_hop_limit', hops))
        : pass('hop limit 1');
    const v = judgeAll([tokenV, hopV], 'IMDSv2 is required');
    // A disabled endpoint passes whatever the tokens: an endpoint known only after apply leaves a failure undecided.
    if (v.status === 'fail' && undecided(endpoint)) return unknown(`${v.message}, but metadata_options.http_endpoint is known only after apply (a disabled endpoint would pass)`, ev('metadata_options.http_endpoint', endpoint));
    return v.status === 'pass' ? pass('IMDSv2 is required', ev('metadata_options.http_tokens', tokens)) : v;
  },
  examples: {
    pass: [
      { description: 'passes with http_tokens required and hop limit 1', resources: { 'aws_instance.i': { ami: 'ami-1', metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: 1 }] } } },
      { description: 'passes for a launch template with the endpoint disabled', resources: { 'aws_launch_template.t': { name: 't', metadata_options: [{ http_endpoint: 'disabled' }] } } },
    ],
    fail: [
      { description: 'fails when metadata_options is not set', resources: { 'aws_instance.i': { ami: 'ami-1' } } },
      { description: 'fails when http_tokens is optional', resources: { 'aws_launch_template.t': { name: 't', metadata_options: [{ http_tokens: 'optional' }] } } },
      { description: 'fails when the hop limit is 3', resources: { 'aws_instance.i': { ami: 'ami-1', metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: 3 }] } } },
    ],
    unknown: [
      { description: 'is unknown when http_tokens is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', metadata_options: [{ http_tokens: 'required' }] } }, unknown: { 'aws_instance.i': ['metadata_options.http_tokens'] } },
      {
        description: 'is unknown when http_tokens is optional but http_endpoint is known only after apply (a disabled endpoint would pass)',
        resources: { 'aws_launch_template.t': { name: 't', metadata_options: [{ http_tokens: 'optional', http_endpoint: 'disabled' }] } },
        unknown: { 'aws_launch_template.t': ['metadata_options.http_endpoint'] },
      },
    ],
  },
};
