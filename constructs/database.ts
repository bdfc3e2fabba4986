import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { THRESHOLDS } from '../policies/rules/thresholds';
import { serviceTrust } from './core/policy';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import type { IHipaaKmsKey } from './kms-key';
import type { HipaaVpc } from './vpc';
import { DatabaseAccessProps, databaseFirewall, enhancedMonitoringRole, ingressFromGroup, networkOf, validCidr } from './core/network';

const ENGINES = {
  postgres: { family: 'postgres16', version: '16.4', port: 5432, tls: { name: 'rds.force_ssl', value: '1' }, logs: ['postgresql', 'upgrade'] },
  mysql: { family: 'mysql8.0', version: '8.0.39', port: 3306, tls: { name: 'require_secure_transport', value: 'ON' }, logs: ['audit', 'error', 'general', 'slowquery'] },
} as const;

export type { DatabaseNetwork } from './core/network';

export interface HipaaDatabaseProps extends DatabaseAccessProps {
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
    const { subnets, securityGroup } = databaseFirewall(this, id, net, this.port, 'database', props);
    this.securityGroup = securityGroup;
    const monitoring = enhancedMonitoringRole(this, id, account.accountId);
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
    return ingressFromGroup(this, this.securityGroup, this.port, securityGroupId, id);
  }
}
