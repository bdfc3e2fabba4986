import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import { ConfigConfigurationAggregator } from '@cdktf/provider-aws/lib/config-configuration-aggregator';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { GuarddutyDetectorFeature } from '@cdktf/provider-aws/lib/guardduty-detector-feature';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Inspector2Enabler } from '@cdktf/provider-aws/lib/inspector2-enabler';
import { SecurityhubAccount } from '@cdktf/provider-aws/lib/securityhub-account';
import { SecurityhubStandardsSubscription } from '@cdktf/provider-aws/lib/securityhub-standards-subscription';
import { Construct } from 'constructs';
import { HipaaBucket } from './bucket';
import { attachPolicy, serviceTrust } from './core/policy';
import { PropCheck, Waiver, recordWaivers, waiverShapeProblems } from './core/waivers';
import { IHipaaKmsKey, requireKeyUsableBy } from './kms-key';
import { AUDIT_RETENTION_DAYS, HipaaLogGroup } from './log-group';

/** Why a service is not created here: the organization provides it (recorded as a waiver). */
export interface ProvidedByOrganization {
  /** Who provides it and how (e.g. "GuardDuty delegated administrator 111122223333 auto-enables members"). */
  readonly reason: string;
  /** Who approved relying on it. */
  readonly approvedBy: string;
  /** When to re-confirm it (YYYY-MM-DD). */
  readonly expires: string;
}

/** Account-level services AuditTrail creates unless the organization provides them, and the rules that check each. */
export const ORGANIZATION_SERVICES = {
  guardDuty: ['IR-01'],
  securityHub: ['AUD-14', 'COL-03'],
  config: ['AUD-13a', 'AUD-13b'],
  inspector: ['COL-04'],
  accessAnalyzer: ['ACC-11'],
} as const;
export type OrganizationService = keyof typeof ORGANIZATION_SERVICES;

/** Managed Config rules of the HIPAA pack that need the live account (a plan cannot decide them). */
export const RUNTIME_CONFIG_RULES = [
  'ROOT_ACCOUNT_MFA_ENABLED',
  'ROOT_ACCOUNT_HARDWARE_MFA_ENABLED',
  'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
  'IAM_USER_MFA_ENABLED',
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'ACCESS_KEYS_ROTATED',
  'IAM_USER_UNUSED_CREDENTIALS_CHECK',
  'GUARDDUTY_NON_ARCHIVED_FINDINGS',
  'EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK',
] as const;

export interface AuditTrailProps {
  /** Region of the stack (Security Hub standards ARNs). */
  readonly region: string;
  /** Key for trail files, the trail log group and the audit buckets; its policy must let CloudTrail and Logs use it. */
  readonly kmsKey: IHipaaKmsKey;
  /** PHI buckets whose object reads and writes are logged as CloudTrail data events (164.312(b)). @default none */
  readonly phiBuckets?: readonly HipaaBucket[];
  /** GuardDuty protection features (164.308(a)(5)(ii)(B), (C)). @default S3 data events, RDS logins, EBS malware, Lambda network logs */
  readonly guardDutyFeatures?: readonly string[];
  /**
   * AWS Config managed rules evaluating what a plan cannot see (root MFA, key age, unused
   * credentials, deployed drift) continuously (164.308(a)(1)(ii)(D), 164.308(a)(8)).
   * @default the runtime-only rules of the AWS HIPAA conformance pack listed in RUNTIME_CONFIG_RULES
   */
  readonly configRules?: readonly string[];
  /** Security Hub standards (externally curated benchmarks, 164.308(a)(8)). @default FSBP, CIS 3.0, NIST 800-53 r5 */
  readonly standards?: readonly string[];
  /**
   * Services the organization already runs in this account (Control Tower, Organizations delegated
   * administrators): they are not created here (creating them would conflict at apply), and the
   * rules that check each are waived on the trail with this reason, approver and expiry, which every
   * report shows. @default none: every service is created here
   */
  readonly providedByOrganization?: Partial<Record<OrganizationService, ProvidedByOrganization>>;
}

/**
 * The account's audit backbone: a multi-region CloudTrail with log-file validation, KMS
 * encryption, CloudWatch Logs delivery (six-year log group) and S3 data events for PHI buckets,
 * into an Object-Locked bucket; an AWS Config recorder (all resources, global types) with delivery
 * channel; GuardDuty with protection features; Security Hub with FSBP, CIS and NIST standards; IAM
 * Access Analyzer.
 *
 * @example
 * const audit = new AuditTrail(this, 'audit', { region: 'us-east-1', kmsKey: auditKey, phiBuckets: [records] });
 */
export class AuditTrail extends Construct {
  readonly trail: Cloudtrail;
  readonly trailBucket: HipaaBucket;
  readonly logGroup: HipaaLogGroup;
  readonly detector?: GuarddutyDetector;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const p = new PropCheck(this, 'AuditTrail', undefined);
    p.expectFormat(props.region, 'region', (r) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(r), 'is not an AWS region name');
    const org = props.providedByOrganization ?? {};
    const orgWaivers: Waiver[] = [];
    for (const [service, provided] of Object.entries(org) as [string, ProvidedByOrganization | undefined][]) {
      if (!provided) continue;
      if (!p.expect(service in ORGANIZATION_SERVICES, `providedByOrganization.${service}`, `is not one of ${Object.keys(ORGANIZATION_SERVICES).join(', ')}`)) continue;
      for (const ruleId of ORGANIZATION_SERVICES[service as OrganizationService]) {
        const w: Waiver = { ruleId, reason: `${service} is provided by the organization: ${provided.reason}`, approvedBy: provided.approvedBy, expires: provided.expires };
        const problems = waiverShapeProblems({ ...w, reason: provided.reason });
        for (const problem of problems) p.expect(false, `providedByOrganization.${service}`, problem.replace(/^waiver [^:]+: /, ''));
        if (!problems.length) orgWaivers.push(w);
      }
    }
    const creates = (s: OrganizationService) => !org[s];
    if (p.expect(!!props.kmsKey, 'kmsKey', 'is required')) {
      requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'cloudtrail');
      requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'logs');
      if (creates('config')) requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'config');
    }
    p.done();
    const account = new DataAwsCallerIdentity(this, 'account');
    this.trailBucket = new HipaaBucket(this, 'trail-bucket', {
      kmsKey: props.kmsKey,
      dataClass: 'audit',
      objectLock: { mode: 'COMPLIANCE', days: AUDIT_RETENTION_DAYS },
      extraPolicyStatements: (arn) => [
        { Sid: 'CloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: arn, Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } } },
        { Sid: 'CloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `${arn}/AWSLogs/*`, Condition: { StringEquals: { 'aws:SourceAccount': account.accountId, 's3:x-amz-acl': 'bucket-owner-full-control' } } },
        { Sid: 'ConfigWrite', Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: ['s3:PutObject', 's3:GetBucketAcl'], Resource: [arn, `${arn}/AWSLogs/*`], Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } } },
      ],
    });
    this.logGroup = new HipaaLogGroup(this, 'trail-logs', { name: `/phikit/cloudtrail/${id}`, kmsKey: props.kmsKey, audit: true });
    const cwRole = new IamRole(this, 'trail-logs-role', { namePrefix: `${id}-trail-logs-`, assumeRolePolicy: serviceTrust('cloudtrail.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    attachPolicy(this, 'trail-logs-delivery', cwRole.name, [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${this.logGroup.arn}:*` }]);
    this.trail = new Cloudtrail(this, 'trail', {
      name: `${id}-trail`,
      s3BucketName: this.trailBucket.bucket.id,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogging: true,
      enableLogFileValidation: true,
      kmsKeyId: props.kmsKey.arn,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: cwRole.arn,
      eventSelector: (props.phiBuckets ?? []).length
        ? [{ readWriteType: 'All', includeManagementEvents: true, dataResource: [{ type: 'AWS::S3::Object', values: (props.phiBuckets ?? []).map((b) => `${b.arn}/`) }] }]
        : undefined,
      dependsOn: [this.trailBucket.policy],
    });
    recordWaivers(this.trail, orgWaivers);
    if (creates('config')) this.createConfig(id, props, account);
    if (creates('guardDuty')) {
      this.detector = new GuarddutyDetector(this, 'guardduty', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
      for (const name of props.guardDutyFeatures ?? ['S3_DATA_EVENTS', 'RDS_LOGIN_EVENTS', 'EBS_MALWARE_PROTECTION', 'LAMBDA_NETWORK_LOGS']) {
        new GuarddutyDetectorFeature(this, `gd-${name.toLowerCase()}`, { detectorId: this.detector.id, name, status: 'ENABLED' });
      }
    }
    if (creates('securityHub')) {
      const hub = new SecurityhubAccount(this, 'securityhub', { enableDefaultStandards: false });
      for (const std of props.standards ?? ['aws-foundational-security-best-practices/v/1.0.0', 'cis-aws-foundations-benchmark/v/3.0.0', 'nist-800-53/v/5.0.0']) {
        new SecurityhubStandardsSubscription(this, `std-${std.split('/')[0]}`, { standardsArn: `arn:aws:securityhub:${props.region}::standards/${std}`, dependsOn: [hub] });
      }
    }
    if (creates('accessAnalyzer')) new AccessanalyzerAnalyzer(this, 'access-analyzer', { analyzerName: `${id}-analyzer`, type: 'ACCOUNT' });
    if (creates('inspector')) new Inspector2Enabler(this, 'inspector', { accountIds: [account.accountId], resourceTypes: ['EC2', 'ECR', 'LAMBDA'] });
  }

  private createConfig(id: string, props: AuditTrailProps, account: DataAwsCallerIdentity): void {
    const configRole = new IamRole(this, 'config-role', { namePrefix: `${id}-config-`, assumeRolePolicy: serviceTrust('config.amazonaws.com', account.accountId), maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(this, 'config-managed', { role: configRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole' });
    const recorder = new ConfigConfigurationRecorder(this, 'recorder', { name: `${id}-recorder`, roleArn: configRole.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
    const channel = new ConfigDeliveryChannel(this, 'delivery', { name: `${id}-delivery`, s3BucketName: this.trailBucket.bucket.id, s3KmsKeyArn: props.kmsKey.arn, dependsOn: [recorder] });
    const status = new ConfigConfigurationRecorderStatus(this, 'recorder-status', { name: recorder.name, isEnabled: true, dependsOn: [channel] });
    for (const rule of props.configRules ?? RUNTIME_CONFIG_RULES) {
      new ConfigConfigRule(this, `rule-${rule.toLowerCase().replace(/_/g, '-')}`, {
        name: `${id}-${rule.toLowerCase().replace(/_/g, '-')}`,
        source: { owner: 'AWS', sourceIdentifier: rule },
        inputParameters: rule === 'ACCESS_KEYS_ROTATED' ? JSON.stringify({ maxAccessKeyAge: '90' }) : rule === 'IAM_USER_UNUSED_CREDENTIALS_CHECK' ? JSON.stringify({ maxCredentialUsageAge: '90' }) : undefined,
        dependsOn: [status],
      });
    }
    new ConfigConfigurationAggregator(this, 'aggregator', { name: `${id}-aggregator`, accountAggregationSource: { accountIds: [account.accountId], allRegions: true } });
  }
}
