import type { Rule } from '../../engine/types';
import { dynamodbReplicaCmk } from './dynamodb-replica-cmk';
import { dynamodbTableCmk } from './dynamodb-table-cmk';
import { ebsVolumeEncrypted } from './ebs-volume-encrypted';
import { iamNoKmsDecryptOnAllKeys } from './iam-no-kms-decrypt-on-all-keys';
import { instanceBlockDevicesEncrypted } from './instance-block-devices-encrypted';
import { kmsDeletionWindow } from './kms-deletion-window';
import { kmsKeyEnabled } from './kms-key-enabled';
import { kmsKeyNotDeleted } from './kms-key-not-deleted';
import { kmsKeyPolicyDefined } from './kms-key-policy-defined';
import { kmsKeyPolicyNotPublic } from './kms-key-policy-not-public';
import { kmsKeyRotation } from './kms-key-rotation';
import { launchTemplateEncrypted } from './launch-template-encrypted';
import { rdsClusterEncrypted } from './rds-cluster-encrypted';
import { rdsGlobalClusterEncrypted } from './rds-global-cluster-encrypted';
import { rdsInstanceEncrypted } from './rds-instance-encrypted';
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
  iamNoKmsDecryptOnAllKeys,
  rdsInstanceEncrypted,
  rdsClusterEncrypted,
  rdsPerformanceInsightsCmk,
  rdsSnapshotEncrypted,
  rdsGlobalClusterEncrypted,
  dynamodbTableCmk,
  dynamodbReplicaCmk,
  ebsVolumeEncrypted,
  instanceBlockDevicesEncrypted,
  launchTemplateEncrypted,
];
