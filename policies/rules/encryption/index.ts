import type { Rule } from '../../engine/types';
import { dynamodbTableKmsCmk } from './dynamodb-table-kms-cmk';
import { sqsQueueEncrypted } from './sqs-queue-encrypted';
import { rdsClusterCmk } from './rds-cluster-cmk';
import { elasticacheCmk } from './elasticache-cmk';
import { redshiftClusterCmk } from './redshift-cluster-cmk';
import { efsCmk } from './efs-cmk';
import { apigwCacheEncrypted } from './apigw-cache-encrypted';
import { backupVaultCmk } from './backup-vault-cmk';
import { cloudtrailEncrypted } from './cloudtrail-encrypted';
import { ebsDefaultKmsKey } from './ebs-default-kms-key';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default';
import { ecrRepositoryCmk } from './ecr-repository-cmk';
import { efsEncrypted } from './efs-encrypted';
import { elasticacheEncryptedAtRest } from './elasticache-encrypted-at-rest';
import { kinesisStreamCmk } from './kinesis-stream-cmk';
import { kinesisStreamEncrypted } from './kinesis-stream-encrypted';
import { lambdaEnvironmentCmk } from './lambda-environment-cmk';
import { logGroupEncrypted } from './log-group-encrypted';
import { opensearchEncryptedAtRest } from './opensearch-encrypted-at-rest';
import { phiStoreRotatingCmk } from './phi-store-rotating-cmk';
import { redshiftClusterEncrypted } from './redshift-cluster-encrypted';
import { sagemakerEndpointCmk } from './sagemaker-endpoint-cmk';
import { sagemakerNotebookCmk } from './sagemaker-notebook-cmk';
import { secretsManagerCmk } from './secrets-manager-cmk';
import { snsTopicCmk } from './sns-topic-cmk';
import { snsTopicEncrypted } from './sns-topic-encrypted';
import { sqsQueueCmk } from './sqs-queue-cmk';
import { dynamodbReplicaCmk } from './dynamodb-replica-cmk';
import { dynamodbTableCmk } from './dynamodb-table-cmk';
import { ebsVolumeCmk } from './ebs-volume-cmk';
import { ebsVolumeEncrypted } from './ebs-volume-encrypted';
import { iamNoKmsDecryptOnAllKeys } from './iam-no-kms-decrypt-on-all-keys';
import { instanceBlockDevicesEncrypted } from './instance-block-devices-encrypted';
import { instanceBlockDevicesCmk } from './instance-block-devices-cmk';
import { launchTemplateCmk } from './launch-template-cmk';
import { kmsDeletionWindow } from './kms-deletion-window';
import { kmsKeyEnabled } from './kms-key-enabled';
import { kmsKeyNotDeleted } from './kms-key-not-deleted';
import { kmsKeyPolicyDefined } from './kms-key-policy-defined';
import { kmsKeyUsableByService } from './kms-key-usable-by-service';
import { kmsKeyPolicyNotPublic } from './kms-key-policy-not-public';
import { kmsKeyRotation } from './kms-key-rotation';
import { launchTemplateEncrypted } from './launch-template-encrypted';
import { rdsClusterEncrypted } from './rds-cluster-encrypted';
import { rdsGlobalClusterEncrypted } from './rds-global-cluster-encrypted';
import { rdsInstanceEncrypted } from './rds-instance-encrypted';
import { rdsInstanceCmk } from './rds-instance-cmk';
import { rdsPerformanceInsightsCmk } from './rds-performance-insights-cmk';
import { rdsSnapshotEncrypted } from './rds-snapshot-encrypted';
import { s3DefaultEncryptionKms } from './s3-default-encryption-kms';

/** Strategy 1 — Encryption, in catalogue order. */
export const encryptionRules: readonly Rule[] = [
  s3DefaultEncryptionKms,
  kmsKeyRotation,
  kmsDeletionWindow,
  kmsKeyNotDeleted,
  kmsKeyEnabled,
  kmsKeyPolicyNotPublic,
  kmsKeyPolicyDefined,
  kmsKeyUsableByService,
  iamNoKmsDecryptOnAllKeys,
  rdsInstanceEncrypted,
  rdsInstanceCmk,
  rdsClusterEncrypted,
  rdsClusterCmk,
  rdsPerformanceInsightsCmk,
  rdsSnapshotEncrypted,
  rdsGlobalClusterEncrypted,
  dynamodbTableCmk,
  dynamodbTableKmsCmk,
  dynamodbReplicaCmk,
  ebsVolumeEncrypted,
  ebsVolumeCmk,
  instanceBlockDevicesEncrypted,
  instanceBlockDevicesCmk,
  launchTemplateEncrypted,
  launchTemplateCmk,
  ebsEncryptionByDefault,
  ebsDefaultKmsKey,
  efsEncrypted,
  efsCmk,
  cloudtrailEncrypted,
  logGroupEncrypted,
  snsTopicEncrypted,
  snsTopicCmk,
  sqsQueueEncrypted,
  sqsQueueCmk,
  opensearchEncryptedAtRest,
  secretsManagerCmk,
  backupVaultCmk,
  redshiftClusterEncrypted,
  redshiftClusterCmk,
  elasticacheEncryptedAtRest,
  elasticacheCmk,
  sagemakerNotebookCmk,
  sagemakerEndpointCmk,
  kinesisStreamEncrypted,
  kinesisStreamCmk,
  ecrRepositoryCmk,
  lambdaEnvironmentCmk,
  apigwCacheEncrypted,
  phiStoreRotatingCmk,
];
