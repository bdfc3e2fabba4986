import { tagsOf } from '../../model/attrs';
import { isClassificationKey, phiTagUnknown } from '../../model/phi';
import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';

/** Data stores that must declare their classification (catalogue AUD-17). */
const STORES = [
  'aws_s3_bucket', 'aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_efs_file_system', 'aws_ebs_volume',
  'aws_opensearch_domain', 'aws_elasticsearch_domain', 'aws_elasticache_replication_group', 'aws_redshift_cluster', 'aws_backup_vault',
];

export const dataClassificationTag: ResourceRule = {
  id: 'AUD-17',
  control: 'AUD-17',
  title: 'Every data store carries a data-classification tag (DataClass = PHI | non-PHI)',
  strategy: 3,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(7)(ii)(E)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: STORES,
  scope: 'resource',
  rationale: 'The risk analysis (164.308(a)(1)(ii)(A)) and data criticality analysis (164.308(a)(7)(ii)(E)) start from knowing where PHI lives. A DataClass tag on every store makes PHI scope explicit for this checker (PHI-scoped rules), for auditors and for cost and backup tooling.',
  remediation: 'Tag the resource DataClass = "PHI" or "non-PHI", or set it once in the provider default_tags; phikit constructs require a data class.',
  check(res) {
    if (phiTagUnknown(res)) return unknown('tags are known only after apply; the data classification cannot be read', evv('tags', '(known after apply)'));
    const tags = tagsOf(res);
    const key = Object.keys(tags).find(isClassificationKey);
    if (!key) return fail('no data-classification tag (DataClass) in tags or provider default_tags', evv('tags.DataClass', null));
    if (!tags[key].trim()) return fail(`tag ${key} is empty`, evv(`tags.${key}`, tags[key]));
    return pass(`tagged ${key} = ${tags[key]}`, evv(`tags.${key}`, tags[key]));
  },
  examples: {
    pass: [
      { description: 'passes with DataClass = PHI on a bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } } } },
      { description: 'passes with data_classification = non-PHI on a table', resources: { 'aws_dynamodb_table.t': { name: 't', hash_key: 'id', tags: { data_classification: 'non-PHI' } } } },
    ],
    fail: [
      { description: 'fails when a database has no classification tag', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', tags: { Team: 'care' } } } },
      { description: 'fails when a bucket has no tags at all', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
    ],
    unknown: [{ description: 'is unknown when the DataClass tag value is known only after apply', resources: { 'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } } }, unknown: { 'aws_s3_bucket.b': ['tags.DataClass'] } }],
  },
};
