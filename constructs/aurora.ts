import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';
import { RdsClusterInstance } from '@cdktf/provider-aws/lib/rds-cluster-instance';
import { RdsClusterParameterGroup } from '@cdktf/provider-aws/lib/rds-cluster-parameter-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { THRESHOLDS } from '../policies/rules/thresholds';
import { DatabaseAccessProps, databaseFirewall, enhancedMonitoringRole, ingressFromGroup, networkOf, validCidr } from './core/network';
import { serviceTrust } from './core/policy';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import type { IHipaaKmsKey } from './kms-key';
import type { HipaaVpc } from './vpc';

/**
 * Per-engine defaults. TLS is forced in the cluster parameter group; the audit parameters make
 * the exported logs carry connections (PostgreSQL) or the audit plugin's records (MySQL).
 */
const AURORA_ENGINES = {
  'aurora-postgresql': {
    family: 'aurora-postgresql16',
    version: '16.4',
    port: 5432,
    tls: { name: 'rds.force_ssl', value: '1' },
    audit: [
      { name: 'log_connections', value: '1' },
      { name: 'log_disconnections', value: '1' },
    ],
    logs: ['postgresql'],
  },
  'aurora-mysql': {
    family: 'aurora-mysql8.0',
    version: '8.0.mysql_aurora.3.08.0',
    port: 3306,
    tls: { name: 'require_secure_transport', value: 'ON' },
    audit: [
      { name: 'server_audit_logging', value: '1' },
      { name: 'server_audit_events', value: 'CONNECT,QUERY_DCL,QUERY_DDL' },
    ],
    logs: ['audit', 'error', 'slowquery'],
  },
} as const;
export type AuroraEngine = keyof typeof AURORA_ENGINES;

/** Aurora Serverless v2 capacity, in Aurora capacity units (ACUs). */
export interface AuroraServerlessV2Scaling {
  /** Smallest capacity (0–256 ACU, in steps of 0.5). */
  readonly minCapacity: number;
  /** Largest capacity (1–256 ACU, in steps of 0.5, at least minCapacity). */
  readonly maxCapacity: number;
}

export interface HipaaAuroraClusterProps extends DatabaseAccessProps {
  /** Engine. @default 'aurora-postgresql' */
  readonly engine?: AuroraEngine;
  /**
   * Engine version; its major version must match `parameterGroupFamily`.
   * @default '16.4' (aurora-postgresql), '8.0.mysql_aurora.3.08.0' (aurora-mysql)
   */
  readonly engineVersion?: string;
  /** Cluster parameter group family (TLS is forced in it). @default 'aurora-postgresql16' / 'aurora-mysql8.0' */
  readonly parameterGroupFamily?: string;
  /** Instance class of every member; `db.serverless` needs `serverlessV2Scaling`. @default 'db.r6g.large' */
  readonly instanceClass?: string;
  /** Serverless v2 capacity (with instanceClass 'db.serverless'). @default none (provisioned instances) */
  readonly serverlessV2Scaling?: AuroraServerlessV2Scaling;
  /**
   * Member instances (a writer and readers), 1–16. Fewer than two leaves no failover target in
   * another AZ and needs a waiver for BAK-06b (164.308(a)(7)(ii)(C)). @default 2
   */
  readonly instances?: number;
  /**
   * AZs the instances are pinned to, round-robin (at least two distinct ones when given).
   * @default none: RDS spreads the instances over the subnet group's AZs
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Days of continuous backups (1–35); below the BAK-04 minimum (THRESHOLDS.rdsBackupRetentionMinDays)
   * needs a waiver for BAK-04 (164.308(a)(7)(ii)(A)). @default 35
   */
  readonly backupRetentionDays?: number;
  /** Deletion protection (164.308(a)(7)(ii)(A)); false needs a waiver for BAK-05b. @default true */
  readonly deletionProtection?: boolean;
  /** Public endpoints on the instances (never for PHI); true needs a waiver for ACC-14a. @default false */
  readonly publiclyAccessible?: boolean;
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * An Aurora PostgreSQL / MySQL cluster for PHI: the cluster volume encrypted with the CMK, TLS
 * forced by a cluster parameter group (rds.force_ssl / require_secure_transport) that also turns
 * on connection / audit logging, IAM database authentication, deletion protection, 35-day
 * backups, log exports to CloudWatch Logs, tags copied to snapshots, a final snapshot, a master
 * password managed in Secrets Manager with the CMK, two or more instances spread over at least
 * two AZs (not public, enhanced monitoring, Performance Insights with the CMK, automatic minor
 * upgrades), DataClass=PHI on everything (so a `HipaaBackupPlan` selects it, as it does a
 * `HipaaDatabase`) and `prevent_destroy`.
 *
 * A separate construct from `HipaaDatabase` because an Aurora cluster is a different set of
 * resources (a cluster, its cluster parameter group and member instances, not one DB instance):
 * `HipaaDatabase.instance` stays an `aws_db_instance` for its users.
 *
 * Its security group has no inline rules: every ingress source is a separate
 * `aws_vpc_security_group_ingress_rule`, so rules the application adds never fight the construct's.
 *
 * @example
 * const db = new HipaaAuroraCluster(this, 'claims-db', { vpc: net, kmsKey: key, allowedSecurityGroupIds: [appSg.id] });
 * db.allowFrom(batchSg.id, 'batch');
 */
export class HipaaAuroraCluster extends Construct {
  readonly cluster: RdsCluster;
  readonly instances: RdsClusterInstance[];
  readonly parameterGroup: RdsClusterParameterGroup;
  readonly securityGroup: SecurityGroup;
  readonly port: number;
  /** The writer endpoint. */
  readonly endpoint: string;
  /** The reader endpoint. */
  readonly readerEndpoint: string;

  constructor(scope: Construct, id: string, props: HipaaAuroraClusterProps) {
    super(scope, id);
    const p = new PropCheck(this, 'HipaaAuroraCluster', props.waivers);
    const engineName = props.engine ?? 'aurora-postgresql';
    p.expect(engineName in AURORA_ENGINES, 'engine', `must be one of ${Object.keys(AURORA_ENGINES).join(', ')}, got ${JSON.stringify(engineName)}`);
    const engine = AURORA_ENGINES[engineName] ?? AURORA_ENGINES['aurora-postgresql'];
    const pg = engine === AURORA_ENGINES['aurora-postgresql'];
    const version = props.engineVersion ?? engine.version;
    const pgMajor = version.split('.')[0];
    const mysqlMajor = /^(\d+\.\d+)/.exec(version)?.[1] ?? version;
    const family = props.parameterGroupFamily ?? (props.engineVersion ? (pg ? `aurora-postgresql${pgMajor}` : `aurora-mysql${mysqlMajor}`) : engine.family);
    p.expectFormat(version, 'engineVersion', (v) => (pg ? /^\d+(\.\d+){0,2}$/.test(v) : /^\d+\.\d+\.mysql_aurora\.\d+\.\d+\.\d+$/.test(v)), pg ? 'must be a version like 16.4' : 'must be a version like 8.0.mysql_aurora.3.08.0');
    p.expectFormat(family, 'parameterGroupFamily', (f) => f === (pg ? `aurora-postgresql${pgMajor}` : `aurora-mysql${mysqlMajor}`), `does not match engineVersion ${version}`);
    const instanceClass = props.instanceClass ?? 'db.r6g.large';
    p.expectFormat(instanceClass, 'instanceClass', (c) => /^db\.[a-z0-9-]+(\.[a-z0-9]+)?$/.test(c), 'is not an RDS instance class like db.r6g.large or db.serverless');
    const scaling = props.serverlessV2Scaling;
    if (instanceClass === 'db.serverless') p.expect(!!scaling, 'serverlessV2Scaling', 'is required with instanceClass db.serverless');
    if (scaling) {
      const acu = (v: number) => Number.isFinite(v) && v * 2 === Math.round(v * 2);
      p.expect(acu(scaling.minCapacity) && scaling.minCapacity >= 0 && scaling.minCapacity <= 256, 'serverlessV2Scaling.minCapacity', `must be 0-256 ACU in steps of 0.5, got ${scaling.minCapacity}`);
      p.expect(acu(scaling.maxCapacity) && scaling.maxCapacity >= 1 && scaling.maxCapacity <= 256 && scaling.maxCapacity >= scaling.minCapacity, 'serverlessV2Scaling.maxCapacity', `must be 1-256 ACU in steps of 0.5 and at least minCapacity, got ${scaling.maxCapacity}`);
    }
    const count = props.instances ?? 2;
    if (p.expect(Number.isInteger(count) && count >= 1 && count <= 16, 'instances', `must be 1-16, got ${count}`)) {
      p.weakens(count < 2, `instances: ${count}`, 'BAK-06b');
    }
    const azs = props.availabilityZones;
    if (azs !== undefined) {
      p.expect(azs.length > 0, 'availabilityZones', 'must not be empty (leave it out to let RDS spread the instances)');
      for (const az of azs) p.expectFormat(az, 'availabilityZones', (z) => /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/.test(z), 'is not an availability zone like us-east-1a');
      const distinct = new Set(azs.slice(0, count)).size;
      if (azs.length && count >= 2) p.weakens(distinct < 2, `availabilityZones: [${azs.join(', ')}] (${count} instances in ${distinct} AZ)`, 'BAK-06b');
    }
    this.port = props.port ?? engine.port;
    p.expect(Number.isInteger(this.port) && this.port >= 1150 && this.port <= 65535, 'port', `must be 1150-65535, got ${this.port}`);
    p.expectFormat(props.databaseName, 'databaseName', (n) => /^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(n), 'must start with a letter and hold at most 63 letters, digits or underscores');
    const retention = props.backupRetentionDays ?? 35;
    if (p.expect(Number.isInteger(retention) && retention >= 1 && retention <= 35, 'backupRetentionDays', `must be 1-35 days, got ${retention}`)) {
      p.weakens(retention < THRESHOLDS.rdsBackupRetentionMinDays, `backupRetentionDays: ${retention}`, 'BAK-04');
    }
    p.weakens(props.deletionProtection === false, 'deletionProtection: false', 'BAK-05b');
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
    this.parameterGroup = new RdsClusterParameterGroup(this, 'params', {
      namePrefix: `${id}-`,
      family,
      description: `phikit ${id}: TLS required, connections logged`,
      parameter: [engine.tls, ...engine.audit].map((x) => ({ name: x.name, value: x.value, applyMethod: 'pending-reboot' })),
    });
    const { subnets, securityGroup } = databaseFirewall(this, id, net, this.port, 'Aurora cluster', props);
    this.securityGroup = securityGroup;

    this.cluster = new RdsCluster(this, 'cluster', {
      clusterIdentifierPrefix: `${id}-`,
      engine: engineName,
      engineMode: 'provisioned',
      engineVersion: version,
      port: this.port,
      databaseName: props.databaseName,
      masterUsername: 'phiadmin',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKey.arn,
      storageEncrypted: true,
      kmsKeyId: props.kmsKey.arn,
      iamDatabaseAuthenticationEnabled: true,
      dbClusterParameterGroupName: this.parameterGroup.name,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      backupRetentionPeriod: retention,
      preferredBackupWindow: '04:00-05:00',
      copyTagsToSnapshot: true,
      deletionProtection: props.deletionProtection ?? true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${id}-final`,
      enabledCloudwatchLogsExports: [...engine.logs],
      serverlessv2ScalingConfiguration: scaling ? { minCapacity: scaling.minCapacity, maxCapacity: scaling.maxCapacity } : undefined,
      tags: { DataClass: 'PHI' },
      lifecycle: { preventDestroy: true },
    });
    recordWaivers(this.cluster, waivers.filter((w) => w.ruleId !== 'ACC-14a'));
    this.endpoint = this.cluster.endpoint;
    this.readerEndpoint = this.cluster.readerEndpoint;

    const monitoring = enhancedMonitoringRole(this, id, account.accountId);
    this.instances = Array.from({ length: count }, (_, i) => {
      const instance = new RdsClusterInstance(this, `instance-${i}`, {
        identifierPrefix: `${id}-${i}-`,
        clusterIdentifier: this.cluster.id,
        engine: engineName,
        engineVersion: version,
        instanceClass,
        availabilityZone: azs?.length ? azs[i % azs.length] : undefined,
        dbSubnetGroupName: subnets.name,
        publiclyAccessible: props.publiclyAccessible ?? false,
        autoMinorVersionUpgrade: true,
        copyTagsToSnapshot: true,
        monitoringInterval: 60,
        monitoringRoleArn: monitoring.arn,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: props.kmsKey.arn,
        caCertIdentifier: 'rds-ca-rsa2048-g1',
        promotionTier: i,
        tags: { DataClass: 'PHI' },
        lifecycle: { preventDestroy: true },
      });
      recordWaivers(instance, waivers.filter((w) => w.ruleId === 'ACC-14a'));
      return instance;
    });
  }

  /** Let members of a security group reach the cluster port (a separate ingress rule resource). */
  allowFrom(securityGroupId: string, id = `from-${this.node.children.length}`): VpcSecurityGroupIngressRule {
    return ingressFromGroup(this, this.securityGroup, this.port, securityGroupId, id);
  }
}
