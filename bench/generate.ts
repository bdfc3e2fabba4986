/**
 * Realistic synthetic inputs for the benchmark: a mix of PHI storage, keys, network, IAM, logs
 * and databases, joined by references (and some by literal name), spread over modules, with
 * unknown-after-apply values and a share of deliberate violations.
 */

type Obj = Record<string, unknown>;

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

/** `terraform show -json` shaped plan (format 1.2). */
export function generatePlan(resources: number): Obj {
  const ss = specs(resources);
  const byModule = new Map<string, Spec[]>();
  for (const s of ss) byModule.set(s.module, [...(byModule.get(s.module) ?? []), s]);
  const modulePlanned = (prefix: string): Obj => {
    const children = [...byModule.keys()].filter((m) => m && m.startsWith(prefix ? `${prefix}.` : '') && m.slice(prefix ? prefix.length + 1 : 0).split('.module.').length === 1 && m !== prefix);
    return {
      ...(prefix ? { address: prefix } : {}),
      resources: (byModule.get(prefix) ?? []).map((s) => ({ address: s.address, mode: 'managed', type: s.type, name: s.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: s.values, sensitive_values: {} })),
      ...(children.length ? { child_modules: children.map((c) => modulePlanned(c)) } : {}),
    };
  };
  const rootChildren = new Set<string>();
  for (const m of byModule.keys()) if (m) rootChildren.add(m.split('.').slice(0, 2).join('.'));
  const planned = { resources: (byModule.get('') ?? []).map((s) => ({ address: s.address, mode: 'managed', type: s.type, name: s.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: s.values, sensitive_values: {} })), child_modules: [...rootChildren].map((c) => modulePlanned(c)) };
  const changes = ss.map((s) => {
    const unknown: Obj = { id: true, arn: true };
    for (const k of Object.keys(s.refs)) if (!k.includes('.')) unknown[k] = true;
    return { address: s.address, module_address: s.module || undefined, mode: 'managed', type: s.type, name: s.name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: s.values, after_unknown: unknown, before_sensitive: false, after_sensitive: {} } };
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
