/**
 * A new user's claims-processing app, written only against phikit's documented public API
 * (`phikit/constructs`), as a platform team would in its own project:
 *
 * - `claims-data` stack: own KMS keys, a HipaaVpc (or an existing VPC by id: pass `existingVpc`),
 *   claims-intake PHI bucket replicated to us-west-2, an app security group, an Aurora PostgreSQL
 *   cluster reachable only from that group, AWS Backup with a copy to a DR vault;
 * - `claims-audit` stack: the audit trail (with its own key) over the data stack's PHI buckets,
 *   reached by a cdktf cross-stack reference; GuardDuty and Security Hub declared as provided by
 *   the organization (delegated administrators); incident response and the account baseline.
 *
 * `main.ts` synthesizes it with the synth-time gate on both stacks.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  AccountBaseline,
  AuditTrail,
  HipaaAuroraCluster,
  HipaaBackupPlan,
  HipaaBackupVault,
  HipaaBucket,
  HipaaKmsKey,
  HipaaVpc,
  IncidentResponse,
  applyHipaaChecks,
  serviceTrust,
  type DatabaseNetwork,
} from 'phikit/constructs';

export const REGION = 'us-east-1';
export const DR_REGION = 'us-west-2';

/** The network of an existing VPC (by id), instead of a new HipaaVpc. */
export type ExistingVpc = DatabaseNetwork & { readonly vpcCidr: string };

export interface ClaimsAppOptions {
  /** Where cdktf writes. @default 'cdktf.out' */
  readonly outdir?: string;
  /** Use this VPC (private subnets in two AZs) instead of creating a HipaaVpc. @default a new HipaaVpc */
  readonly existingVpc?: ExistingVpc;
}

/** The claims data: keys, network, PHI buckets (replicated), the app's database, backups. */
export class ClaimsDataStack extends TerraformStack {
  readonly phiBuckets: HipaaBucket[];
  readonly appSecurityGroup: SecurityGroup;
  readonly database: HipaaAuroraCluster;

  constructor(scope: Construct, id: string, options: ClaimsAppOptions = {}) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: [{ tags: { App: 'claims', Owner: 'platform-team' } }] });
    const dr = new AwsProvider(this, 'aws-dr', { region: DR_REGION, alias: 'dr' });
    const account = new DataAwsCallerIdentity(this, 'account');

    // Own keys: one for claims PHI (AWS Backup may use it), one for network telemetry, one in the DR region.
    const claimsKey = new HipaaKmsKey(this, 'claims-key', { description: 'claims PHI at rest', servicePrincipals: ['backup'] });
    const networkKey = new HipaaKmsKey(this, 'network-key', { description: 'VPC flow logs' });
    const drKey = new HipaaKmsKey(this, 'claims-dr-key', { description: 'claims PHI replicas (DR region)', provider: dr });

    const net: HipaaVpc | ExistingVpc =
      options.existingVpc ?? new HipaaVpc(this, 'network', { region: REGION, availabilityZones: [`${REGION}a`, `${REGION}b`], cidr: '10.40.0.0/16', kmsKey: networkKey, publicSubnets: false });
    const vpcId = net.vpcId;
    const vpcCidr = net instanceof HipaaVpc ? net.cidr : net.vpcCidr;

    // Claims intake documents, replicated to the DR region.
    const replica = new HipaaBucket(this, 'claims-intake-replica', { bucketPrefix: 'claims-intake-dr-', kmsKey: drKey, provider: dr });
    const replicationRole = new IamRole(this, 'replication-role', { namePrefix: 'claims-replication-', assumeRolePolicy: serviceTrust('s3.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    const intake = new HipaaBucket(this, 'claims-intake', {
      bucketPrefix: 'claims-intake-',
      kmsKey: claimsKey,
      replication: { destination: replica, roleArn: replicationRole.arn, roleName: replicationRole.name },
    });

    // The application tier's security group: the only source the database accepts.
    this.appSecurityGroup = new SecurityGroup(this, 'app-sg', { namePrefix: 'claims-app-', vpcId, description: 'claims API tasks' });
    new VpcSecurityGroupEgressRule(this, 'app-egress', { securityGroupId: this.appSecurityGroup.id, description: 'to the database and VPC endpoints', ipProtocol: 'tcp', fromPort: 443, toPort: 5432, cidrIpv4: vpcCidr });
    this.database = new HipaaAuroraCluster(this, 'claims-db', {
      vpc: net,
      kmsKey: claimsKey,
      databaseName: 'claims',
      allowedSecurityGroupIds: [this.appSecurityGroup.id],
      allowedCidrs: [],
    });

    const drVault = new HipaaBackupVault(this, 'claims-dr-vault', { provider: dr, name: 'claims-dr-vault', kmsKey: drKey });
    new HipaaBackupPlan(this, 'claims-backup', { kmsKey: claimsKey, copyToVaultArn: drVault.arn });
    this.phiBuckets = [intake, replica];
  }
}

/** Organization-provided service declaration (Control Tower / delegated administrator). */
const org = (reason: string) => ({ reason, approvedBy: 'cloud-security@example.org', expires: '2027-09-30' });

/** Audit and security-account resources, over the data stack's buckets (cross-stack reference). */
export class ClaimsAuditStack extends TerraformStack {
  readonly trail: AuditTrail;

  constructor(scope: Construct, id: string, data: ClaimsDataStack) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: [{ tags: { App: 'claims', Owner: 'security-team' } }] });
    const auditKey = new HipaaKmsKey(this, 'audit-key', { description: 'claims audit logs and security telemetry' });
    const ebsKey = new HipaaKmsKey(this, 'ebs-key', { description: 'EBS default encryption' });
    this.trail = new AuditTrail(this, 'audit', {
      region: REGION,
      kmsKey: auditKey,
      phiBuckets: data.phiBuckets,
      providedByOrganization: {
        guardDuty: org('GuardDuty delegated administrator (security account) auto-enables every member account'),
        securityHub: org('Security Hub central configuration from the security account enables FSBP, CIS and NIST standards'),
      },
    });
    new IncidentResponse(this, 'incident-response', { kmsKey: auditKey, trailLogGroup: this.trail.logGroup, subscribers: [{ protocol: 'email', endpoint: 'claims-oncall@example.org' }] });
    new AccountBaseline(this, 'baseline', {
      ebsKmsKey: ebsKey,
      securityContact: { name: 'Sam Ortiz', title: 'Security Officer', email: 'security@example.org', phone: '+15555550142' },
    });
  }
}

/** Build the two-stack app; each stack is checked at synth time together with the other. */
export function buildClaimsApp(options: ClaimsAppOptions = {}): { app: App; data: ClaimsDataStack; audit: ClaimsAuditStack } {
  const app = new App({ outdir: options.outdir ?? 'cdktf.out', stackTraces: false });
  const data = new ClaimsDataStack(app, 'claims-data', options);
  const audit = new ClaimsAuditStack(app, 'claims-audit', data);
  // Account rules run where the account baseline lives (the audit stack).
  applyHipaaChecks(data, { accountRules: false, alongWith: [audit] });
  applyHipaaChecks(audit, { alongWith: [data] });
  return { app, data, audit };
}
