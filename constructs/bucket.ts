import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import type { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import { S3BucketObjectLockConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { KMS_READ_ACTIONS, KMS_WRITE_ACTIONS, READ_ACTIONS, WRITE_ACTIONS, logDeliveryStatement, tlsOnlyStatements } from './bucket-policy';
import { attachPolicy } from './core/policy';
import { KIT_APPROVER, KIT_WAIVER_EXPIRES, PropCheck, Waiver, recordWaivers } from './core/waivers';
import { HipaaKmsKey, IHipaaKmsKey } from './kms-key';

/** Props of the log buckets HipaaBucket creates itself (their SSE-S3 is an AWS constraint). */
const logBucketProps = new WeakSet<HipaaBucketProps>();
const LOG_BUCKET_SSE_S3: Waiver = {
  ruleId: 'ENC-01',
  reason: 'S3 server access log delivery only supports SSE-S3 (AES256) on the target bucket; the bucket holds access logs, not PHI.',
  approvedBy: KIT_APPROVER,
  expires: KIT_WAIVER_EXPIRES,
};

export interface ObjectLockProps {
  /** GOVERNANCE lets privileged users shorten retention; COMPLIANCE does not (evidence stores). */
  readonly mode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Default retention in days (1–36500). */
  readonly days: number;
}

export interface HipaaBucketProps {
  /**
   * Bucket name prefix (Terraform appends a 26-character suffix): 1-37 lowercase letters, digits,
   * `.` or `-`, starting with a letter or digit. @default `<id>-`, lowercased
   */
  readonly bucketPrefix?: string;
  /** Customer-managed key (164.312(a)(2)(iv)): a HipaaKmsKey or `HipaaKmsKey.fromArn(arn)`. @default a new HipaaKmsKey */
  readonly kmsKey?: IHipaaKmsKey;
  /**
   * `AES256` (SSE-S3) instead of SSE-KMS: needs a waiver for ENC-01. Only log buckets that receive
   * S3 server access logs need it (that delivery does not support SSE-KMS).
   * @default 'aws:kms'
   */
  readonly encryption?: 'aws:kms' | 'AES256';
  /** Versioning keeps prior versions recoverable (164.308(a)(7)(ii)(A)); false needs a waiver for BAK-08a. @default true */
  readonly versioned?: boolean;
  /** Days before noncurrent versions expire. @default 365 */
  readonly noncurrentVersionExpirationDays?: number;
  /** Allow public reads (never for PHI): needs a waiver for ACC-01a. @default false */
  readonly publicRead?: boolean;
  /** Object Lock default retention (integrity, 164.312(c)(1)); false needs a waiver for BAK-09. @default GOVERNANCE, 35 days */
  readonly objectLock?: ObjectLockProps | false;
  /**
   * Bucket that receives server access logs (164.312(b)): a HipaaBucket, or an existing log bucket
   * by name (`{ bucketName }`, e.g. the organization's central log bucket); false needs a waiver
   * for AUD-06. @default a new hardened log bucket
   */
  readonly accessLogs?: HipaaBucket | { readonly bucketName: string } | false;
  /** Replicate to another bucket, e.g. in another region (164.308(a)(7)(ii)(B)). @default none */
  readonly replication?: { readonly destination: HipaaBucket; readonly roleArn: string; readonly roleName: string };
  /** Send object events to EventBridge (incident detection, 164.308(a)(6)(ii)). @default true */
  readonly eventBridge?: boolean;
  /** Data classification tag value. @default 'PHI' */
  readonly dataClass?: string;
  /** Provider for another region (replicas). @default the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Extra bucket-policy statements, given the bucket ARN (service delivery, grants). @default none */
  readonly extraPolicyStatements?: (bucketArn: string) => readonly Record<string, unknown>[];
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * An S3 bucket for PHI with every control HIPAA reviewers ask for: SSE-KMS with a
 * customer-managed key and bucket key, versioning with a noncurrent-version lifecycle, all four
 * public-access-block flags, BucketOwnerEnforced (ACLs off), a TLS-only (TLS ≥ 1.2) bucket
 * policy, server access logging to a hardened log bucket, Object Lock, EventBridge notifications,
 * optional cross-region replication, a DataClass tag and `prevent_destroy`.
 *
 * @example
 * const records = new HipaaBucket(this, 'records', { kmsKey: key });
 * records.grantRead(analyticsRole);
 */
export class HipaaBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly kmsKey: IHipaaKmsKey;
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  readonly policy: S3BucketPolicy;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly versioning?: S3BucketVersioningA;
  readonly logBucket?: HipaaBucket;
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: HipaaBucketProps = {}) {
    super(scope, id);
    const provider = props.provider;
    const internalLogBucket = logBucketProps.has(props);
    const p = new PropCheck(this, 'HipaaBucket', props.waivers);
    const encryption = props.encryption ?? 'aws:kms';
    p.expect(encryption === 'aws:kms' || encryption === 'AES256', 'encryption', `must be 'aws:kms' or 'AES256', got ${JSON.stringify(encryption)}`);
    p.weakens(encryption === 'AES256' && !internalLogBucket, `encryption: '${encryption}'`, 'ENC-01');
    const versioned = props.versioned ?? true;
    p.weakens(!versioned, 'versioned: false', 'BAK-08a');
    p.weakens(!!props.publicRead, 'publicRead: true', 'ACC-01a');
    p.weakens(props.objectLock === false, 'objectLock: false', 'BAK-09');
    p.weakens(props.accessLogs === false && !internalLogBucket, 'accessLogs: false', 'AUD-06');
    const prefix = props.bucketPrefix ?? `${id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-`;
    p.expectFormat(prefix, 'bucketPrefix', (v) => /^[a-z0-9][a-z0-9.-]{0,36}$/.test(v) && !v.includes('..'), 'must be 1-37 lowercase letters, digits, "." or "-", starting with a letter or digit (S3 bucket names)');
    const lock = props.objectLock === false ? undefined : (props.objectLock ?? { mode: 'GOVERNANCE' as const, days: 35 });
    if (lock) {
      p.expect(lock.mode === 'GOVERNANCE' || lock.mode === 'COMPLIANCE', 'objectLock.mode', `must be 'GOVERNANCE' or 'COMPLIANCE', got ${JSON.stringify(lock.mode)}`);
      p.expect(Number.isInteger(lock.days) && lock.days >= 1 && lock.days <= 36500, 'objectLock.days', `must be a whole number of days from 1 to 36500, got ${lock.days}`);
    }
    const noncurrent = props.noncurrentVersionExpirationDays ?? 365;
    p.expect(Number.isInteger(noncurrent) && noncurrent >= 1, 'noncurrentVersionExpirationDays', `must be a positive whole number of days, got ${noncurrent}`);
    if (props.accessLogs && !(props.accessLogs instanceof HipaaBucket)) p.expect(typeof props.accessLogs.bucketName === 'string' && props.accessLogs.bucketName.length > 0, 'accessLogs.bucketName', 'is required for an existing log bucket');
    const waivers = p.done();

    if (props.kmsKey) this.kmsKey = props.kmsKey;
    else {
      // A key the bucket creates lives in the bucket's region (replicas in a DR region included).
      this.kmsKey = new HipaaKmsKey(this, 'key', { description: `PHI bucket ${id}`, provider });
    }
    const noncurrentDays = noncurrent;
    this.bucket = new S3Bucket(this, 'bucket', {
      provider,
      bucketPrefix: prefix,
      objectLockEnabled: lock ? true : undefined,
      forceDestroy: false,
      tags: { DataClass: props.dataClass ?? 'PHI' },
      lifecycle: { preventDestroy: true },
    });
    recordWaivers(this.bucket, waivers);
    this.arn = this.bucket.arn;
    this.name = this.bucket.bucket;
    const bucket = this.bucket.id;

    this.encryption = new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      provider,
      bucket,
      rule: [
        encryption === 'aws:kms'
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.kmsKey.arn }, bucketKeyEnabled: true }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
      ],
    });
    recordWaivers(this.encryption, waivers.filter((w) => w.ruleId === 'ENC-01'));
    if (versioned) {
      this.versioning = new S3BucketVersioningA(this, 'versioning', { provider, bucket, versioningConfiguration: { status: 'Enabled' } });
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        provider,
        bucket,
        dependsOn: [this.versioning],
        rule: [
          {
            id: 'noncurrent-versions',
            status: 'Enabled',
            filter: [{ prefix: '' }],
            noncurrentVersionExpiration: [{ noncurrentDays }],
            abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
          },
        ],
      });
    }
    const block = !props.publicRead;
    this.publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access', {
      provider,
      bucket,
      blockPublicAcls: block,
      blockPublicPolicy: block,
      ignorePublicAcls: block,
      restrictPublicBuckets: block,
    });
    new S3BucketOwnershipControls(this, 'ownership', { provider, bucket, rule: { objectOwnership: 'BucketOwnerEnforced' } });
    const account = new DataAwsCallerIdentity(this, 'account', { provider });
    this.policy = new S3BucketPolicy(this, 'policy', {
      provider,
      bucket,
      dependsOn: [this.publicAccessBlock],
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [...tlsOnlyStatements(this.bucket.arn), ...(props.dataClass === 'logs' ? [logDeliveryStatement(this.bucket.arn, account.accountId)] : []), ...(props.extraPolicyStatements?.(this.bucket.arn) ?? [])],
      }),
    });
    if (lock) {
      new S3BucketObjectLockConfigurationA(this, 'object-lock', {
        provider,
        bucket,
        rule: { defaultRetention: { mode: lock.mode, days: lock.days } },
      });
    }
    if (props.accessLogs !== false) {
      const target = props.accessLogs ?? HipaaBucket.logBucketFor(this, provider);
      if (target instanceof HipaaBucket) this.logBucket = target;
      new S3BucketLoggingA(this, 'access-logs', { provider, bucket, targetBucket: target instanceof HipaaBucket ? target.bucket.id : target.bucketName, targetPrefix: `${id}/` });
    }
    if (props.eventBridge ?? true) new S3BucketNotification(this, 'events', { provider, bucket, eventbridge: true });
    if (props.replication) this.addReplication(props.replication, provider);
  }

  /** A log bucket for server access logs: SSE-S3 (the only encryption S3 log delivery supports), waived with that reason. */
  private static logBucketFor(scope: HipaaBucket, provider?: TerraformProvider): HipaaBucket {
    const props: HipaaBucketProps = {
      provider,
      kmsKey: scope.kmsKey,
      encryption: 'AES256',
      accessLogs: false,
      dataClass: 'logs',
      objectLock: { mode: 'GOVERNANCE', days: 365 },
    };
    logBucketProps.add(props);
    const logs = new HipaaBucket(scope, 'access-log-bucket', props);
    // Not the user's choice but an AWS constraint; recorded as a kit waiver that expires with the
    // catalogue review, so the constraint is re-checked on upgrade.
    recordWaivers(logs.bucket, [LOG_BUCKET_SSE_S3]);
    recordWaivers(logs.encryption, [LOG_BUCKET_SSE_S3]);
    return logs;
  }

  private addReplication(r: NonNullable<HipaaBucketProps['replication']>, provider?: TerraformProvider): void {
    // Declared with a deep import at use so the dependency stays local to replication.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { S3BucketReplicationConfigurationA } = require('@cdktf/provider-aws/lib/s3-bucket-replication-configuration') as typeof import('@cdktf/provider-aws/lib/s3-bucket-replication-configuration');
    new S3BucketReplicationConfigurationA(this, 'replication', {
      provider,
      bucket: this.bucket.id,
      role: r.roleArn,
      dependsOn: this.versioning ? [this.versioning] : undefined,
      rule: [
        {
          id: 'replicate-all',
          status: 'Enabled',
          filter: { prefix: '' },
          deleteMarkerReplication: { status: 'Enabled' },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
          destination: { bucket: r.destination.arn, storageClass: 'STANDARD', encryptionConfiguration: { replicaKmsKeyId: r.destination.kmsKey.arn } },
        },
      ],
    });
    attachPolicy(this, 'replication-policy', r.roleName, [
      { Effect: 'Allow', Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'], Resource: this.bucket.arn },
      { Effect: 'Allow', Action: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'], Resource: `${this.bucket.arn}/*` },
      { Effect: 'Allow', Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'], Resource: `${r.destination.arn}/*` },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: this.kmsKey.arn },
      { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: r.destination.kmsKey.arn },
    ]);
  }

  /** Policy statements granting read access to this bucket (with the KMS decrypt it needs). */
  readStatements(): Record<string, unknown>[] {
    return [
      { Effect: 'Allow', Action: READ_ACTIONS, Resource: [this.arn, `${this.arn}/*`] },
      { Effect: 'Allow', Action: KMS_READ_ACTIONS, Resource: this.kmsKey.arn },
    ];
  }

  /** Policy statements granting write access (with the KMS actions it needs). */
  writeStatements(): Record<string, unknown>[] {
    return [
      { Effect: 'Allow', Action: WRITE_ACTIONS, Resource: `${this.arn}/*` },
      { Effect: 'Allow', Action: KMS_WRITE_ACTIONS, Resource: this.kmsKey.arn },
    ];
  }

  /**
   * Grant a role read access (S3 + KMS decrypt) through a managed policy. Given the role construct,
   * the policy is created beside the role (in its stack), so an app stack's grant makes the app
   * stack depend on the data stack, never the reverse; given a role name, beside the bucket.
   */
  grantRead(role: string | IamRole, id = 'grant-read'): IamPolicy {
    return this.grant(role, id, this.readStatements(), 'read');
  }

  /** Grant a role write access (S3 + KMS encrypt) through a managed policy (placed as grantRead's). */
  grantWrite(role: string | IamRole, id = 'grant-write'): IamPolicy {
    return this.grant(role, id, this.writeStatements(), 'write');
  }

  private grant(role: string | IamRole, id: string, statements: Record<string, unknown>[], what: string): IamPolicy {
    if (typeof role === 'string') return attachPolicy(this, id, role, statements, `${what} ${this.node.path}`);
    const scope = role.node.scope as Construct;
    return attachPolicy(scope, `${role.node.id}-${id}-${this.node.id}`, role.name, statements, `${what} ${this.node.path}`);
  }
}
