/**
 * The numbers rules judge by, in one place. The constructs import them too (constructs may import
 * from policies/, never the reverse), so a construct demands a waiver exactly where the rule
 * fails and never where it passes.
 */
export const THRESHOLDS = {
  /** ENC-02: automatic KMS key rotation at least every this many days. */
  kmsRotationMaxDays: 365,
  /** ENC-02b: KMS key deletion waiting period of at least this many days (the AWS maximum). */
  kmsDeletionWindowMinDays: 30,
  /** AUD-08: CloudWatch log group retention of at least this many days (0 = never expire passes). */
  logRetentionMinDays: 365,
  /** BAK-04: RDS automated backup retention of at least this many days. */
  rdsBackupRetentionMinDays: 7,
  /** BAK-11c: Redshift automated snapshot retention of at least this many days (as BAK-04 for RDS). */
  redshiftSnapshotRetentionMinDays: 7,
  /** BAK-02b: AWS Backup plan rules keep recovery points at least this many days. */
  backupRetentionMinDays: 35,
} as const;

/** Six years: HIPAA documentation retention (164.316(b)(2)(i)), for audit logs and audit buckets. */
export const AUDIT_RETENTION_DAYS = 2192;
