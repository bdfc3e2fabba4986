/**
 * Realistic synthetic inputs for the benchmark: a mix of PHI storage, keys, network, IAM, logs
 * and databases, joined by references (and some by literal name), spread over modules, with
 * unknown-after-apply values and a share of deliberate violations.
 *
 * Plans carry what `terraform show -json` really writes for a create: every attribute of the
 * resource type's provider schema (aws-schema.json, from hashicorp/aws 5.100.0) — unset optional
 * ones as null, unset blocks as [], provider-computed ones as unknown (`after_unknown: true`) —
 * and the sensitivity/unknown marker trees mirroring each value's shape. That puts a generated
 * plan at about 2.0 KB per resource; the 51 real plans in shared/fixtures have a median of
 * 2.1 KB and an aggregate of 3.7 KB per resource.
 */
import awsSchema from './aws-schema.json';

type Obj = Record<string, unknown>;

type Kind = 'required' | 'optional' | 'computed' | 'optional+computed';
interface BlockSchema {
  attributes: Record<string, [Kind, string]>;
  blocks?: Record<string, BlockSchema & { nesting: string }>;
}
const SCHEMA = (awsSchema as unknown as { types: Record<string, BlockSchema> }).types;

/** Marker tree of a value's shape, as in `after_sensitive`/`after_unknown`: false leaves in lists, `{}` for maps. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? shape(x) : false));
  if (typeof v === 'object' && v !== null) {
    const o: Obj = {};
    for (const [k, x] of Object.entries(v)) if (typeof x === 'object' && x !== null) o[k] = shape(x);
    return o;
  }
  return false;
}

/**
 * A block's planned value at create: the set attributes, then every other schema attribute —
 * unknown when the provider computes it (listed in `unknown`, left out of the value), null
 * otherwise; unset nested blocks are [] (or null for single blocks).
 */
function realize(block: BlockSchema | undefined, set: Obj, computedKnown: Obj = {}): { value: Obj; unknown: Obj } {
  const value: Obj = {};
  const unknown: Obj = {};
  for (const [k, [kind]] of Object.entries(block?.attributes ?? {})) {
    if (k in set) value[k] = set[k];
    else if (k in computedKnown) value[k] = computedKnown[k];
    else if (kind === 'computed' || kind === 'optional+computed') unknown[k] = true;
    else value[k] = null;
  }
  for (const [k, b] of Object.entries(block?.blocks ?? {})) {
    const given = set[k];
    if (Array.isArray(given)) {
      const items = given.map((item) => realize(b, item as Obj));
      value[k] = items.map((x) => x.value);
      unknown[k] = items.map((x) => x.unknown);
    } else value[k] = b.nesting === 'single' ? null : [];
  }
  // Set values this schema does not describe (deeper blocks) are kept as they are.
  for (const [k, v] of Object.entries(set)) if (!(k in value)) value[k] = v;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null && !(k in unknown)) unknown[k] = shape(v);
  return { value, unknown };
}

/** Planned `after`, `after_unknown` and `after_sensitive` of one generated resource. */
function plannedChange(s: Spec): { after: Obj; afterUnknown: Obj; sensitive: Obj } {
  const tags = s.values.tags;
  const { value, unknown } = realize(SCHEMA[s.type], s.values, tags ? { tags_all: tags } : {});
  // References unknown until apply (their targets do not exist yet).
  for (const k of Object.keys(s.refs)) if (!k.includes('.')) {
    delete value[k];
    unknown[k] = true;
  }
  const sensitive: Obj = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null) sensitive[k] = shape(v);
  return { after: value, afterUnknown: unknown, sensitive };
}

interface Spec {
  address: string;
  type: string;
  name: string;
  module: string;
  values: Obj;
  /** attribute → reference (relative to the module) for values unknown until apply */
  refs: Record<string, string>;
}

/** One group of 10 resources; `bad` turns on violations. */
function group(i: number, module: string, bad: boolean): Spec[] {
  const n = `g${i}`;
  const at = (type: string, name: string, values: Obj, refs: Record<string, string> = {}): Spec => ({
    address: `${module ? `${module}.` : ''}${type}.${name}`,
    type,
    name,
    module,
    values,
    refs,
  });
  return [
    at(`aws_kms_key`, n, { description: `key ${i}`, enable_key_rotation: !bad, deletion_window_in_days: 30, tags: { DataClass: 'PHI' } }),
    at(`aws_s3_bucket`, n, { bucket: `phi-bucket-${i}`, force_destroy: false, tags: { DataClass: 'PHI', Team: `t${i % 17}` } }),
    at(
      'aws_s3_bucket_server_side_encryption_configuration',
      n,
      { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: bad ? 'AES256' : 'aws:kms' }], bucket_key_enabled: true }] },
      { bucket: `aws_s3_bucket.${n}.id`, 'rule.apply_server_side_encryption_by_default.kms_master_key_id': `aws_kms_key.${n}.arn` },
    ),
    at('aws_s3_bucket_versioning', n, { bucket: `phi-bucket-${i}`, versioning_configuration: [{ status: 'Enabled' }] }),
    at('aws_s3_bucket_public_access_block', n, { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: !bad }, { bucket: `aws_s3_bucket.${n}.id` }),
    at('aws_security_group', n, {
      name: `sg-${i}`,
      description: 'app',
      ingress: [{ from_port: bad ? 22 : 443, to_port: bad ? 22 : 443, protocol: 'tcp', cidr_blocks: [bad ? '0.0.0.0/0' : '10.0.0.0/8'], description: 'in', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }],
      egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['10.0.0.0/8'], description: 'out', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }],
    }),
    at('aws_cloudwatch_log_group', n, { name: `/app/${i}`, retention_in_days: bad ? 7 : 365 }, { kms_key_id: `aws_kms_key.${n}.arn` }),
    at('aws_iam_role', n, {
      name: `role-${i}`,
      max_session_duration: 3600,
      assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
    at('aws_iam_role_policy', n, {
      name: `p-${i}`,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: bad ? '*' : ['s3:GetObject'], Resource: bad ? '*' : `arn:aws:s3:::phi-bucket-${i}/*` }] }),
    }, { role: `aws_iam_role.${n}.id` }),
    at('aws_db_instance', n, {
      identifier: `db-${i}`,
      engine: 'postgres',
      instance_class: 'db.t3.medium',
      storage_encrypted: !bad,
      backup_retention_period: 35,
      deletion_protection: true,
      multi_az: true,
      publicly_accessible: bad,
      iam_database_authentication_enabled: true,
      tags: { DataClass: 'PHI' },
    }, { kms_key_id: `aws_kms_key.${n}.arn` }),
  ];
}

function specs(resources: number): Spec[] {
  const out: Spec[] = [];
  const groups = Math.ceil(resources / 10);
  for (let i = 0; i < groups; i++) {
    // Every 5th group sits in a child module, some two levels deep.
    const module = i % 5 === 0 ? (i % 10 === 0 ? `module.team${i % 7}.module.svc${i}` : `module.svc${i}`) : '';
    for (const s of group(i, module, i % 7 === 3)) {
      if (out.length < resources) out.push(s);
    }
  }
  return out;
}

function setPath(o: Obj, path: string, v: unknown): void {
  const parts = path.split('.');
  let cur: unknown = o;
  for (const p of parts.slice(0, -1)) {
    const next = Array.isArray(cur) ? (cur[0] as Obj) : (cur as Obj);
    cur = next[p];
  }
  const last = Array.isArray(cur) ? (cur[0] as Obj) : (cur as Obj);
  last[parts[parts.length - 1]] = v;
}

/** Configuration expressions: blocks (lists of objects) nest, everything else is a constant. */
function toExpr(values: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = Array.isArray(v) && v.length && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) ? v.map((b) => toExpr(b as Obj)) : { constant_value: v };
  }
  return out;
}

const PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** `terraform show -json` shaped plan (format 1.2). */
export function generatePlan(resources: number): Obj {
  const ss = specs(resources);
  const plans = new Map(ss.map((x) => [x, plannedChange(x)]));
  const plannedResource = (x: Spec) => {
    const p = plans.get(x)!;
    return { address: x.address, mode: 'managed', type: x.type, name: x.name, provider_name: PROVIDER, schema_version: 0, values: p.after, sensitive_values: p.sensitive };
  };
  const byModule = new Map<string, Spec[]>();
  // Pushed, not copied: a spread per resource made generating 100k resources quadratic.
  for (const s of ss) {
    const list = byModule.get(s.module);
    if (list) list.push(s);
    else byModule.set(s.module, [s]);
  }
  const modulePlanned = (prefix: string): Obj => {
    const children = [...byModule.keys()].filter((m) => m && m.startsWith(prefix ? `${prefix}.` : '') && m.slice(prefix ? prefix.length + 1 : 0).split('.module.').length === 1 && m !== prefix);
    return {
      ...(prefix ? { address: prefix } : {}),
      resources: (byModule.get(prefix) ?? []).map(plannedResource),
      ...(children.length ? { child_modules: children.map((c) => modulePlanned(c)) } : {}),
    };
  };
  const rootChildren = new Set<string>();
  for (const m of byModule.keys()) if (m) rootChildren.add(m.split('.').slice(0, 2).join('.'));
  const planned = { resources: (byModule.get('') ?? []).map(plannedResource), child_modules: [...rootChildren].map((c) => modulePlanned(c)) };
  const changes = ss.map((s) => {
    const p = plans.get(s)!;
    return { address: s.address, module_address: s.module || undefined, mode: 'managed', type: s.type, name: s.name, provider_name: PROVIDER, change: { actions: ['create'], before: null, after: p.after, after_unknown: p.afterUnknown, before_sensitive: false, after_sensitive: p.sensitive } };
  });
  // Configuration: one entry per module config path, with references.
  const config: Obj = { resources: [], module_calls: {} };
  const configOf = (modulePath: string): Obj => {
    let cur = config;
    for (const seg of modulePath.split('.module.').map((x) => x.replace(/^module\./, '')).filter(Boolean)) {
      const calls = cur.module_calls as Obj;
      calls[seg] ??= { source: `./modules/${seg}`, module: { resources: [], module_calls: {} } };
      cur = (calls[seg] as Obj).module as Obj;
    }
    return cur;
  };
  for (const s of ss) {
    const expressions = toExpr(s.values);
    for (const [k, ref] of Object.entries(s.refs)) {
      if (k.includes('.')) setPath(expressions, k, { references: [ref, ref.replace(/\.[^.]+$/, '')] });
      else expressions[k] = { references: [ref, ref.replace(/\.[^.]+$/, '')] };
    }
    (configOf(s.module).resources as Obj[]).push({ address: `${s.type}.${s.name}`, mode: 'managed', type: s.type, name: s.name, provider_config_key: 'aws', expressions, schema_version: 0 });
  }
  return { format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: planned }, resource_changes: changes, configuration: { provider_config: { aws: { name: 'aws' } }, root_module: config }, timestamp: '2026-11-28T00:00:00Z' };
}

/** cdk.tf.json shaped stack (no modules in cdktf output; references as `${...}`). */
export function generateSynth(resources: number): Obj {
  const resource: Record<string, Record<string, Obj>> = {};
  for (const s of specs(resources)) {
    const name = `${s.module.replace(/[^a-z0-9]+/gi, '_')}${s.name}`;
    const body: Obj = JSON.parse(JSON.stringify(s.values));
    for (const [k, ref] of Object.entries(s.refs)) {
      const local = ref.replace(/^([a-z0-9_]+)\.([^.]+)/, (_m, t: string, nm: string) => `${t}.${s.module.replace(/[^a-z0-9]+/gi, '_')}${nm}`);
      if (k.includes('.')) setPath(body, k, `\${${local}}`);
      else body[k] = `\${${local}}`;
    }
    body['//'] = { metadata: { path: `bench/${s.module || 'root'}/${s.type}/${s.name}`, uniqueId: name } };
    (resource[s.type] ??= {})[name] = body;
  }
  return { '//': { metadata: { stackName: 'bench', version: '0.21.0' } }, provider: { aws: [{ region: 'us-east-1' }] }, terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } }, resource };
}
