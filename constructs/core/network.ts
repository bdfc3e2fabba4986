/** Network helpers shared by the database constructs (not part of the public API). */
import type { HipaaVpc } from '../vpc';

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
