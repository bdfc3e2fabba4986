/** Network helpers shared by the database constructs (not part of the public API). */
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { Construct } from 'constructs';
import type { IHipaaKmsKey } from '../kms-key';
import type { HipaaVpc } from '../vpc';
import { serviceTrust } from './policy';

/** A network a database lives in: a HipaaVpc, or an existing VPC's private subnets. */
export interface DatabaseNetwork {
  readonly vpcId: string;
  /** Private subnets in at least two AZs (never public subnets). */
  readonly subnetIds: readonly string[];
  /** The VPC CIDR, for the default ingress and the egress rule. @default none: no default ingress */
  readonly vpcCidr?: string;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** An IPv4 CIDR with octets ≤ 255 and a prefix ≤ 32. */
export function validCidr(c: string): boolean {
  const m = CIDR.exec(c);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/** The vpc prop as a DatabaseNetwork (a HipaaVpc gives its private subnets and CIDR). */
export function networkOf(vpc: HipaaVpc | DatabaseNetwork | undefined): DatabaseNetwork {
  if (vpc && 'privateSubnets' in vpc) return { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnets.map((s) => s.id), vpcCidr: vpc.cidr };
  return vpc ?? { vpcId: '', subnetIds: [] };
}

/** Props HipaaDatabase and HipaaAuroraCluster share: where the database lives, its key, who reaches it. */
export interface DatabaseAccessProps {
  /** Database port (1150–65535). @default 5432 / 3306 */
  readonly port?: number;
  /** Initial database name (letters, digits, underscores, starting with a letter; max 63). @default none */
  readonly databaseName?: string;
  /** VPC whose private subnets (in ≥ 2 AZs) hold the database: a HipaaVpc or an existing network. */
  readonly vpc: HipaaVpc | DatabaseNetwork;
  /** CMK for storage, Performance Insights and the managed master password (164.312(a)(2)(iv)). */
  readonly kmsKey: IHipaaKmsKey;
  /**
   * Security groups whose members may reach the database port (e.g. the app tier's group).
   * Each becomes an `aws_vpc_security_group_ingress_rule`; add more with `allowFrom()`.
   * @default none
   */
  readonly allowedSecurityGroupIds?: readonly string[];
  /**
   * CIDRs allowed to reach the database port (never 0.0.0.0/0). `[]`: no CIDR ingress.
   * @default the VPC CIDR when neither this nor allowedSecurityGroupIds is given, else none
   */
  readonly allowedCidrs?: readonly string[];
}

/** The subnet group and security group of a database: ingress only as separate rule resources (164.312(e)(1)). */
export interface DatabaseFirewall {
  readonly subnets: DbSubnetGroup;
  readonly securityGroup: SecurityGroup;
}

/**
 * Private subnet group, a security group with no inline rules, one ingress rule per allowed CIDR
 * and per allowed security group, and egress inside the VPC only.
 */
export function databaseFirewall(scope: Construct, id: string, net: DatabaseNetwork, port: number, what: string, props: DatabaseAccessProps): DatabaseFirewall {
  const subnets = new DbSubnetGroup(scope, 'subnets', { namePrefix: `${id}-`, subnetIds: [...net.subnetIds], description: 'private subnets only' });
  const securityGroup = new SecurityGroup(scope, 'sg', { namePrefix: `${id}-db-`, vpcId: net.vpcId, description: `${what} ${id}: port ${port} from allowed sources only` });
  const cidrs = props.allowedCidrs ?? (props.allowedSecurityGroupIds?.length || !net.vpcCidr ? [] : [net.vpcCidr]);
  cidrs.forEach((cidr, i) => {
    new VpcSecurityGroupIngressRule(scope, `ingress-cidr-${i}`, { securityGroupId: securityGroup.id, description: 'database clients', ipProtocol: 'tcp', fromPort: port, toPort: port, cidrIpv4: cidr });
  });
  (props.allowedSecurityGroupIds ?? []).forEach((sg, i) => ingressFromGroup(scope, securityGroup, port, sg, `sg-${i}`));
  if (net.vpcCidr) {
    new VpcSecurityGroupEgressRule(scope, 'egress-vpc', { securityGroupId: securityGroup.id, description: 'replies inside the VPC', ipProtocol: '-1', cidrIpv4: net.vpcCidr });
  }
  return { subnets, securityGroup };
}

/** An ingress rule letting members of `securityGroupId` reach `port` of `securityGroup`. */
export function ingressFromGroup(scope: Construct, securityGroup: SecurityGroup, port: number, securityGroupId: string, id: string): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(scope, `ingress-${id}`, {
    securityGroupId: securityGroup.id,
    description: `database clients (${id})`,
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    referencedSecurityGroupId: securityGroupId,
  });
}

/** The role RDS enhanced monitoring publishes OS metrics with (164.312(b)). */
export function enhancedMonitoringRole(scope: Construct, id: string, accountId: string): IamRole {
  const role = new IamRole(scope, 'monitoring-role', { namePrefix: `${id}-rds-mon-`, assumeRolePolicy: serviceTrust('monitoring.rds.amazonaws.com', accountId), maxSessionDuration: 3600 });
  new IamRolePolicyAttachment(scope, 'monitoring-policy', { role: role.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole' });
  return role;
}
