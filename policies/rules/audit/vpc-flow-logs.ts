import { attr, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { ev, fail, noneJoined, pass, unknown, unknownMessage } from '../helpers';
import { LOG } from './_shared';

export const vpcFlowLogs: ResourceRule = {
  id: 'AUD-07',
  control: 'AUD-07',
  title: 'Every VPC has flow logs capturing ALL traffic',
  strategy: 3,
  citations: LOG,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale:
    'Flow logs are the network-level audit record: which hosts talked to PHI databases, and what was rejected. Logging only ACCEPT or only REJECT leaves half of the picture out when investigating an incident.',
  remediation: 'Declare an aws_flow_log with vpc_id = the VPC, traffic_type = "ALL" and a log destination (the phikit HipaaVpc construct does).',
  construct: 'HipaaVpc',
  anchors: { cdkNag: ['HIPAA.Security-VPCFlowLogsEnabled'], awsConfig: ['vpc-flow-logs-enabled'], checkov: ['CKV2_AWS_11'] },
  check(vpc, ctx) {
    const logs = ctx.graph.related(vpc, 'aws_flow_log', 'vpc_id');
    if (!logs.length) return noneJoined(ctx, vpc, 'aws_flow_log', 'vpc_id', fail('no aws_flow_log refers to this VPC (vpc_id)', { attribute: 'aws_flow_log.vpc_id', value: '(none)' }));
    const verdicts: Verdict[] = logs.map((l) => {
      const t = attr(l, 'traffic_type');
      const where = `${l.address}.traffic_type`;
      if (t.state === 'unknown' || t.state === 'sensitive') return unknown(unknownMessage(where), ev(where, t));
      const v = str(t);
      return v === 'ALL' ? pass(`${l.address} captures ALL traffic`, ev(where, t)) : fail(`${where} is ${v ?? '(not set)'}, not ALL`, ev(where, t));
    });
    return verdicts.find((v) => v.status === 'pass') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
  },
  examples: {
    pass: [
      {
        description: 'passes with a flow log referring to the VPC with traffic_type ALL',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow' } },
        target: 'aws_vpc.v',
      },
      {
        description: 'passes when the flow log refers through a local and this is the only VPC in its module (joined by scope)',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${local.vpc_id}', traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow' } },
        target: 'aws_vpc.v',
      },
    ],
    fail: [
      { description: 'fails when no flow log refers to the VPC', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } } },
      {
        description: 'fails when traffic_type is REJECT only',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'REJECT', log_destination: 'arn:aws:s3:::flow' } },
        target: 'aws_vpc.v',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the only flow log refers through a local phikit cannot follow and two VPCs could be its target',
        resources: {
          'aws_vpc.v': { cidr_block: '10.0.0.0/16' },
          'aws_vpc.w': { cidr_block: '10.1.0.0/16' },
          'aws_flow_log.f': { vpc_id: '${local.vpc_id}', traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow' },
        },
        target: 'aws_vpc.v',
      },
      {
        description: 'is unknown when traffic_type is known only after apply',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow' } },
        unknown: { 'aws_flow_log.f': ['traffic_type'] },
        target: 'aws_vpc.v',
      },
    ],
  },
};
