/**
 * Construct-time validation (every bad prop of a construct reported at once, by name), the waiver
 * policy on the construct side (approver + expiry required, a waiver for a rule the props do not
 * weaken refused), thresholds shared with the rules, keys made usable by the services that use
 * them, and the layouts real accounts have (bring-your-own network and keys, database reachable
 * from an app security group, organization-managed security services).
 */
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { AuditTrail } from '../../constructs/audit-trail';
import { HipaaBucket } from '../../constructs/bucket';
import { HipaaPropsError, KIT_WAIVER_EXPIRES, WaiverRequiredError } from '../../constructs/core/waivers';
import { HipaaDatabase } from '../../constructs/database';
import { HipaaKmsKey } from '../../constructs/kms-key';
import { HipaaLogGroup } from '../../constructs/log-group';
import { HipaaVpc } from '../../constructs/vpc';
import { THRESHOLDS } from '../../policies/rules/thresholds';
import { check, newStack, synthJson } from '../support/synth';

type Res = Record<string, Record<string, Record<string, unknown>>>;
const resources = (s: ReturnType<typeof newStack>) => (synthJson(s).resource ?? {}) as Res;
const only = (r: Res, type: string) => Object.values(r[type] ?? {});
const W = (ruleId: string) => ({ ruleId, reason: 'Synthetic test data only, reviewed by security', approvedBy: 'security@example.org', expires: '2027-06-30' });
const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

describe('construct-time prop validation', () => {
  it('reports every bad prop of a construct at once, naming each', () => {
    const e = thrown(() => new HipaaBucket(newStack(), 'b', { bucketPrefix: 'Claims_Intake_', objectLock: { mode: 'GOVERNANCE', days: 0 }, noncurrentVersionExpirationDays: -1 }));
    expect(e).toBeInstanceOf(HipaaPropsError);
    expect((e as HipaaPropsError).problems).toHaveLength(3);
    expect(e.message).toMatch(/bucketPrefix "Claims_Intake_"/);
    expect(e.message).toMatch(/objectLock\.days must be a whole number of days from 1 to 36500, got 0/);
    expect(e.message).toMatch(/noncurrentVersionExpirationDays/);
    expect(e.message).toMatch(/^\[test\/b\] HipaaBucket: 3 problems/);
  });
  it('refuses a 30-day rotation, a 500-day log retention and zones of another region', () => {
    const s = newStack();
    expect(() => new HipaaKmsKey(s, 'k1', { description: 'x', rotationPeriodInDays: 30 })).toThrow(/rotationPeriodInDays must be a whole number of days from 90 to 2560.*got 30/);
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    expect(() => new HipaaLogGroup(s, 'l', { name: '/x', kmsKey: key, retentionInDays: 500 })).toThrow(/retentionInDays must be one of .*got 500/);
    const e = thrown(() => new HipaaVpc(s, 'n', { region: 'us-east-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'], kmsKey: key }));
    expect(e.message).toMatch(/"eu-west-1a" is not an availability zone of us-east-1/);
    expect(e.message).toMatch(/"eu-west-1b" is not an availability zone of us-east-1/);
  });
  it('lists bad values and missing waivers together', () => {
    const e = thrown(() => new HipaaKmsKey(newStack(), 'k', { description: 'x', deletionWindowInDays: 7, alias: 'aws/mine' }));
    expect(e).toBeInstanceOf(WaiverRequiredError);
    expect(e.message).toMatch(/alias "aws\/mine"/);
    expect(e.message).toMatch(/deletionWindowInDays: 7 weakens .*ENC-02b/);
  });
  it('does not judge tokens (values known only at apply)', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    expect(() => new HipaaLogGroup(s, 'l', { name: `/x/${key.keyId}`, kmsKey: key })).not.toThrow();
  });
});

describe('construct waivers', () => {
  it('need an approver and an expiry date', () => {
    const base = { ruleId: 'BAK-08a', reason: 'Scratch bucket for synthetic data only' };
    for (const [w, msg] of [
      [{ ...base, expires: '2027-01-31' }, /approvedBy is required/],
      [{ ...base, approvedBy: 'sec' }, /expires is required/],
      [{ ...base, approvedBy: 'sec', expires: '2027-02-30' }, /"2027-02-30" is not a YYYY-MM-DD date/],
      [{ ...base, approvedBy: 'sec', expires: '2027-01-31', reason: 'short' }, /at least 10 characters/],
    ] as const) {
      expect(() => new HipaaBucket(newStack(), 'b', { versioned: false, waivers: [w as never] })).toThrow(msg);
    }
  });
  it('are refused for a rule the props do not weaken, naming it', () => {
    const e = thrown(() => new HipaaBucket(newStack(), 'b', { waivers: [W('BAK-10a')] }));
    expect(e).toBeInstanceOf(WaiverRequiredError);
    expect(e.message).toMatch(/waiver for BAK-10a: these HipaaBucket props do not weaken BAK-10a/);
  });
  it('are written with approver and expiry, and the checker shows them', () => {
    const s = newStack();
    new HipaaBucket(s, 'b', { versioned: false, waivers: [W('BAK-08a')] });
    const f = check(s).findings.find((x) => x.ruleId === 'BAK-08a' && x.status === 'waived');
    expect(f?.waiver).toMatchObject({ reason: W('BAK-08a').reason, approvedBy: 'security@example.org', expires: '2027-06-30' });
  });
  it('the kit’s own (SSE-S3 on the access-log bucket) carry an approver and an expiry too', () => {
    const s = newStack();
    new HipaaBucket(s, 'b');
    const f = check(s).findings.filter((x) => x.status === 'waived');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.waiver).toMatchObject({ approvedBy: expect.stringContaining('phikit'), expires: KIT_WAIVER_EXPIRES });
  });
});

describe('thresholds shared with the rules', () => {
  const build = (days: number, waivers?: ReturnType<typeof W>[]) => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    new HipaaDatabase(s, 'db', { vpc: { vpcId: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b'] }, kmsKey: key, backupRetentionDays: days, waivers });
    return s;
  };
  it('HipaaDatabase needs a BAK-04 waiver exactly where BAK-04 fails', () => {
    const min = THRESHOLDS.rdsBackupRetentionMinDays;
    expect(check(build(14)).findings.find((f) => f.ruleId === 'BAK-04')?.status).toBe('pass');
    expect(() => build(14, [W('BAK-04')])).toThrow(/do not weaken BAK-04/);
    expect(() => build(min - 1)).toThrow(/BAK-04/);
    expect(check(build(min - 1, [W('BAK-04')])).findings.find((f) => f.ruleId === 'BAK-04')?.status).toBe('waived');
    expect(check(build(min)).findings.find((f) => f.ruleId === 'BAK-04')?.status).toBe('pass');
  });
});

describe('keys usable by the services that use them', () => {
  const principals = (s: ReturnType<typeof newStack>) =>
    only(resources(s), 'aws_kms_key').flatMap((k) => (JSON.parse(k.policy as string).Statement as { Principal?: { Service?: string } }[]).map((x) => x.Principal?.Service).filter(Boolean));
  it('a HipaaKmsKey given to a log group, a VPC and a trail gets the Logs and CloudTrail statements', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    new HipaaLogGroup(s, 'l', { name: '/x', kmsKey: key });
    new AuditTrail(s, 'audit', { region: 'us-east-1', kmsKey: key });
    const p = principals(s);
    expect(p).toEqual(expect.arrayContaining(['cloudtrail.amazonaws.com', 'config.amazonaws.com', expect.stringMatching(/^logs\.\$\{data\.aws_region\..*\}\.amazonaws\.com$/)]));
    expect(new Set(p).size).toBe(p.length);
  });
  it('an existing key by ARN must declare the services; otherwise the construct names the prop', () => {
    const s = newStack();
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(() => new HipaaLogGroup(s, 'l', { name: '/x', kmsKey: HipaaKmsKey.fromArn(arn) })).toThrow(/kmsKey is existing KMS key .* does not let logs use it/);
    expect(() => new HipaaLogGroup(s, 'ok', { name: '/x', kmsKey: HipaaKmsKey.fromArn(arn, { usableBy: ['logs.us-east-1.amazonaws.com'] }) })).not.toThrow();
    expect(only(resources(s), 'aws_cloudwatch_log_group')[0].kms_key_id).toBe(arn);
  });
  it('HipaaKmsKey takes a provider (another region)', async () => {
    const { AwsProvider } = await import('@cdktf/provider-aws/lib/provider');
    const s = newStack();
    const dr = new AwsProvider(s, 'dr', { region: 'us-west-2', alias: 'dr' });
    new HipaaKmsKey(s, 'k', { description: 'x', provider: dr });
    const r = resources(s);
    expect(only(r, 'aws_kms_key')[0].provider).toBe('aws.dr');
    expect(only(r, 'aws_kms_alias')[0].provider).toBe('aws.dr');
  });
});

describe('HipaaDatabase in a real account layout', () => {
  it('is reachable only from the app security group, by separate rule resources, in an existing VPC', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const app = new SecurityGroup(s, 'app-sg', { vpcId: 'vpc-0abc', namePrefix: 'app-', description: 'app tier' });
    const db = new HipaaDatabase(s, 'claims', {
      vpc: { vpcId: 'vpc-0abc', subnetIds: ['subnet-a', 'subnet-b'], vpcCidr: '10.20.0.0/16' },
      kmsKey: key,
      allowedSecurityGroupIds: [app.id],
      engineVersion: '15.7',
      port: 6432,
      databaseName: 'claims',
      maxAllocatedStorage: 200,
    });
    db.allowFrom('sg-0batch', 'batch');
    const r = resources(s);
    const sg = only(r, 'aws_security_group').find((x) => String(x.description).startsWith('database'))!;
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
    const ingress = only(r, 'aws_vpc_security_group_ingress_rule');
    expect(ingress.map((x) => x.referenced_security_group_id)).toEqual([expect.stringContaining('aws_security_group.app-sg'), 'sg-0batch']);
    expect(ingress.every((x) => x.from_port === 6432 && x.to_port === 6432 && x.cidr_ipv4 === undefined)).toBe(true);
    expect(only(r, 'aws_db_instance')[0]).toMatchObject({ engine_version: '15.7', port: 6432, db_name: 'claims', max_allocated_storage: 200, db_subnet_group_name: expect.any(String) });
    expect(only(r, 'aws_db_parameter_group')[0]).toMatchObject({ family: 'postgres15' });
    // BAK-03a (the database is in a backup plan) needs a HipaaBackupPlan, another construct.
    const bad = check(s).findings.filter((f) => f.status === 'fail' && f.ruleId !== 'BAK-03a' && !f.address.startsWith('(') && f.address.includes('claims'));
    expect(bad.map((f) => `${f.ruleId} ${f.address}`)).toEqual([]);
  });
  it('allowedCidrs: [] leaves no ingress rule at all (not one with empty cidr_blocks)', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const net = new HipaaVpc(s, 'net', { region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'], kmsKey: key });
    new HipaaDatabase(s, 'db', { vpc: net, kmsKey: key, allowedCidrs: [] });
    expect(only(resources(s), 'aws_vpc_security_group_ingress_rule')).toHaveLength(0);
  });
  it('refuses 0.0.0.0/0, one subnet, a mismatched parameter family and storage autoscaling below the allocation', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    const e = thrown(() => new HipaaDatabase(s, 'db', { vpc: { vpcId: 'v', subnetIds: ['s'] }, kmsKey: key, allowedCidrs: ['0.0.0.0/0'], engineVersion: '15.7', parameterGroupFamily: 'postgres16', maxAllocatedStorage: 10 }));
    expect((e as HipaaPropsError).problems).toEqual([
      expect.stringMatching(/^parameterGroupFamily "postgres16" does not match engineVersion 15.7/),
      expect.stringMatching(/^maxAllocatedStorage must be more than allocatedStorage/),
      expect.stringMatching(/^vpc.subnetIds needs private subnets in at least two AZs/),
      expect.stringMatching(/^allowedCidrs must not contain 0.0.0.0\/0/),
    ]);
  });
});

describe('AuditTrail under an organization', () => {
  const org = { reason: 'GuardDuty delegated administrator 111122223333 auto-enables every member account', approvedBy: 'ciso@example.org', expires: '2027-06-30' };
  it('does not create services the organization provides, and waives their rules with the recorded reason', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    new AuditTrail(s, 'audit', { region: 'us-east-1', kmsKey: key, providedByOrganization: { guardDuty: org, securityHub: { ...org, reason: 'Security Hub central configuration from the audit account' } } });
    const r = resources(s);
    expect(r.aws_guardduty_detector).toBeUndefined();
    expect(r.aws_securityhub_account).toBeUndefined();
    expect(only(r, 'aws_config_configuration_recorder')).toHaveLength(1);
    const findings = check(s).findings;
    const ir01 = findings.find((f) => f.ruleId === 'IR-01')!;
    expect(ir01.status).toBe('waived');
    expect(ir01.waiver).toMatchObject({ approvedBy: 'ciso@example.org', expires: '2027-06-30', reason: expect.stringContaining('delegated administrator') });
    expect(findings.find((f) => f.ruleId === 'AUD-14')?.status).toBe('waived');
  });
  it('needs the approver and expiry for each declaration', () => {
    const s = newStack();
    const key = new HipaaKmsKey(s, 'k', { description: 'x' });
    expect(() => new AuditTrail(s, 'audit', { region: 'us-east-1', kmsKey: key, providedByOrganization: { guardDuty: { reason: 'org', approvedBy: '', expires: 'soon' } } })).toThrow(
      /providedByOrganization.guardDuty reason must be at least 10[\s\S]*providedByOrganization.guardDuty approvedBy is required[\s\S]*providedByOrganization.guardDuty expires "soon"/,
    );
  });
});

describe('HipaaBucket.grantRead across stacks', () => {
  it('puts the policy beside the role, so the app stack depends on the data stack and not the reverse', async () => {
    const { App, TerraformStack } = await import('cdktf');
    const { AwsProvider } = await import('@cdktf/provider-aws/lib/provider');
    const { IamRole } = await import('@cdktf/provider-aws/lib/iam-role');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-grant-'));
    const app = new App({ outdir, stackTraces: false });
    const data = new TerraformStack(app, 'data');
    new AwsProvider(data, 'aws', { region: 'us-east-1' });
    const bucket = new HipaaBucket(data, 'claims');
    const svc = new TerraformStack(app, 'svc');
    new AwsProvider(svc, 'aws', { region: 'us-east-1' });
    const role = new IamRole(svc, 'worker', { assumeRolePolicy: '{}' });
    bucket.grantRead(role);
    app.synth();
    const read = (s: string) => JSON.parse(fs.readFileSync(path.join(outdir, `stacks/${s}/cdk.tf.json`), 'utf8'));
    expect(Object.keys(read('svc').resource.aws_iam_policy)).toHaveLength(1);
    expect(read('data').resource.aws_iam_policy).toBeUndefined();
    expect(read('data').data?.terraform_remote_state).toBeUndefined();
    expect(Object.keys(read('svc').data.terraform_remote_state)).toHaveLength(1);
  });
});
