/**
 * HipaaAuroraCluster: its HIPAA defaults on the synthesized JSON, phikit's checker over the
 * output (zero failing required findings on its resources), a weakened variant whose recorded
 * waivers show as waived findings, and construct-time validation of every prop at once.
 */
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { HipaaAuroraCluster, type HipaaAuroraClusterProps } from '../../constructs/aurora';
import { HipaaBackupPlan } from '../../constructs/backup-plan';
import { HipaaPropsError, WaiverRequiredError, type Waiver } from '../../constructs/core/waivers';
import { HipaaKmsKey } from '../../constructs/kms-key';
import { HipaaVpc } from '../../constructs/vpc';
import { THRESHOLDS } from '../../policies/rules/thresholds';
import type { Finding } from '../../policies/engine/types';
import { check, newStack, synthJson } from '../support/synth';

type Res = Record<string, Record<string, Record<string, unknown>>>;
const resources = (stack: ReturnType<typeof newStack>) => (synthJson(stack).resource ?? {}) as Res;
const only = (r: Res, type: string) => Object.values(r[type] ?? {});
const W = (ruleId: string): Waiver => ({ ruleId, reason: 'Synthetic-data staging cluster, no PHI, rebuilt nightly', approvedBy: 'security@example.org', expires: '2027-06-30' });
const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

/** A cluster in a HipaaVpc with a backup plan selecting DataClass=PHI (as the kit does for RDS). */
function build(props: Partial<HipaaAuroraClusterProps> = {}, withPlan = true) {
  const s = newStack();
  const key = new HipaaKmsKey(s, 'k', { description: 'x', servicePrincipals: ['backup'] });
  const vpc = new HipaaVpc(s, 'net', { region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'], kmsKey: key });
  const db = new HipaaAuroraCluster(s, 'claims-db', { vpc, kmsKey: key, ...props });
  if (withPlan) new HipaaBackupPlan(s, 'backup', { kmsKey: key, copyToVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr' });
  return { s, db };
}
/** Findings on the cluster's own resources (account-level and evidence rules are other constructs'). */
const clusterFindings = (s: ReturnType<typeof newStack>): Finding[] => check(s).findings.filter((f) => /aws_rds_cluster|aws_db_subnet_group|claims-db/.test(f.address));
const failing = (fs: Finding[], level?: 'required') => fs.filter((f) => ['fail', 'error'].includes(f.status) && (!level || f.level === level)).map((f) => `${f.ruleId} ${f.address}: ${f.message}`);

describe('HipaaAuroraCluster defaults', () => {
  it('synthesizes an encrypted, TLS-only, protected, backed-up cluster with two private instances', () => {
    const { s } = build();
    const r = resources(s);
    const [cluster] = only(r, 'aws_rds_cluster');
    expect(cluster).toMatchObject({
      engine: 'aurora-postgresql',
      engine_mode: 'provisioned',
      storage_encrypted: true,
      kms_key_id: expect.stringContaining('aws_kms_key.k'),
      iam_database_authentication_enabled: true,
      deletion_protection: true,
      backup_retention_period: 35,
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: expect.stringContaining('aws_kms_key.k'),
      enabled_cloudwatch_logs_exports: ['postgresql'],
      tags: { DataClass: 'PHI' },
      lifecycle: { prevent_destroy: true },
    });
    expect(cluster.db_cluster_parameter_group_name).toContain('aws_rds_cluster_parameter_group.');
    const [params] = only(r, 'aws_rds_cluster_parameter_group');
    expect(params).toMatchObject({ family: 'aurora-postgresql16', parameter: expect.arrayContaining([expect.objectContaining({ name: 'rds.force_ssl', value: '1' })]) });
    const instances = only(r, 'aws_rds_cluster_instance');
    expect(instances).toHaveLength(2);
    for (const i of instances) {
      expect(i).toMatchObject({ publicly_accessible: false, auto_minor_version_upgrade: true, monitoring_interval: 60, performance_insights_enabled: true, tags: { DataClass: 'PHI' } });
      expect(i.availability_zone).toBeUndefined();
    }
    // Security group: no inline rules; the default source is the VPC CIDR, as a separate rule.
    const sg = only(r, 'aws_security_group').find((x) => String(x.description).startsWith('Aurora cluster'))!;
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
    expect(only(r, 'aws_vpc_security_group_ingress_rule')).toEqual([expect.objectContaining({ from_port: 5432, to_port: 5432, cidr_ipv4: '10.0.0.0/16' })]);
  });

  it('passes phikit: zero failing findings (required or recommended) on its resources, BAK-03b selected by the plan', () => {
    const { s } = build();
    const fs = clusterFindings(s);
    expect(failing(fs)).toEqual([]);
    const byRule = (id: string) => fs.filter((f) => f.ruleId === id).map((f) => f.status);
    for (const id of ['ENC-04b', 'ENC-04g', 'COM-09a', 'BAK-04', 'BAK-05b', 'BAK-06b', 'BAK-03b', 'AUD-11a', 'ACC-15']) expect(byRule(id)).toEqual(['pass']);
    expect(byRule('ACC-14a')).toEqual(['pass', 'pass']);
  });

  it('without a backup plan, fails exactly BAK-03b (the kit selects by DataClass=PHI, like HipaaDatabase)', () => {
    const { s } = build({}, false);
    expect(failing(clusterFindings(s)).map((x) => x.split(' ')[0])).toEqual(['BAK-03b']);
  });

  it('Aurora MySQL requires secure transport and exports the audit log', () => {
    const { s } = build({ engine: 'aurora-mysql' });
    const r = resources(s);
    expect(only(r, 'aws_rds_cluster')[0]).toMatchObject({ engine: 'aurora-mysql', engine_version: '8.0.mysql_aurora.3.08.0', port: 3306, enabled_cloudwatch_logs_exports: expect.arrayContaining(['audit']) });
    expect(only(r, 'aws_rds_cluster_parameter_group')[0]).toMatchObject({
      family: 'aurora-mysql8.0',
      parameter: expect.arrayContaining([expect.objectContaining({ name: 'require_secure_transport', value: 'ON' }), expect.objectContaining({ name: 'server_audit_logging', value: '1' })]),
    });
    const fs = clusterFindings(s);
    expect(failing(fs)).toEqual([]);
    expect(fs.find((f) => f.ruleId === 'COM-09b')?.status).toBe('pass');
  });

  it('is reachable only from given security groups and CIDRs, each a separate rule, in an existing VPC', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const app = new SecurityGroup(s, 'app-sg', { vpcId: 'vpc-0abc', namePrefix: 'app-', description: 'app tier' });
    const db = new HipaaAuroraCluster(s, 'claims-db', {
      vpc: { vpcId: 'vpc-0abc', subnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.20.0.0/16' },
      kmsKey: key,
      allowedSecurityGroupIds: [app.id],
      allowedCidrs: ['10.20.8.0/24'],
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      instances: 3,
      databaseName: 'claims',
      engineVersion: '15.8',
    });
    db.allowFrom('sg-0batch', 'batch');
    const r = resources(s);
    const ingress = only(r, 'aws_vpc_security_group_ingress_rule');
    expect(ingress.map((x) => x.referenced_security_group_id ?? x.cidr_ipv4)).toEqual(['10.20.8.0/24', expect.stringContaining('aws_security_group.app-sg'), 'sg-0batch']);
    expect(only(r, 'aws_rds_cluster_instance').map((i) => i.availability_zone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1a']);
    expect(only(r, 'aws_rds_cluster')[0]).toMatchObject({ database_name: 'claims', engine_version: '15.8' });
    expect(only(r, 'aws_rds_cluster_parameter_group')[0]).toMatchObject({ family: 'aurora-postgresql15' });
    expect(only(r, 'aws_db_subnet_group')[0]).toMatchObject({ subnet_ids: ['subnet-a', 'subnet-b'] });
    expect(failing(clusterFindings(s).filter((f) => f.ruleId !== 'BAK-03b'), 'required')).toEqual([]);
  });

  it('supports Serverless v2 capacity', () => {
    const { s } = build({ instanceClass: 'db.serverless', serverlessV2Scaling: { minCapacity: 0.5, maxCapacity: 8 } });
    const r = resources(s);
    expect(only(r, 'aws_rds_cluster')[0]).toMatchObject({ serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 8 } });
    expect(only(r, 'aws_rds_cluster_instance').every((i) => i.instance_class === 'db.serverless')).toBe(true);
  });
});

describe('HipaaAuroraCluster weakened', () => {
  const weak = { instances: 1, backupRetentionDays: THRESHOLDS.rdsBackupRetentionMinDays - 1, deletionProtection: false, publiclyAccessible: true };

  it('refuses weakened defaults without waivers, naming every setting and rule at once', () => {
    const e = thrown(() => build(weak));
    expect(e).toBeInstanceOf(WaiverRequiredError);
    expect((e as WaiverRequiredError).problems).toEqual([
      expect.stringMatching(/^instances: 1 weakens .*BAK-06b/),
      expect.stringMatching(new RegExp(`^backupRetentionDays: ${weak.backupRetentionDays} weakens .*BAK-04`)),
      expect.stringMatching(/^deletionProtection: false weakens .*BAK-05b/),
      expect.stringMatching(/^publiclyAccessible: true weakens .*ACC-14a/),
    ]);
  });

  it('with recorded waivers, the checker shows the weakened findings as waived with reason, approver and expiry', () => {
    const { s } = build({ ...weak, waivers: ['BAK-06b', 'BAK-04', 'BAK-05b', 'ACC-14a'].map(W) });
    const r = resources(s);
    expect(only(r, 'aws_rds_cluster')[0]).toMatchObject({ deletion_protection: false, backup_retention_period: weak.backupRetentionDays });
    expect(only(r, 'aws_rds_cluster_instance')).toEqual([expect.objectContaining({ publicly_accessible: true })]);
    const fs = clusterFindings(s);
    const waived = fs.filter((f) => f.status === 'waived');
    expect(waived.map((f) => f.ruleId).sort()).toEqual(['ACC-14a', 'BAK-04', 'BAK-05b', 'BAK-06b']);
    for (const f of waived) expect(f.waiver).toMatchObject({ reason: expect.stringContaining('Synthetic-data'), approvedBy: 'security@example.org', expires: '2027-06-30' });
    expect(failing(fs, 'required')).toEqual([]);
    // After the expiry the waived findings fail again.
    const later = check(s, new Date('2027-07-01T00:00:00Z')).findings.filter((f) => /aws_rds_cluster/.test(f.address) && f.status === 'fail');
    expect(later.map((f) => f.ruleId).sort()).toEqual(['ACC-14a', 'BAK-04', 'BAK-05b', 'BAK-06b']);
  });

  it('asks for a BAK-04 waiver exactly where BAK-04 fails (the rules’ threshold)', () => {
    const min = THRESHOLDS.rdsBackupRetentionMinDays;
    expect(() => build({ backupRetentionDays: min - 1 })).toThrow(/BAK-04/);
    expect(check(build({ backupRetentionDays: min }).s).findings.find((f) => f.ruleId === 'BAK-04')?.status).toBe('pass');
    expect(() => build({ backupRetentionDays: min, waivers: [W('BAK-04')] })).toThrow(/do not weaken BAK-04/);
  });

  it('two instances pinned to one AZ weaken BAK-06b', () => {
    expect(() => build({ availabilityZones: ['us-east-1a'] })).toThrow(/availabilityZones: \[us-east-1a\] \(2 instances in 1 AZ\) weakens .*BAK-06b/);
    const { s } = build({ availabilityZones: ['us-east-1a'], waivers: [W('BAK-06b')] });
    expect(clusterFindings(s).find((f) => f.ruleId === 'BAK-06b')?.status).toBe('waived');
  });
});

describe('HipaaAuroraCluster prop validation', () => {
  it('reports every bad prop at once, naming each', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const e = thrown(
      () =>
        new HipaaAuroraCluster(s, 'db', {
          vpc: { vpcId: 'vpc-1', subnetIds: ['subnet-a'] },
          kmsKey: key,
          engineVersion: '15.8',
          parameterGroupFamily: 'aurora-postgresql16',
          instanceClass: 'db.serverless',
          instances: 0,
          availabilityZones: ['east'],
          port: 80,
          databaseName: '1claims',
          backupRetentionDays: 40,
          allowedCidrs: ['0.0.0.0/0', '10.0.0.0/33'],
        }),
    );
    expect(e).toBeInstanceOf(HipaaPropsError);
    expect(e.message).toMatch(/^\[test\/db\] HipaaAuroraCluster: 10 problems with its props:/);
    expect((e as HipaaPropsError).problems).toEqual([
      expect.stringMatching(/^parameterGroupFamily "aurora-postgresql16" does not match engineVersion 15.8/),
      expect.stringMatching(/^serverlessV2Scaling is required with instanceClass db.serverless/),
      expect.stringMatching(/^instances must be 1-16, got 0/),
      expect.stringMatching(/^availabilityZones "east" is not an availability zone/),
      expect.stringMatching(/^port must be 1150-65535, got 80/),
      expect.stringMatching(/^databaseName "1claims" must start with a letter/),
      expect.stringMatching(/^backupRetentionDays must be 1-35 days, got 40/),
      expect.stringMatching(/^vpc.subnetIds needs private subnets in at least two AZs, got 1/),
      expect.stringMatching(/^allowedCidrs must not contain 0.0.0.0\/0/),
      expect.stringMatching(/^allowedCidrs "10.0.0.0\/33" is not an IPv4 CIDR/),
    ]);
  });
});
