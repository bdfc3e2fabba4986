/** Bucket policy statements for HipaaBucket: TLS-only access and log delivery. */

/** Deny any request without TLS, and any request with TLS older than 1.2 (164.312(e)(1), (e)(2)(ii)). */
export function tlsOnlyStatements(bucketArn: string): Record<string, unknown>[] {
  return [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'DenyOutdatedTls',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [bucketArn, `${bucketArn}/*`],
      Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
    },
  ];
}

/** Let the S3 logging service write access logs for buckets of this account. */
export function logDeliveryStatement(bucketArn: string, accountId: string): Record<string, unknown> {
  return {
    Sid: 'AllowS3ServerAccessLogDelivery',
    Effect: 'Allow',
    Principal: { Service: 'logging.s3.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `${bucketArn}/*`,
    Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
  };
}

/** IAM actions granted by HipaaBucket grants; KMS actions go with them. */
export const READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'];
export const WRITE_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload'];
export const KMS_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
export const KMS_WRITE_ACTIONS = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'];
