import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { serviceTrust } from './core/policy';
import { Waiver, recordWaivers, requireWaiver } from './core/waivers';
import type { HipaaKmsKey } from './kms-key';
import type { HipaaVpc } from './vpc';

const ENGINES = {
  postgres: { family: 'postgres16', version: '16.4', port: 5432, tls: { name: 'rds.force_ssl', value: '1' }, logs: ['postgresql', 'upgrade'] },
  mysql: { family: 'mysql8.0', version: '8.0.39', port: 3306, tls: { name: 'require_secure_transport', value: 'ON' }, logs: ['audit', 'error', 'general', 'slowquery'] },
} as const;

export interface HipaaDatabaseProps {
  /** Engine. @default 'postgres' */
  readonly engine?: keyof typeof ENGINES;
  /** Instance class. @default 'db.t3.medium' */
  readonly instanceClass?: string;
  /** Storage in GiB. @default 50 */
  readonly allocatedStorage?: number;
  /** VPC whose private subnets hold the database (never public subnets). */
  readonly vpc: HipaaVpc;
  /** CMK for storage, Performance Insights and the managed master password (164.312(a)(2)(iv)). */
  readonly kmsKey: HipaaKmsKey;
  /** CIDRs allowed to reach the database port. @default the VPC CIDR */
  readonly allowedCidrs?: readonly string[];
  /** Days of automated backups; below 35 needs a waiver for BAK-04 (164.308(a)(7)(ii)(A)). @default 35 */
  readonly backupRetentionDays?: number;
  /** Standby in another AZ (164.308(a)(7)(ii)(C)); false needs a waiver for BAK-06a. @default true */
  readonly multiAz?: boolean;
  /** Deletion protection; false needs a waiver for BAK-05a. @default true */
  readonly deletionProtection?: boolean;
  /** Public endpoint (never for PHI); true needs a waiver for ACC-14a. @default false */
  readonly publiclyAccessible?: boolean;
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * An RDS database for PHI: CMK storage encryption, IAM database authentication, TLS forced by
 * the parameter group, private subnets only, not public, deletion protection, 35-day backups,
 * Multi-AZ, log exports, enhanced monitoring and Performance Insights with the CMK, a master
 * password managed in Secrets Manager with the CMK, automatic minor upgrades, tags copied to
 * snapshots, a final snapshot, DataClass=PHI and `prevent_destroy`.
 *
 * @example
 * new HipaaDatabase(this, 'ehr', { vpc: net, kmsKey: key });
 */
export class HipaaDatabase extends Construct {
  readonly instance: DbInstance;
  readonly parameterGroup: DbParameterGroup;
  readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: HipaaDatabaseProps) {
    super(scope, id);
    const engine = ENGINES[props.engine ?? 'postgres'];
    const retention = props.backupRetentionDays ?? 35;
    const waivers: Waiver[] = [];
    if (retention < 35) waivers.push(requireWaiver(this, `backupRetentionDays: ${retention}`, 'BAK-04', props.waivers));
    if (props.multiAz === false) waivers.push(requireWaiver(this, 'multiAz: false', 'BAK-06a', props.waivers));
    if (props.deletionProtection === false) waivers.push(requireWaiver(this, 'deletionProtection: false', 'BAK-05a', props.waivers));
    if (props.publiclyAccessible) waivers.push(requireWaiver(this, 'publiclyAccessible: true', 'ACC-14a', props.waivers));
    const account = new DataAwsCallerIdentity(this, 'account');
    this.parameterGroup = new DbParameterGroup(this, 'params', {
      namePrefix: `${id}-`,
      family: engine.family,
      description: `phikit ${id}: TLS required`,
      parameter: [{ name: engine.tls.name, value: engine.tls.value, applyMethod: 'pending-reboot' }],
    });
    const subnets = new DbSubnetGroup(this, 'subnets', { namePrefix: `${id}-`, subnetIds: props.vpc.privateSubnets.map((s) => s.id), description: 'private subnets only' });
    this.securityGroup = new SecurityGroup(this, 'sg', {
      namePrefix: `${id}-db-`,
      vpcId: props.vpc.vpc.id,
      description: `database ${id}: port ${engine.port} from inside the VPC`,
      ingress: [{ description: 'database clients', fromPort: engine.port, toPort: engine.port, protocol: 'tcp', cidrBlocks: [...(props.allowedCidrs ?? [props.vpc.vpc.cidrBlock])] }],
      egress: [{ description: 'replies inside the VPC', fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: [props.vpc.vpc.cidrBlock] }],
    });
    const monitoring = new IamRole(this, 'monitoring-role', { namePrefix: `${id}-rds-mon-`, assumeRolePolicy: serviceTrust('monitoring.rds.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(this, 'monitoring-policy', { role: monitoring.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole' });
    this.instance = new DbInstance(this, 'db', {
      identifierPrefix: `${id}-`,
      engine: props.engine ?? 'postgres',
      engineVersion: engine.version,
      instanceClass: props.instanceClass ?? 'db.t3.medium',
      allocatedStorage: props.allocatedStorage ?? 50,
      storageType: 'gp3',
      storageEncrypted: true,
      kmsKeyId: props.kmsKey.arn,
      username: 'phiadmin',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKey.arn,
      iamDatabaseAuthenticationEnabled: true,
      parameterGroupName: this.parameterGroup.name,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      publiclyAccessible: props.publiclyAccessible ?? false,
      multiAz: props.multiAz ?? true,
      deletionProtection: props.deletionProtection ?? true,
      backupRetentionPeriod: retention,
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${id}-final`,
      autoMinorVersionUpgrade: true,
      enabledCloudwatchLogsExports: [...engine.logs],
      monitoringInterval: 60,
      monitoringRoleArn: monitoring.arn,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: props.kmsKey.arn,
      caCertIdentifier: 'rds-ca-rsa2048-g1',
      tags: { DataClass: 'PHI' },
      lifecycle: { preventDestroy: true },
    });
    recordWaivers(this.instance, waivers);
  }
}
