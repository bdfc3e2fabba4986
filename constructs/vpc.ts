import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DefaultNetworkAcl } from '@cdktf/provider-aws/lib/default-network-acl';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { attachPolicy, serviceTrust } from './core/policy';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import { IHipaaKmsKey, requireKeyUsableBy } from './kms-key';
import { HipaaLogGroup } from './log-group';

export interface HipaaVpcProps {
  /** IPv4 CIDR of the VPC, /16 to /20 (subnets are /20 … /24 slices of it). @default '10.0.0.0/16' */
  readonly cidr?: string;
  /** Availability zones of `region`; at least two (contingency, 164.308(a)(7)), at most eight. */
  readonly availabilityZones: readonly string[];
  /** Region, for endpoint service names. */
  readonly region: string;
  /** Key for the flow-log group (164.312(a)(2)(iv)). */
  readonly kmsKey: IHipaaKmsKey;
  /** Public subnets for load balancers only (tag Tier=public), with an internet gateway. @default false */
  readonly publicSubnets?: boolean;
  /** VPC flow logs of ALL traffic (audit controls, 164.312(b)); false needs a waiver for AUD-07. @default true */
  readonly flowLogs?: boolean;
  /** Interface endpoints (service short names) reached over private DNS (164.312(e)(1)). @default kms, logs, sts, secretsmanager */
  readonly interfaceEndpoints?: readonly string[];
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * A VPC for PHI workloads: private subnets in two or more AZs, optional public subnets for load
 * balancers only, no auto-assigned public IPs, the default security group and NACL adopted and
 * closed, flow logs of all traffic into a KMS-encrypted log group, S3 and DynamoDB gateway
 * endpoints and private-DNS interface endpoints (KMS, Logs, STS, Secrets Manager) so PHI traffic
 * to AWS APIs never crosses the internet.
 *
 * @example
 * const net = new HipaaVpc(this, 'net', { region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'], kmsKey: key });
 */
export class HipaaVpc extends Construct {
  readonly vpc: Vpc;
  readonly vpcId: string;
  readonly cidr: string;
  readonly privateSubnets: Subnet[] = [];
  readonly publicSubnets: Subnet[] = [];
  readonly endpointSecurityGroup: SecurityGroup;
  readonly flowLogGroup?: HipaaLogGroup;

  constructor(scope: Construct, id: string, props: HipaaVpcProps) {
    super(scope, id);
    const p = new PropCheck(this, 'HipaaVpc', props.waivers);
    const azs = props.availabilityZones ?? [];
    p.expect(azs.length >= 2 && azs.length <= 8, 'availabilityZones', `needs two to eight availability zones, got ${azs.length}`);
    p.expectFormat(props.region, 'region', (r) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(r), 'is not an AWS region name');
    for (const az of azs) p.expectFormat(az, 'availabilityZones', (z) => typeof props.region !== 'string' || (z.startsWith(props.region) && /^[a-z]$/.test(z.slice(props.region.length))), `is not an availability zone of ${props.region}`);
    p.expect(new Set(azs).size === azs.length, 'availabilityZones', 'lists a zone twice');
    const flowLogs = props.flowLogs ?? true;
    p.weakens(!flowLogs, 'flowLogs: false', 'AUD-07');
    const cidr = props.cidr ?? '10.0.0.0/16';
    const m = /^(\d{1,3})\.(\d{1,3})\.0\.0\/(\d{1,2})$/.exec(cidr);
    p.expect(!!m && Number(m[1]) <= 255 && Number(m[2]) <= 255 && Number(m[3]) >= 16 && Number(m[3]) <= 16, 'cidr', `must be an IPv4 /16 ending in .0.0 (e.g. 10.20.0.0/16), got ${JSON.stringify(cidr)}`);
    if (flowLogs) requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'logs');
    const waivers = p.done();
    const [a, b] = cidr.split('.');
    this.cidr = cidr;
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: { Name: id } });
    recordWaivers(this.vpc, waivers);
    this.vpcId = this.vpc.id;
    new DefaultSecurityGroup(this, 'default-sg', { vpcId: this.vpc.id, tags: { Name: `${id}-default-closed` } });
    new DefaultNetworkAcl(this, 'default-nacl', {
      defaultNetworkAclId: this.vpc.defaultNetworkAclId,
      ingress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: cidr }],
      egress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0' }],
      lifecycle: { ignoreChanges: ['subnet_ids'] },
    });
    const privateRoutes = new RouteTable(this, 'private-routes', { vpcId: this.vpc.id, tags: { Name: `${id}-private`, Tier: 'private' } });
    azs.forEach((az, i) => {
      const s = new Subnet(this, `private-${i}`, { vpcId: this.vpc.id, availabilityZone: az, cidrBlock: `${a}.${b}.${i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { Name: `${id}-private-${az}`, Tier: 'private' } });
      new RouteTableAssociation(this, `private-${i}-routes`, { subnetId: s.id, routeTableId: privateRoutes.id });
      this.privateSubnets.push(s);
    });
    if (props.publicSubnets) {
      const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id });
      const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }], tags: { Name: `${id}-public`, Tier: 'public' } });
      azs.forEach((az, i) => {
        const s = new Subnet(this, `public-${i}`, { vpcId: this.vpc.id, availabilityZone: az, cidrBlock: `${a}.${b}.${128 + i * 16}.0/20`, mapPublicIpOnLaunch: false, tags: { Name: `${id}-public-${az}`, Tier: 'public' } });
        new RouteTableAssociation(this, `public-${i}-routes`, { subnetId: s.id, routeTableId: publicRoutes.id });
        this.publicSubnets.push(s);
      });
    }
    if (flowLogs) {
      const account = new DataAwsCallerIdentity(this, 'account');
      this.flowLogGroup = new HipaaLogGroup(this, 'flow-logs', { name: `/phikit/vpc/${id}/flow-logs`, kmsKey: props.kmsKey, audit: true });
      const role = new IamRole(this, 'flow-log-role', { namePrefix: `${id}-flow-logs-`, assumeRolePolicy: serviceTrust('vpc-flow-logs.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
      attachPolicy(this, 'flow-log-delivery', role.name, [
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: `${this.flowLogGroup.arn}:*` },
      ]);
      new FlowLog(this, 'flow-log', { vpcId: this.vpc.id, trafficType: 'ALL', logDestinationType: 'cloud-watch-logs', logDestination: this.flowLogGroup.arn, iamRoleArn: role.arn, maxAggregationInterval: 60 });
    }
    this.endpointSecurityGroup = new SecurityGroup(this, 'endpoints-sg', {
      vpcId: this.vpc.id,
      namePrefix: `${id}-endpoints-`,
      description: 'HTTPS from inside the VPC to interface endpoints',
      ingress: [{ description: 'HTTPS from the VPC', fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: [cidr] }],
      egress: [{ description: 'to the VPC', fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: [cidr] }],
    });
    for (const svc of ['s3', 'dynamodb']) {
      new VpcEndpoint(this, `gw-${svc}`, { vpcId: this.vpc.id, serviceName: `com.amazonaws.${props.region}.${svc}`, vpcEndpointType: 'Gateway', routeTableIds: [privateRoutes.id] });
    }
    for (const svc of props.interfaceEndpoints ?? ['kms', 'logs', 'sts', 'secretsmanager']) {
      new VpcEndpoint(this, `if-${svc}`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${svc}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: this.privateSubnets.map((s) => s.id),
        securityGroupIds: [this.endpointSecurityGroup.id],
      });
    }
  }
}
