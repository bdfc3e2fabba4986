/**
 * A deliberately insecure stack built from raw provider resources — what phikit exists to catch.
 * Each flaw is listed in FLAWS with the rule that must flag it (asserted in test/examples).
 */
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** Deliberate flaw → the rule that must fail → the resource it fails on (cdktf logical id). */
export const FLAWS: ReadonlyArray<{ readonly flaw: string; readonly rule: string; readonly address: string }> = [
  { flaw: 'bucket encrypted with SSE-S3 (AES256), not a customer-managed KMS key', rule: 'ENC-01', address: 'aws_s3_bucket.records' },
  { flaw: 'public access block leaves public policies allowed', rule: 'ACC-01a', address: 'aws_s3_bucket.records' },
  { flaw: 'bucket versioning never enabled', rule: 'BAK-08a', address: 'aws_s3_bucket.records' },
  { flaw: 'KMS key without rotation', rule: 'ENC-02', address: 'aws_kms_key.legacy' },
  { flaw: 'KMS key with a 7-day deletion window', rule: 'ENC-02b', address: 'aws_kms_key.legacy' },
  { flaw: 'database storage not encrypted', rule: 'ENC-04a', address: 'aws_db_instance.ehr' },
  { flaw: 'database publicly accessible', rule: 'ACC-14a', address: 'aws_db_instance.ehr' },
  { flaw: 'database backups kept 1 day', rule: 'BAK-04', address: 'aws_db_instance.ehr' },
  { flaw: 'database without deletion protection', rule: 'BAK-05a', address: 'aws_db_instance.ehr' },
  { flaw: 'database single-AZ', rule: 'BAK-06a', address: 'aws_db_instance.ehr' },
  { flaw: 'SSH open to the internet', rule: 'ACC-18a', address: 'aws_security_group.ssh' },
  { flaw: 'inline policy granting * on *', rule: 'ACC-04a', address: 'aws_iam_role_policy.admin' },
  { flaw: 'log group without KMS encryption', rule: 'ENC-09b', address: 'aws_cloudwatch_log_group.app-logs' },
];

export class LegacyInsecureStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    const bucket = new S3Bucket(this, 'records', { bucket: 'legacy-patient-records', tags: { DataClass: 'PHI' } });
    new S3BucketServerSideEncryptionConfigurationA(this, 'records-sse', { bucket: bucket.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] });
    new S3BucketPublicAccessBlock(this, 'records-pab', { bucket: bucket.id, blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false });
    new KmsKey(this, 'legacy', { description: 'legacy key', deletionWindowInDays: 7 });
    new DbInstance(this, 'ehr', {
      identifier: 'legacy-ehr',
      engine: 'postgres',
      instanceClass: 'db.t3.micro',
      allocatedStorage: 20,
      username: 'admin',
      manageMasterUserPassword: true,
      storageEncrypted: false,
      publiclyAccessible: true,
      backupRetentionPeriod: 1,
      deletionProtection: false,
      multiAz: false,
      skipFinalSnapshot: true,
      tags: { DataClass: 'PHI' },
    });
    new SecurityGroup(this, 'ssh', { name: 'legacy-ssh', description: 'admin access', ingress: [{ fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }] });
    const role = new IamRole(this, 'app', { name: 'legacy-app', assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) });
    new IamRolePolicy(this, 'admin', { role: role.id, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    new CloudwatchLogGroup(this, 'app-logs', { name: '/legacy/app', retentionInDays: 7 });
  }
}

if (require.main === module) {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out.legacy' });
  new LegacyInsecureStack(app, 'legacy-insecure');
  app.synth();
}
