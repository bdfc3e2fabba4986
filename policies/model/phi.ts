/**
 * What counts as a PHI data store, for rules scoped to PHI (ENC-16, BAK-03g, BAK-09, BAK-10a, BAK-13).
 *
 * A resource holds PHI when it carries a data-classification tag whose value is PHI:
 *  - tag key, compared without case and ignoring `-`, `_`, `.`, `:` and spaces: `DataClass`,
 *    `DataClassification` (so `data_classification`, `data-class`, `DATACLASS` all count);
 *  - tag value, compared without case and surrounding spaces: `PHI` or `ePHI`.
 * Tags are read from `tags` and `tags_all` (provider default_tags appear in `tags_all` in plans).
 *
 * {@link PHI_STORE_KEYS} lists the data-store resource types phikit knows and the attribute that
 * names the KMS key encrypting each (S3 buckets are encrypted by a separate resource; see
 * {@link storeKeyPaths}).
 */
import { tagsOf } from './attrs';
import { memoizeByObject } from './memo';
import type { Resource } from './types';
import { Unknown, isComputedOnly, isPlainObject } from './values';

const norm = (s: string) => s.toLowerCase().replace(/[-_.:\s]/g, '');
const CLASS_KEYS = new Set(['dataclass', 'dataclassification']);
const PHI_VALUES = new Set(['phi', 'ephi']);

/** Is `key` a data-classification tag key? */
export function isClassificationKey(key: string): boolean {
  return CLASS_KEYS.has(norm(key));
}

/** Is `value` a PHI classification value? */
export function isPhiValue(value: string): boolean {
  return PHI_VALUES.has(value.trim().toLowerCase());
}

/** True when the resource carries a data-classification tag with value PHI (or ePHI). */
export function isPhiTagged(r: Resource): boolean {
  return phiTaggedOnce(r);
}

const phiTaggedOnce = memoizeByObject((r: Resource): boolean => {
  for (const [k, v] of Object.entries(tagsOf(r))) if (isClassificationKey(k) && isPhiValue(v)) return true;
  return false;
});

/**
 * True when the configured `tags` are known only after apply, or a classification tag's value is.
 * A computed `tags_all` alone does not count (plans always show it unknown when tags change).
 */
export function phiTagUnknown(r: Resource): boolean {
  for (const key of ['tags']) {
    const t = Object.prototype.hasOwnProperty.call(r.values, key) ? r.values[key] : undefined;
    // Unknown tags, unless the plan says the configuration sets none (the provider computes an empty map).
    if (t instanceof Unknown) return !isComputedOnly(t);
    if (isPlainObject(t)) for (const [k, v] of Object.entries(t)) if (v instanceof Unknown && isClassificationKey(k)) return true;
  }
  return false;
}

/** Data-store types and the attribute naming their encryption key. */
export const PHI_STORE_KEYS: Readonly<Record<string, string>> = {
  aws_db_instance: 'kms_key_id',
  aws_rds_cluster: 'kms_key_id',
  aws_dynamodb_table: 'server_side_encryption.kms_key_arn',
  aws_efs_file_system: 'kms_key_id',
  aws_ebs_volume: 'kms_key_id',
  aws_redshift_cluster: 'kms_key_id',
  aws_elasticache_replication_group: 'kms_key_id',
  aws_opensearch_domain: 'encrypt_at_rest.kms_key_id',
  aws_elasticsearch_domain: 'encrypt_at_rest.kms_key_id',
  aws_kinesis_stream: 'kms_key_id',
  aws_sqs_queue: 'kms_master_key_id',
  aws_sns_topic: 'kms_master_key_id',
  aws_secretsmanager_secret: 'kms_key_id',
  aws_backup_vault: 'kms_key_arn',
  aws_cloudwatch_log_group: 'kms_key_id',
  aws_sagemaker_notebook_instance: 'kms_key_id',
  aws_docdb_cluster: 'kms_key_id',
  aws_neptune_cluster: 'kms_key_arn',
  aws_s3_bucket: '',
};

/** Resource types that can hold PHI at rest. */
export const PHI_STORE_TYPES: readonly string[] = Object.keys(PHI_STORE_KEYS);

export const S3_SSE = 'aws_s3_bucket_server_side_encryption_configuration';
export const S3_SSE_KEY = 'rule.apply_server_side_encryption_by_default.kms_master_key_id';

/**
 * Where the key of a store is named: `[resource, path]` pairs. For an S3 bucket these are the
 * SSE configurations joined to it (found by the caller through the graph).
 */
export function storeKeyPaths(store: Resource, sseConfigs: readonly Resource[] = []): Array<{ readonly res: Resource; readonly path: string }> {
  if (store.type === 'aws_s3_bucket') return sseConfigs.map((c) => ({ res: c, path: S3_SSE_KEY }));
  const path = PHI_STORE_KEYS[store.type];
  return path ? [{ res: store, path }] : [];
}
