import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { THRESHOLDS } from '../policies/rules/thresholds';
import { serviceTrust } from './core/policy';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import type { IHipaaKmsKey } from './kms-key';
import type { HipaaVpc } from './vpc';
import { DatabaseNetwork, networkOf, validCidr } from './core/network';

const ENGINES = {
  postgres: { family: 'postgres16', version: '16.4', port: 5432, tls: { name: 'rds.force_ssl', value: '1' }, logs: ['postgresql', 'upgrade'] },
  mysql: { family: 'mysql8.0', version: '8.0.39', port: 3306, tls: { name: 'require_secure_transport', value: 'ON' }, logs: ['audit', 'error', 'general', 'slowquery'] },
} as const;

export type { DatabaseNetwork } from './core/network';

export interface HipaaDatabaseProps {
  /** Engine. @default 'postgres' */
  readonly engine?: keyof typeof ENGINES;
  /**
   * Engine version; its major version must match `parameterGroupFamily`.
   * @default '16.4' (postgres), '8.0.39' (mysql)
   */
  readonly engineVersion?: string;
  /** Parameter group family (TLS is forced in it). @default 'postgres16' / 'mysql8.0' */
  readonly parameterGroupFamily?: string;
  /** Instance class. @default 'db.t3.medium' */
  readonly instanceClass?: string;
  /** Storage in GiB (20–65536). @default 50 */
  readonly allocatedStorage?: number;
  /** Storage autoscaling ceiling in GiB (greater than allocatedStorage). @default no autoscaling */
  readonly maxAllocatedStorage?: number;
  /** Database port (1150–65535). @default 5432 / 3306 */
  readonly port?: number;
  /** Initial database name (letters, digits, underscores, starting with a letter; max 63). @default none */
  readonly databaseName?: string;
  /** VPC whose private subnets hold the database: a HipaaVpc or an existing network. */
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
  /**
   * Days of automated backups (0–35); below the BAK-04 minimum (7) needs a waiver for BAK-04
   * (164.308(a)(7)(ii)(A)). @default 35
   */
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
 * Its security group has no inline rules: every ingress source is a separate
 * `aws_vpc_security_group_ingress_rule`, so rules the application adds to it (or `allowFrom()`)
 * never fight with the construct's.
 *
 * @example
 * const db = new HipaaDatabase(this, 'ehr', { vpc: net, kmsKey: key, allowedSecurityGroupIds: [appSg.id] });
 * db.allowFrom(batchSg.id, 'batch');
 */
export class HipaaDatabase extends Construct {
  readonly instance: DbInstance;
  readonly parameterGroup: DbParameterGroup;
  readonly securityGroup: SecurityGroup;
  readonly port: number;

  constructor(scope: Construct, id: string, props: HipaaDatabaseProps) {
    super(scope, id);
    const p = new PropCheck(this, 'HipaaDatabase', props.waivers);
    const engineName = props.engine ?? 'postgres';
    p.expect(engineName in ENGINES, 'engine', `must be one of ${Object.keys(ENGINES).join(', ')}, got ${JSON.stringify(engineName)}`);
    const engine = ENGINES[engineName] ?? ENGINES.postgres;
    const version = props.engineVersion ?? engine.version;
    const family = props.parameterGroupFamily ?? (props.engineVersion && engineName === 'postgres' ? `postgres${version.split('.')[0]}` : engine.family);
    p.expectFormat(version, 'engineVersion', (v) => /^\d+(\.\d+){0,2}$/.test(v), 'must be a version like 16.4');
    p.expectFormat(family, 'parameterGroupFamily', (f) => f.startsWith(engineName === 'postgres' ? `postgres${version.split('.')[0]}` : `mysql${version.split('.').slice(0, 2).join('.')}`), `does not match engineVersion ${version}`);
    const storage = props.allocatedStorage ?? 50;
    p.expect(Number.isInteger(storage) && storage >= 20 && storage <= 65536, 'allocatedStorage', `must be 20-65536 GiB, got ${storage}`);
    if (props.maxAllocatedStorage !== undefined) {
      p.expect(Number.isInteger(props.maxAllocatedStorage) && props.maxAllocatedStorage > storage && props.maxAllocatedStorage <= 65536, 'maxAllocatedStorage', `must be more than allocatedStorage (${storage}) and at most 65536, got ${props.maxAllocatedStorage}`);
    }
    this.port = props.port ?? engine.port;
    p.expect(Number.isInteger(this.port) && this.port >= 1150 && this.port <= 65535, 'port', `must be 1150-65535, got ${this.port}`);
    p.expectFormat(props.databaseName, 'databaseName', (n) => /^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(n), 'must start with a letter and hold at most 63 letters, digits or underscores');
    const retention = props.backupRetentionDays ?? 35;
    if (p.expect(Number.isInteger(retention) && retention >= 0 && retention <= 35, 'backupRetentionDays', `must be 0-35 days, got ${retention}`)) {
      p.weakens(retention < THRESHOLDS.rdsBackupRetentionMinDays, `backupRetentionDays: ${retention}`, 'BAK-04');
    }
    p.weakens(props.multiAz === false, 'multiAz: false', 'BAK-06a');
    p.weakens(props.deletionProtection === false, 'deletionProtection: false', 'BAK-05a');
    p.weakens(!!props.publiclyAccessible, 'publiclyAccessible: true', 'ACC-14a');
    p.expect(!!props.kmsKey, 'kmsKey', 'is required');
    const net = networkOf(props.vpc);
    p.expect(!!net.vpcId, 'vpc', 'is required');
    p.expect(net.subnetIds.length >= 2, 'vpc.subnetIds', `needs private subnets in at least two AZs, got ${net.subnetIds.length}`);
    for (const c of props.allowedCidrs ?? []) {
      p.expectFormat(c, 'allowedCidrs', validCidr, 'is not an IPv4 CIDR');
      p.expect(c !== '0.0.0.0/0', 'allowedCidrs', 'must not contain 0.0.0.0/0 (a PHI database is never open to the internet)');
    }
    const waivers = p.done();

    const account = new DataAwsCallerIdentity(this, 'account');
    this.parameterGroup = new DbParameterGroup(this, 'params', {
      namePrefix: `${id}-`,
      family,
      description: `phikit ${id}: TLS required`,
      parameter: [{ name: engine.tls.name, value: engine.tls.value, applyMethod: 'pending-reboot' }],
    });
    const subnets = new DbSubnetGroup(this, 'subnets', { namePrefix: `${id}-`, subnetIds: [...net.subnetIds], description: 'private subnets only' });
    this.securityGroup = new SecurityGroup(this, 'sg', {
      namePrefix: `${id}-db-`,
      vpcId: net.vpcId,
      description: `database ${id}: port ${this.port} from allowed sources only`,
    });
    const cidrs = props.allowedCidrs ?? (props.allowedSecurityGroupIds?.length || !net.vpcCidr ? [] : [net.vpcCidr]);
    cidrs.forEach((cidr, i) => {
      new VpcSecurityGroupIngressRule(this, `ingress-cidr-${i}`, { securityGroupId: this.securityGroup.id, description: 'database clients', ipProtocol: 'tcp', fromPort: this.port, toPort: this.port, cidrIpv4: cidr });
    });
    (props.allowedSecurityGroupIds ?? []).forEach((sg, i) => this.allowFrom(sg, `sg-${i}`));
    if (net.vpcCidr) {
      new VpcSecurityGroupEgressRule(this, 'egress-vpc', { securityGroupId: this.securityGroup.id, description: 'replies inside the VPC', ipProtocol: '-1', cidrIpv4: net.vpcCidr });
    }
    const monitoring = new IamRole(this, 'monitoring-role', { namePrefix: `${id}-rds-mon-`, assumeRolePolicy: serviceTrust('monitoring.rds.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(this, 'monitoring-policy', { role: monitoring.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole' });
    this.instance = new DbInstance(this, 'db', {
      identifierPrefix: `${id}-`,
      engine: engineName,
      engineVersion: version,
      instanceClass: props.instanceClass ?? 'db.t3.medium',
      allocatedStorage: storage,
      maxAllocatedStorage: props.maxAllocatedStorage,
      port: this.port,
      dbName: props.databaseName,
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

  /** Let members of a security group reach the database port (a separate ingress rule resource). */
  allowFrom(securityGroupId: string, id = `from-${this.node.children.length}`): VpcSecurityGroupIngressRule {
    return new VpcSecurityGroupIngressRule(this, `ingress-${id}`, {
      securityGroupId: this.securityGroup.id,
      description: `database clients (${id})`,
      ipProtocol: 'tcp',
      fromPort: this.port,
      toPort: this.port,
      referencedSecurityGroupId: securityGroupId,
    });
  }
}
