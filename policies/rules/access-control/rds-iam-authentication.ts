import { attr, str } from '../../model/attrs';
import { expectBoolC } from './_shared';
import type { ResourceRule } from '../../engine/types';
import { notApplicable } from '../helpers';

/** Engines that support IAM database authentication. */
const IAM_AUTH_ENGINES = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/;

export const rdsIamAuthentication: ResourceRule = {
  id: 'ACC-15',
  control: 'ACC-15',
  title: 'RDS instances and Aurora clusters enable IAM database authentication',
  strategy: 2,
  citations: ['164.312(a)(2)(i)', '164.312(d)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  scope: 'resource',
  rationale: 'IAM authentication ties database logins to unique, federated identities with short-lived tokens instead of shared passwords (unique user identification, person authentication). It is off by default.',
  remediation: 'Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that need it (HipaaDatabase does).',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV_AWS_161', 'CKV_AWS_162'] },
  check(db) {
    const engine = str(attr(db, 'engine')) ?? (db.type === 'aws_rds_cluster' ? 'aurora' : undefined);
    if (engine && !IAM_AUTH_ENGINES.test(engine)) return notApplicable(`engine ${engine} does not support IAM database authentication`);
    if (db.type === 'aws_db_instance' && attr(db, 'replicate_source_db').state === 'known') return notApplicable('read replica: authentication follows the source');
    return expectBoolC(db, 'iam_database_authentication_enabled', true, false, 'logins use only database passwords');
  },
  examples: {
    pass: [
      { description: 'passes when a postgres instance enables IAM auth', resources: { 'aws_db_instance.d': { engine: 'postgres', instance_class: 'db.t3.micro', iam_database_authentication_enabled: true } } },
      { description: 'passes when an Aurora cluster enables IAM auth', resources: { 'aws_rds_cluster.c': { engine: 'aurora-postgresql', iam_database_authentication_enabled: true } } },
    ],
    fail: [
      { description: 'fails when iam_database_authentication_enabled is not set (default false)', resources: { 'aws_db_instance.d': { engine: 'mysql', instance_class: 'db.t3.micro' } } },
      { description: 'fails when an Aurora cluster sets it false', resources: { 'aws_rds_cluster.c': { engine: 'aurora-mysql', iam_database_authentication_enabled: false } } },
    ],
    unknown: [{ description: 'is unknown when the flag is known only after apply', resources: { 'aws_db_instance.d': { engine: 'postgres', iam_database_authentication_enabled: true } }, unknown: { 'aws_db_instance.d': ['iam_database_authentication_enabled'] } }],
  },
};
