import { tagsOf } from '../../model/attrs';
import { isClassificationKey } from '../../model/phi';
import type { ResourceRule } from '../../engine/types';
import { fail, pass } from '../helpers';

/** Data stores that must say whether they hold PHI. */
export const DATA_STORES = ['aws_s3_bucket', 'aws_db_instance', 'aws_rds_cluster', 'aws_dynamodb_table', 'aws_efs_file_system', 'aws_ebs_volume', 'aws_opensearch_domain', 'aws_elasticache_replication_group', 'aws_redshift_cluster', 'aws_backup_vault'];

export const dataClassificationTag: ResourceRule = {
  id: 'AUD-17',
  control: 'AUD-17',
  title: 'Every data store carries a data-classification tag',
  strategy: 3,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(7)(ii)(E)'],
  severity: 'low',
  resourceTypes: DATA_STORES,
  scope: 'resource',
  rationale: 'Risk analysis and the applications and data criticality analysis start with knowing where PHI is. A DataClass tag (PHI / non-PHI) lets backup selections, phikit PHI-scoped rules and auditors find it.',
  remediation: 'Tag the store with DataClass = "PHI" (or "non-PHI"), directly or through provider default_tags; phikit constructs tag DataClass=PHI by default.',
  construct: 'HipaaBucket',
  check(r) {
    const key = Object.keys(tagsOf(r)).find(isClassificationKey);
    return key ? pass(`${key} = ${tagsOf(r)[key]}`) : fail('no DataClass tag, so nobody can tell whether this store holds PHI', { attribute: 'tags.DataClass', value: '(not set)' });
  },
  examples: {
    pass: [{ description: 'passes with DataClass = PHI', resources: { 'aws_s3_bucket.b': { bucket: 'x', tags: { DataClass: 'PHI' } } } }],
    fail: [{ description: 'fails without a classification tag', resources: { 'aws_s3_bucket.b': { bucket: 'x', tags: { Team: 'data' } } } }],
  },
};
