/**
 * What hashicorp/aws 5.100.0 (and the AWS API behind it) uses for an attribute the configuration
 * does not set, for the attributes phikit's rules read. The model (policies/model/defaults.ts)
 * returns these as known values flagged as provider defaults, for a plan (the attribute is
 * computed-only or null) and for cdk.tf.json (the attribute is absent) alike, so no rule states a
 * default of its own.
 *
 * A nested path (`block.attribute`) applies only inside a block the configuration writes; whether a
 * missing block counts is the rule's question. `when` makes a default depend on a related
 * resource (the model resolves it through the graph, and leaves the value unknown when the
 * related resource is not in the inputs).
 *
 * Sources: `observed` = the value `terraform plan` shows for a resource that leaves the attribute
 * unset (hashicorp/aws 5.100.0, policies/data/derive); `docs` = the provider's documentation of the
 * argument (registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/<type>); `api` =
 * the provider sends nothing and the AWS API's documented default applies.
 */
import type { Json } from '../model/values';

export type DefaultSource = 'observed' | 'docs' | 'api';

export interface ProviderDefault {
  readonly value: Json;
  readonly source: DefaultSource;
  /** What the source says, in a few words (shown by `phikit explain`-style tooling and tests). */
  readonly note?: string;
  /** The default holds only when the resource `via` refers to is of `types` with `attr` equal to `equals` (`fallback` when that attribute is unset). */
  readonly when?: { readonly via: string; readonly types: readonly string[]; readonly attr: string; readonly equals: Json; readonly fallback: Json };
}

type Table = Readonly<Record<string, Readonly<Record<string, ProviderDefault>>>>;

const observed = (value: Json): ProviderDefault => ({ value, source: 'observed' });
const docs = (value: Json, note: string): ProviderDefault => ({ value, source: 'docs', note });
const api = (value: Json, note: string): ProviderDefault => ({ value, source: 'api', note });

const LB: Record<string, ProviderDefault> = {
  enable_deletion_protection: observed(false),
  drop_invalid_header_fields: observed(false),
  enable_cross_zone_load_balancing: api(false, 'network and gateway load balancers: cross-zone off unless set (ALBs always balance across zones)'),
  load_balancer_type: observed('application'),
  internal: docs(false, 'internal defaults to false (internet-facing)'),
};

const LISTENER: Record<string, ProviderDefault> = {
  protocol: {
    value: 'HTTP',
    source: 'docs',
    note: 'for Application Load Balancers the default is HTTP; Network Load Balancer listeners have no default',
    when: { via: 'load_balancer_arn', types: ['aws_lb', 'aws_alb'], attr: 'load_balancer_type', equals: 'application', fallback: 'application' },
  },
};

const PASSWORD_POLICY: Record<string, ProviderDefault> = {
  minimum_password_length: docs(6, 'minimum_password_length defaults to 6'),
  require_lowercase_characters: api(false, 'not required unless set'),
  require_uppercase_characters: api(false, 'not required unless set'),
  require_numbers: api(false, 'not required unless set'),
  require_symbols: api(false, 'not required unless set'),
  password_reuse_prevention: api(0, 'no reuse prevention unless set'),
  max_password_age: api(0, 'passwords never expire unless set'),
  hard_expiry: api(false, 'users may change an expired password unless set'),
  allow_users_to_change_password: observed(true),
};

export const PROVIDER_DEFAULTS: Table = {
  aws_iam_account_password_policy: PASSWORD_POLICY,
  aws_lb: LB,
  aws_alb: LB,
  aws_lb_listener: LISTENER,
  aws_alb_listener: LISTENER,
  aws_cloudtrail: {
    enable_log_file_validation: observed(false),
    enable_logging: observed(true),
    include_global_service_events: observed(true),
    is_multi_region_trail: observed(false),
  },
  aws_db_instance: {
    auto_minor_version_upgrade: observed(true),
    copy_tags_to_snapshot: observed(false),
    skip_final_snapshot: observed(false),
    deletion_protection: api(false, 'deletion protection off unless set'),
    multi_az: docs(false, 'multi_az defaults to false (single-AZ) unless a Multi-AZ DB cluster snapshot or replica says otherwise'),
    iam_database_authentication_enabled: api(false, 'IAM database authentication off unless set'),
    storage_encrypted: docs(false, 'storage_encrypted defaults to false unless restoring from an encrypted snapshot or a replica of an encrypted source'),
  },
  aws_rds_cluster: {
    copy_tags_to_snapshot: observed(false),
    skip_final_snapshot: observed(false),
    deletion_protection: api(false, 'deletion protection off unless set'),
    iam_database_authentication_enabled: api(false, 'IAM database authentication off unless set'),
    backup_retention_period: docs(1, 'backup_retention_period defaults to 1 day'),
  },
  aws_rds_cluster_instance: { auto_minor_version_upgrade: observed(true) },
  aws_rds_global_cluster: { storage_encrypted: docs(false, 'storage_encrypted defaults to false unless created from an encrypted source cluster') },
  aws_dynamodb_table: { deletion_protection_enabled: api(false, 'deletion protection off unless set') },
  aws_ebs_encryption_by_default: { enabled: observed(true) },
  aws_elasticache_cluster: { auto_minor_version_upgrade: observed('true') },
  aws_elasticache_replication_group: {
    automatic_failover_enabled: observed(false),
    multi_az_enabled: observed(false),
    auto_minor_version_upgrade: docs(true, 'auto_minor_version_upgrade defaults to true'),
  },
  aws_elb: { cross_zone_load_balancing: observed(true) },
  aws_guardduty_detector: { enable: observed(true) },
  aws_kms_key: { enable_key_rotation: observed(false), is_enabled: observed(true) },
  aws_redshift_cluster: { allow_version_upgrade: observed(true), enhanced_vpc_routing: api(false, 'enhanced VPC routing off unless set') },
  aws_api_gateway_stage: { xray_tracing_enabled: api(false, 'X-Ray tracing off unless set') },
  aws_instance: {
    monitoring: api(false, 'basic (5-minute) monitoring unless set'),
    'metadata_options.http_endpoint': api('enabled', 'the instance metadata endpoint is on unless http_endpoint = "disabled"'),
  },
  aws_launch_template: { 'metadata_options.http_endpoint': api('enabled', 'instances launched from the template reach the metadata endpoint unless http_endpoint = "disabled"') },
};
