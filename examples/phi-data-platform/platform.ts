/**
 * The example PHI data platform: every phikit construct.
 *
 * - keys: one CMK for PHI data, one for audit/security telemetry, one in the DR region;
 * - network: HipaaVpc with private subnets, flow logs and endpoints;
 * - data: HipaaBucket for clinical documents (replicated to us-west-2), HipaaDatabase (PostgreSQL);
 * - audit: AuditTrail (CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer);
 * - backup: HipaaBackupPlan selecting every DataClass=PHI store, copying to the DR vault;
 * - response: IncidentResponse; outside experts: AuditorAccess; account: AccountBaseline.
 *
 * Two layouts: everything in one stack (`buildPlatform`), or split as real accounts are
 * (`buildSplitPlatform`, what `npm run synth` writes): a data stack and a security stack holding
 * the audit and security-account resources, whose trail selects the data stack's PHI buckets by a
 * cdktf cross-stack reference (security → data; never the other way, so there is no cycle).
 */
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AccountBaseline } from '../../constructs/account-baseline';
import { AuditTrail } from '../../constructs/audit-trail';
import { AuditorAccess } from '../../constructs/auditor-access';
import { HipaaBackupPlan, HipaaBackupVault } from '../../constructs/backup-plan';
import { HipaaBucket } from '../../constructs/bucket';
import { serviceTrust } from '../../constructs/core/policy';
import { HipaaDatabase } from '../../constructs/database';
import { IncidentResponse } from '../../constructs/incident-response';
import { HipaaKmsKey } from '../../constructs/kms-key';
import { HipaaVpc } from '../../constructs/vpc';

export const REGION = 'us-east-1';
export const DR_REGION = 'us-west-2';
export const AUDITOR_ACCOUNT = '444455556666';

const providerTags = [{ tags: { Project: 'phi-data-platform', ManagedBy: 'phikit' } }];

/** The PHI data: keys, network, documents (replicated), database, backups. */
function addData(stack: TerraformStack, networkKey?: HipaaKmsKey): { dataKey: HipaaKmsKey; phiBuckets: HipaaBucket[] } {
  const dr = new AwsProvider(stack, 'aws-dr', { region: DR_REGION, alias: 'dr' });
  const account = new DataAwsCallerIdentity(stack, 'account');
  const dataKey = new HipaaKmsKey(stack, 'phi-data-key', { description: 'PHI data at rest', servicePrincipals: ['backup'] });
  const flowLogKey = networkKey ?? new HipaaKmsKey(stack, 'network-logs-key', { description: 'VPC flow logs' });
  const net = new HipaaVpc(stack, 'network', { region: REGION, availabilityZones: [`${REGION}a`, `${REGION}b`], kmsKey: flowLogKey, publicSubnets: false });

  // Clinical documents, replicated to the DR region (with a key that lives there).
  const drKey = new HipaaKmsKey(stack, 'dr-key', { description: 'PHI replicas in the DR region', provider: dr });
  const replica = new HipaaBucket(stack, 'documents-replica', { kmsKey: drKey, provider: dr });
  const replicationRole = new IamRole(stack, 'replication-role', { namePrefix: 'phi-replication-', assumeRolePolicy: serviceTrust('s3.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
  const documents = new HipaaBucket(stack, 'documents', { kmsKey: dataKey, replication: { destination: replica, roleArn: replicationRole.arn, roleName: replicationRole.name } });

  new HipaaDatabase(stack, 'ehr-db', { vpc: net, kmsKey: dataKey });
  const drVault = new HipaaBackupVault(stack, 'dr-vault', { provider: dr, name: 'phi-dr-vault', kmsKey: drKey });
  new HipaaBackupPlan(stack, 'backup', { kmsKey: dataKey, copyToVaultArn: drVault.arn });
  return { dataKey, phiBuckets: [documents, replica] };
}

/** Audit and security-account resources: trail over the PHI buckets, response, auditors, baseline. */
function addSecurity(stack: TerraformStack, auditKey: HipaaKmsKey, phiBuckets: HipaaBucket[], ebsKmsKey: HipaaKmsKey): void {
  const audit = new AuditTrail(stack, 'audit', { region: REGION, kmsKey: auditKey, phiBuckets });
  new IncidentResponse(stack, 'incident-response', { kmsKey: auditKey, trailLogGroup: audit.logGroup, subscribers: [{ protocol: 'email', endpoint: 'secops@example.org' }] });
  new AuditorAccess(stack, 'auditors', { auditorAccountId: AUDITOR_ACCOUNT, externalId: 'phikit-example-audit-2026' });
  new AccountBaseline(stack, 'baseline', {
    ebsKmsKey,
    securityContact: { name: 'Dana Reyes', title: 'Security Officer', email: 'security@example.org', phone: '+15555550100' },
  });
}

/** Everything in one stack. */
export class PhiPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: providerTags });
    const auditKey = new HipaaKmsKey(this, 'audit-key', { description: 'Audit logs and security telemetry' });
    const { dataKey, phiBuckets } = addData(this, auditKey);
    addSecurity(this, auditKey, phiBuckets, dataKey);
  }
}

/** The data stack of the split layout. */
export class PhiDataStack extends TerraformStack {
  readonly phiBuckets: HipaaBucket[];
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: providerTags });
    this.phiBuckets = addData(this).phiBuckets;
  }
}

/** The security stack of the split layout: it refers to the data stack's buckets (cross-stack). */
export class PhiSecurityStack extends TerraformStack {
  constructor(scope: Construct, id: string, data: PhiDataStack) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: providerTags });
    const auditKey = new HipaaKmsKey(this, 'audit-key', { description: 'Audit logs and security telemetry' });
    const ebsKey = new HipaaKmsKey(this, 'ebs-key', { description: 'EBS default encryption' });
    addSecurity(this, auditKey, data.phiBuckets, ebsKey);
  }
}

/** Build the one-stack app (used by the demo and the tests). */
export function buildPlatform(outdir?: string): { app: App; stack: PhiPlatformStack } {
  const app = new App({ outdir, stackTraces: false });
  const stack = new PhiPlatformStack(app, 'phi-platform');
  return { app, stack };
}

/** Build the split app: data stack + security stack (what `npm run synth` writes). */
export function buildSplitPlatform(outdir?: string): { app: App; data: PhiDataStack; security: PhiSecurityStack } {
  const app = new App({ outdir, stackTraces: false });
  const data = new PhiDataStack(app, 'phi-data');
  const security = new PhiSecurityStack(app, 'phi-security', data);
  return { app, data, security };
}
