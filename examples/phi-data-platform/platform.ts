/**
 * The example PHI data platform: every phikit construct in one stack.
 *
 * - keys: one CMK for PHI data, one for audit/security telemetry, one in the DR region;
 * - network: HipaaVpc with private subnets, flow logs and endpoints;
 * - data: HipaaBucket for clinical documents (replicated to us-west-2), HipaaDatabase (PostgreSQL);
 * - audit: AuditTrail (CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer);
 * - backup: HipaaBackupPlan selecting every DataClass=PHI store, copying to the DR vault;
 * - response: IncidentResponse; outside experts: AuditorAccess; account: AccountBaseline.
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

export class PhiPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: [{ tags: { Project: 'phi-data-platform', ManagedBy: 'phikit' } }] });
    const dr = new AwsProvider(this, 'aws-dr', { region: DR_REGION, alias: 'dr' });
    const account = new DataAwsCallerIdentity(this, 'account');

    const services = [`logs.${REGION}.amazonaws.com`, 'cloudtrail.amazonaws.com', 'events.amazonaws.com', 'cloudwatch.amazonaws.com', 'config.amazonaws.com', 'backup.amazonaws.com'];
    const dataKey = new HipaaKmsKey(this, 'phi-data-key', { description: 'PHI data at rest', servicePrincipals: services });
    const auditKey = new HipaaKmsKey(this, 'audit-key', { description: 'Audit logs and security telemetry', servicePrincipals: services });

    const net = new HipaaVpc(this, 'network', { region: REGION, availabilityZones: [`${REGION}a`, `${REGION}b`], kmsKey: auditKey, publicSubnets: false });

    // Clinical documents, replicated to the DR region.
    const drKey = new HipaaKmsKey(this, 'dr-key', { description: 'PHI replicas in the DR region', provider: dr });
    const replica = new HipaaBucket(this, 'documents-replica', { kmsKey: drKey, provider: dr });
    const replicationRole = new IamRole(this, 'replication-role', { namePrefix: 'phi-replication-', assumeRolePolicy: serviceTrust('s3.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    const documents = new HipaaBucket(this, 'documents', { kmsKey: dataKey, replication: { destination: replica, roleArn: replicationRole.arn, roleName: replicationRole.name } });

    new HipaaDatabase(this, 'ehr-db', { vpc: net, kmsKey: dataKey });

    const audit = new AuditTrail(this, 'audit', { region: REGION, kmsKey: auditKey, phiBuckets: [documents, replica] });
    const drVault = new HipaaBackupVault(this, 'dr-vault', { provider: dr, name: 'phi-dr-vault', kmsKey: drKey });
    new HipaaBackupPlan(this, 'backup', { kmsKey: dataKey, copyToVaultArn: drVault.arn });
    new IncidentResponse(this, 'incident-response', { kmsKey: auditKey, trailLogGroup: audit.logGroup, subscribers: [{ protocol: 'email', endpoint: 'secops@example.org' }] });
    new AuditorAccess(this, 'auditors', { auditorAccountId: AUDITOR_ACCOUNT, externalId: 'phikit-example-audit-2026' });
    new AccountBaseline(this, 'baseline', {
      ebsKmsKey: dataKey,
      securityContact: { name: 'Dana Reyes', title: 'Security Officer', email: 'security@example.org', phone: '+15555550100' },
    });
  }
}

/** Build the app (used by main.ts, the demo and the tests). */
export function buildPlatform(outdir?: string): { app: App; stack: PhiPlatformStack } {
  const app = new App({ outdir, stackTraces: false });
  const stack = new PhiPlatformStack(app, 'phi-platform');
  return { app, stack };
}
