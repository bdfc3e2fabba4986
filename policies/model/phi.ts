/**
 * What counts as a PHI data store, for rules scoped to PHI (ENC-16, BAK-03g, BAK-09, BAK-10a, BAK-13, AUD-04).
 *
 * {@link classifyStore} decides once per store, and says why:
 *  1. a data-classification tag decides: PHI / ePHI → `phi`; an audit/log value → `audit`; any other
 *     value (`public`, `internal`, …) → `other`;
 *  2. a classification tag known only after apply → `unknown`;
 *  3. an untagged S3 bucket that receives log delivery (see {@link LOG_WRITERS}) → `audit`;
 *     an untagged CloudWatch log group → `audit`;
 *  4. any other untagged S3 bucket → `phi` (conservative: a bucket nobody classified may hold PHI);
 *     other untagged store types → `unclassified` (the PHI-scoped rules wait for a tag there).
 * PHI-store rules (replication, backup, Object Lock, data events, CMK, destroy guard) apply to
 * `phi`; audit rules (retention, TLS, no public access, Object Lock of CloudTrail / Config buckets)
 * to `audit`.
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
import type { Graph } from './graph';
import { memoizeByObject, memoizeByResource } from './memo';
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

/** Tag values that classify a store as audit / log data. */
const AUDIT_VALUES = new Set(['audit', 'auditlog', 'auditlogs', 'log', 'logs', 'logging', 'accesslog', 'accesslogs', 'securitylog', 'securitylogs']);

/** Is `value` an audit/log classification value? */
export function isAuditValue(value: string): boolean {
  return AUDIT_VALUES.has(norm(value));
}

/**
 * Resource attributes by which an AWS service delivers logs into an S3 bucket (by reference,
 * bucket name or bucket ARN). `trail` marks CloudTrail and AWS Config deliveries, whose buckets are
 * audit trails in their own right (Object Lock applies to them).
 */
export const LOG_WRITERS: ReadonlyArray<{ readonly type: string; readonly path: string; readonly what: string; readonly trail?: boolean }> = [
  { type: 'aws_cloudtrail', path: 's3_bucket_name', what: 'CloudTrail logs', trail: true },
  { type: 'aws_config_delivery_channel', path: 's3_bucket_name', what: 'AWS Config snapshots and history', trail: true },
  { type: 'aws_s3_bucket_logging', path: 'target_bucket', what: 'S3 server access logs' },
  { type: 'aws_s3_bucket', path: 'logging.target_bucket', what: 'S3 server access logs' },
  { type: 'aws_lb', path: 'access_logs.bucket', what: 'load balancer access logs' },
  { type: 'aws_alb', path: 'access_logs.bucket', what: 'load balancer access logs' },
  { type: 'aws_lb', path: 'connection_logs.bucket', what: 'load balancer connection logs' },
  { type: 'aws_elb', path: 'access_logs.bucket', what: 'load balancer access logs' },
  { type: 'aws_flow_log', path: 'log_destination', what: 'VPC flow logs' },
  { type: 'aws_cloudfront_distribution', path: 'logging_config.bucket', what: 'CloudFront access logs' },
  { type: 'aws_wafv2_web_acl_logging_configuration', path: 'log_destination_configs', what: 'WAF logs' },
  { type: 'aws_redshift_logging', path: 'bucket_name', what: 'Redshift audit logs' },
  { type: 'aws_redshift_cluster', path: 'logging.bucket_name', what: 'Redshift audit logs' },
  { type: 'aws_route53_resolver_query_log_config', path: 'destination_arn', what: 'Route 53 Resolver query logs' },
  { type: 'aws_globalaccelerator_accelerator', path: 'attributes.flow_logs_s3_bucket', what: 'Global Accelerator flow logs' },
];

export type DataClass = 'phi' | 'audit' | 'other' | 'unclassified' | 'unknown';

export interface Classification {
  readonly class: DataClass;
  /** Why, for messages and evidence: `tagged DataClass = PHI`, `receives CloudTrail logs from aws_cloudtrail.t`. */
  readonly why: string;
  /** The log delivery that makes a bucket an audit store, when one does. */
  readonly writer?: Resource;
  /** The writer delivers CloudTrail / AWS Config logs (an audit trail bucket). */
  readonly trail?: boolean;
}

/** The log deliveries into `bucket`, trail deliveries first. */
export function logWritersOf(graph: Graph, bucket: Resource): ReadonlyArray<{ readonly writer: Resource; readonly what: string; readonly trail: boolean }> {
  return logWritersOnce(graph, bucket, '');
}

const logWritersOnce = memoizeByResource((graph: Graph, bucket: Resource) => {
  const out: Array<{ writer: Resource; what: string; trail: boolean }> = [];
  for (const w of LOG_WRITERS) for (const r of graph.related(bucket, w.type, w.path)) if (r !== bucket) out.push({ writer: r, what: w.what, trail: !!w.trail });
  return out.sort((a, b) => Number(b.trail) - Number(a.trail));
});

/** The data classification of a store (see the file comment), decided once per store. */
export function classifyStore(graph: Graph, res: Resource): Classification {
  return classifyOnce(graph, res, '');
}

const classifyOnce = memoizeByResource((graph: Graph, res: Resource): Classification => {
  const writers = res.type === 'aws_s3_bucket' ? logWritersOf(graph, res) : [];
  const trail = writers.find((w) => w.trail);
  for (const [k, v] of Object.entries(tagsOf(res))) {
    if (!isClassificationKey(k)) continue;
    if (isPhiValue(v)) return { class: 'phi', why: `tagged ${k} = ${v}` };
    if (isAuditValue(v)) return { class: 'audit', why: `tagged ${k} = ${v}`, writer: (trail ?? writers[0])?.writer, trail: !!trail };
    return { class: 'other', why: `tagged ${k} = ${v}, not PHI` };
  }
  if (phiTagUnknown(res)) return { class: 'unknown', why: 'its data-classification tag is known only after apply' };
  if (writers.length) {
    const w = trail ?? writers[0];
    return { class: 'audit', why: `untagged, receives ${w.what} from ${w.writer.address}: an audit store`, writer: w.writer, trail: !!trail };
  }
  if (res.type === 'aws_cloudwatch_log_group') return { class: 'audit', why: 'a log group, not tagged as PHI' };
  if (res.type === 'aws_s3_bucket') return { class: 'phi', why: 'not tagged with a data classification and not a log destination: treated as PHI (conservative)' };
  return { class: 'unclassified', why: 'not tagged with a data classification (tag DataClass = PHI to bring it in scope)' };
});
