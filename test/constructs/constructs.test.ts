/**
 * Each construct's secure defaults (asserted on the synthesized JSON, snake_case keys), that every
 * weakening prop needs a waiver (and the waiver reaches the checker), and that a construct at
 * default props produces no failing finding on its own resources.
 */
import { Testing } from 'cdktf';
import { AccountBaseline } from '../../constructs/account-baseline';
import { AuditTrail } from '../../constructs/audit-trail';
import { AuditorAccess } from '../../constructs/auditor-access';
import { HipaaBackupPlan } from '../../constructs/backup-plan';
import { HipaaBucket } from '../../constructs/bucket';
import { WaiverRequiredError } from '../../constructs/core/waivers';
import { HipaaDatabase } from '../../constructs/database';
import { IncidentResponse } from '../../constructs/incident-response';
import { HipaaKmsKey } from '../../constructs/kms-key';
import { HipaaLogGroup } from '../../constructs/log-group';
import { HipaaVpc } from '../../constructs/vpc';
import { check, newStack, resourceProblems, synthJson } from '../support/synth';

type Res = Record<string, Record<string, Record<string, unknown>>>;
const resources = (stack: ReturnType<typeof newStack>) => (synthJson(stack).resource ?? {}) as Res;
const only = (r: Res, type: string) => Object.values(r[type] ?? {});
/** Rules that need resources from other constructs (backup selection, replication, trails). */
const CROSS_CONSTRUCT = ['BAK-03g', 'BAK-10a', 'BAK-03a', 'AUD-04'];
const ownProblems = (stack: ReturnType<typeof newStack>) => resourceProblems(check(stack)).filter((p) => !CROSS_CONSTRUCT.some((id) => p.startsWith(`${id} `)));

describe('HipaaKmsKey', () => {
  it('rotates, keeps a 30-day deletion window, has an explicit policy and prevent_destroy', () => {
    const s = newStack();
    new HipaaKmsKey(s, 'k', { description: 'phi' });
    const [key] = only(resources(s), 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, rotation_period_in_days: 365, lifecycle: { prevent_destroy: true } });
    expect(JSON.parse(key.policy as string).Statement[0]).toMatchObject({ Effect: 'Allow', Action: 'kms:*' });
    expect(ownProblems(s)).toEqual([]);
  });
  it('needs a waiver for a shorter deletion window, and the checker sees it as waived', () => {
    expect(() => new HipaaKmsKey(newStack(), 'k', { description: 'x', deletionWindowInDays: 7 })).toThrow(WaiverRequiredError);
    const s = newStack();
    new HipaaKmsKey(s, 'k', { description: 'x', deletionWindowInDays: 7, waivers: [{ ruleId: 'ENC-02b', reason: 'Sandbox key for synthetic test data only', approvedBy: 'security@example.org', expires: '2027-03-01' }] });
    const f = check(s).findings.find((x) => x.ruleId === 'ENC-02b');
    expect(f?.status).toBe('waived');
    expect(f?.waiver?.reason).toContain('Sandbox');
  });
});

describe('HipaaBucket', () => {
  it('applies every S3 control by default', () => {
    const s = newStack();
    new HipaaBucket(s, 'records');
    const r = resources(s);
    const sse = only(r, 'aws_s3_bucket_server_side_encryption_configuration').find((x) => JSON.stringify(x).includes('aws:kms'));
    expect(sse).toBeDefined();
    expect(only(r, 'aws_s3_bucket_public_access_block').every((p) => p.block_public_acls && p.block_public_policy && p.ignore_public_acls && p.restrict_public_buckets)).toBe(true);
    expect(only(r, 'aws_s3_bucket_versioning')[0]).toMatchObject({ versioning_configuration: { status: 'Enabled' } });
    expect(only(r, 'aws_s3_bucket_ownership_controls')[0]).toMatchObject({ rule: { object_ownership: 'BucketOwnerEnforced' } });
    expect(only(r, 'aws_s3_bucket_policy')[0].policy as string).toContain('aws:SecureTransport');
    expect(only(r, 'aws_s3_bucket_policy')[0].policy as string).toContain('s3:TlsVersion');
    expect(only(r, 'aws_s3_bucket_logging')).toHaveLength(1);
    expect(only(r, 'aws_s3_bucket_object_lock_configuration').length).toBeGreaterThan(0);
    expect(only(r, 'aws_s3_bucket_notification')[0]).toMatchObject({ eventbridge: true });
    expect(ownProblems(s)).toEqual([]);
  });
  it.each([
    [{ publicRead: true }, 'ACC-01a'],
    [{ encryption: 'AES256' as const }, 'ENC-01'],
    [{ versioned: false }, 'BAK-08a'],
    [{ objectLock: false as const }, 'BAK-09'],
    [{ accessLogs: false as const }, 'AUD-06'],
  ])('refuses %p without a waiver for %s', (props, rule) => {
    expect(() => new HipaaBucket(newStack(), 'b', props)).toThrow(new RegExp(rule));
    const s = newStack();
    new HipaaBucket(s, 'b', { ...props, waivers: [{ ruleId: rule, reason: 'Accepted for a public, non-PHI asset bucket', approvedBy: 'security@example.org', expires: '2027-01-31' }] });
    expect(JSON.stringify(synthJson(s))).toContain('Accepted for a public, non-PHI asset bucket');
  });
});

describe('HipaaLogGroup', () => {
  it('encrypts with the CMK and keeps 365 days (audit: 6 years)', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    new HipaaLogGroup(s, 'app', { name: '/app', kmsKey: key });
    new HipaaLogGroup(s, 'trail', { name: '/trail', kmsKey: key, audit: true });
    const groups = only(resources(s), 'aws_cloudwatch_log_group');
    expect(groups.map((g) => g.retention_in_days).sort()).toEqual([2192, 365]);
    expect(groups.every((g) => String(g.kms_key_id).includes('aws_kms_key'))).toBe(true);
    expect(() => new HipaaLogGroup(s, 'short', { name: '/s', kmsKey: key, retentionInDays: 30 })).toThrow(/AUD-08/);
    expect(ownProblems(s)).toEqual([]);
  });
});

describe('HipaaVpc', () => {
  const build = () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    new HipaaVpc(s, 'net', { region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'], kmsKey: key, publicSubnets: true });
    return s;
  };
  it('has private subnets in two AZs, a closed default SG, ALL flow logs and endpoints', () => {
    const r = resources(build());
    const subnets = only(r, 'aws_subnet');
    expect(subnets.every((x) => x.map_public_ip_on_launch === false)).toBe(true);
    expect(new Set(subnets.map((x) => x.availability_zone)).size).toBe(2);
    const sg = only(r, 'aws_default_security_group')[0];
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
    expect(only(r, 'aws_flow_log')[0]).toMatchObject({ traffic_type: 'ALL' });
    expect(only(r, 'aws_vpc_endpoint').map((e) => String(e.service_name).split('.').pop()).sort()).toEqual(['dynamodb', 'kms', 'logs', 's3', 'secretsmanager', 'sts']);
  });
  it('passes the catalogue on its own resources and refuses flowLogs: false without a waiver', () => {
    expect(ownProblems(build())).toEqual([]);
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    expect(() => new HipaaVpc(s, 'n', { region: 'us-east-1', availabilityZones: ['a', 'b'], kmsKey: key, flowLogs: false })).toThrow(/AUD-07/);
    expect(() => new HipaaVpc(s, 'one', { region: 'us-east-1', availabilityZones: ['a'], kmsKey: key })).toThrow(/two to eight availability zones/);
  });
});

describe('HipaaDatabase', () => {
  const build = (props: Partial<ConstructorParameters<typeof HipaaDatabase>[2]> = {}) => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const vpc = new HipaaVpc(s, 'net', { region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'], kmsKey: key });
    new HipaaDatabase(s, 'db', { vpc, kmsKey: key, ...props });
    return s;
  };
  it('is encrypted, private, Multi-AZ, protected, backed up 35 days and forces TLS', () => {
    const r = resources(build());
    expect(only(r, 'aws_db_instance')[0]).toMatchObject({
      storage_encrypted: true,
      iam_database_authentication_enabled: true,
      publicly_accessible: false,
      multi_az: true,
      deletion_protection: true,
      backup_retention_period: 35,
      copy_tags_to_snapshot: true,
      performance_insights_enabled: true,
      manage_master_user_password: true,
    });
    expect(only(r, 'aws_db_parameter_group')[0]).toMatchObject({ parameter: [expect.objectContaining({ name: 'rds.force_ssl', value: '1' })] });
  });
  it('passes the catalogue on its own resources', () => {
    expect(ownProblems(build())).toEqual([]);
  });
  it.each([
    [{ publiclyAccessible: true }, 'ACC-14a'],
    [{ backupRetentionDays: 5 }, 'BAK-04'],
    [{ multiAz: false }, 'BAK-06a'],
    [{ deletionProtection: false }, 'BAK-05a'],
  ])('refuses %p without a waiver for %s', (props, rule) => {
    expect(() => build(props)).toThrow(new RegExp(rule));
    expect(() => build({ ...props, waivers: [{ ruleId: rule, reason: 'Disposable reporting replica with synthetic data', approvedBy: 'security@example.org', expires: '2027-06-30' }] })).not.toThrow();
  });
});

describe('AuditTrail, HipaaBackupPlan, IncidentResponse, AuditorAccess, AccountBaseline', () => {
  it('declare the account-level controls and pass the catalogue together', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x', servicePrincipals: ['cloudtrail.amazonaws.com'] });
    const audit = new AuditTrail(s, 'audit', { region: 'us-east-1', kmsKey: key });
    new HipaaBackupPlan(s, 'backup', { kmsKey: key, copyToVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr' });
    new IncidentResponse(s, 'ir', { kmsKey: key, trailLogGroup: audit.logGroup, subscribers: [{ protocol: 'email', endpoint: 'secops@example.org' }] });
    new AuditorAccess(s, 'auditors', { auditorAccountId: '444455556666', externalId: 'external-2026' });
    new AccountBaseline(s, 'baseline', { ebsKmsKey: key, securityContact: { name: 'Dana', title: 'CISO', email: 'security@example.org', phone: '+15555550100' } });
    const r = resources(s);
    expect(only(r, 'aws_cloudtrail')[0]).toMatchObject({ is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: true });
    expect(only(r, 'aws_guardduty_detector_feature').map((f) => f.name)).toEqual(expect.arrayContaining(['S3_DATA_EVENTS', 'RDS_LOGIN_EVENTS', 'EBS_MALWARE_PROTECTION']));
    expect(only(r, 'aws_backup_plan')[0].rule).toEqual(expect.arrayContaining([expect.objectContaining({ lifecycle: { delete_after: 35 } })]));
    expect(only(r, 'aws_iam_role').find((x) => (x.tags as Record<string, string>)?.Purpose === 'break-glass')).toMatchObject({ max_session_duration: 3600 });
    expect(only(r, 'aws_iam_account_password_policy')[0]).toMatchObject({ minimum_password_length: 14, password_reuse_prevention: 24, max_password_age: 90 });
    const technical = check(s).findings.filter((f) => f.status === 'fail' && !['evidence'].includes(f.address.slice(1, -1)));
    expect(technical.map((f) => `${f.ruleId} ${f.address}: ${f.message}`).filter((x) => !x.startsWith('BAK-03'))).toEqual([]);
  });
  it('refuse unsafe settings', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    expect(() => new HipaaBackupPlan(s, 'b', { kmsKey: key, dailyRetentionDays: 7, copyToVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr' })).toThrow(/BAK-02b/);
    expect(() => new HipaaBackupPlan(s, 'c', { kmsKey: key })).toThrow(/BAK-02c/);
    expect(() => new AuditorAccess(s, 'a', { auditorAccountId: '123', externalId: 'external-2026' })).toThrow(/12-digit/);
    const audit = new AuditTrail(s, 'audit', { region: 'us-east-1', kmsKey: key });
    expect(() => new IncidentResponse(s, 'ir', { kmsKey: key, trailLogGroup: audit.logGroup, subscribers: [] })).toThrow(/subscriber/);
  });
});

describe('Testing.synth compatibility', () => {
  it('synthesizes with validations on', () => {
    const s = newStack();
    new HipaaBucket(s, 'b');
    expect(() => Testing.synth(s, true)).not.toThrow();
  });
});

describe('HipaaBucket in another region', () => {
  it('creates its own key with the same provider as the bucket', async () => {
    const { AwsProvider } = await import('@cdktf/provider-aws/lib/provider');
    const s = newStack();
    const dr = new AwsProvider(s, 'dr', { region: 'us-west-2', alias: 'dr' });
    new HipaaBucket(s, 'replica', { provider: dr });
    const r = resources(s);
    const key = Object.values(r.aws_kms_key)[0];
    const bucket = Object.values(r.aws_s3_bucket).find((b) => String(b.bucket_prefix).startsWith('replica'))!;
    expect(key.provider).toBe('aws.dr');
    expect(bucket.provider).toBe('aws.dr');
  });
});
