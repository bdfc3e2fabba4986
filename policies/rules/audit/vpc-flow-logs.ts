import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

export const vpcFlowLogs: ResourceRule = {
  id: 'AUD-07',
  control: 'AUD-07',
  title: 'Every VPC has flow logs of all traffic',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  severity: 'high',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale: 'Flow logs are the network audit trail: which hosts talked to the PHI database, and whether data left the VPC. Logging only ACCEPT or REJECT misses half the story.',
  remediation: 'Add an aws_flow_log with vpc_id set to the VPC and traffic_type = "ALL"; the phikit HipaaVpc construct sends them to an encrypted six-year log group.',
  construct: 'HipaaVpc',
  anchors: { cdkNag: ['HIPAA.Security-VPCFlowLogsEnabled'], awsConfig: ['vpc-flow-logs-enabled'], checkov: ['CKV2_AWS_11'] },
  check(vpc, ctx) {
    const logs = ctx.graph.related(vpc, 'aws_flow_log', 'vpc_id');
    if (!logs.length) return fail('no aws_flow_log refers to this VPC', { attribute: 'aws_flow_log.vpc_id', value: '(none)' });
    for (const l of logs) {
      const t = attr(l, 'traffic_type');
      if (t.state === 'unknown') return unknown('traffic_type is known only after apply');
      if (str(t) === 'ALL') return pass(`${l.address} logs ALL traffic`);
    }
    return fail(`flow logs record only ${str(attr(logs[0], 'traffic_type')) ?? 'part of the'} traffic, not ALL`, { attribute: 'traffic_type', value: str(attr(logs[0], 'traffic_type')) ?? '(not set)' });
  },
  examples: {
    pass: [{ description: 'passes with ALL-traffic flow logs', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'ALL', log_destination: 'arn:aws:logs:us-east-1:111122223333:log-group:flow' } }, target: 'aws_vpc.v' }],
    fail: [
      { description: 'fails when the VPC has no flow log', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } }, target: 'aws_vpc.v' },
      { description: 'fails when only REJECT traffic is logged', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'REJECT' } }, target: 'aws_vpc.v' },
    ],
    unknown: [
      {
        description: 'is unknown when traffic_type is known only after apply',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'ALL' } },
        unknown: { 'aws_flow_log.f': ['traffic_type'] },
        target: 'aws_vpc.v',
      },
    ],
  },
};
