import { attr, blocks } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, evv, fail, joined, noneJoined, pass, unknown } from '../helpers';
import { computedOnly } from './_shared';

export const vpcDefaultSgClosed: ResourceRule = {
  id: 'ACC-19',
  control: 'ACC-19',
  title: 'Every VPC\'s default security group has no rules',
  strategy: 2,
  citations: ['164.312(e)(1)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_vpc'],
  scope: 'resource',
  rationale: 'AWS creates each VPC\'s default security group allowing all traffic between its members and all egress; anything launched without a group lands in it. Managing it with no rules closes that path.',
  remediation: 'Declare aws_default_security_group { vpc_id = aws_vpc.x.id } with no ingress or egress blocks (HipaaVpc does), and attach explicit groups to resources.',
  construct: 'HipaaVpc',
  anchors: { cdkNag: ['HIPAA.Security-VPCDefaultSecurityGroupClosed'], awsConfig: ['vpc-default-security-group-closed'], checkov: ['CKV2_AWS_12'] },
  check(vpc, ctx) {
    const defaults = joined(ctx, vpc, 'aws_default_security_group', 'vpc_id');
    if (!defaults.length) return noneJoined(ctx, vpc, 'aws_default_security_group', 'vpc_id', fail('no aws_default_security_group manages this VPC\'s default group, so it keeps AWS\'s allow-all rules', evv('aws_default_security_group', null)));
    const d = defaults[0];
    for (const dir of ['ingress', 'egress']) {
      const a = attr(d, dir);
      // Located at the default security group that holds the rules (the VPC when none is declared).
      if (a.state === 'unknown' && !computedOnly(a)) return unknown(`${dir} of ${d.address} is known only after apply`, ev(`${dir}`, a), d);
      const rules = blocks(d, dir).filter((b) => !(b instanceof Unknown));
      if (rules.length) return fail(`the default security group of ${vpc.address} declares ${rules.length} ${dir} rule(s)`, ev(`${dir}`, a), d);
    }
    for (const t of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_security_group_rule']) {
      const extra = joined(ctx, d, t, 'security_group_id');
      if (extra.length) return fail(`${extra[0].address} adds a rule to the default security group ${d.address}`, evv('security_group_id', extra[0].address), extra[0]);
    }
    return pass(`the default security group of ${vpc.address} has no rules`, undefined, d);
  },
  examples: {
    pass: [{ description: 'passes when the default group is managed with no rules', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_default_security_group.d': { vpc_id: '${aws_vpc.v.id}' } }, target: 'aws_default_security_group.d' }],
    fail: [
      { description: 'fails on the VPC when its default security group is not managed', resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } }, target: 'aws_vpc.v' },
      {
        description: 'fails when the managed default group allows self ingress',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_default_security_group.d': { vpc_id: '${aws_vpc.v.id}', ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }] } },
        target: 'aws_default_security_group.d',
      },
      {
        description: 'fails when a separate ingress rule targets the default group',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_default_security_group.d': { vpc_id: '${aws_vpc.v.id}' }, 'aws_vpc_security_group_ingress_rule.r': { security_group_id: '${aws_default_security_group.d.id}', cidr_ipv4: '10.0.0.0/16', ip_protocol: '-1' } },
        target: 'aws_vpc_security_group_ingress_rule.r',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the default group ingress is known only after apply',
        resources: { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_default_security_group.d': { vpc_id: '${aws_vpc.v.id}', ingress: [] } },
        unknown: { 'aws_default_security_group.d': ['ingress'] },
        target: 'aws_default_security_group.d',
      },
    ],
  },
};
