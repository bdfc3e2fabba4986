/**
 * The AWS region a resource lives in, as far as the inputs state it:
 *  1. its own `region` argument (hashicorp/aws 6 lets every resource pick its region);
 *  2. else the `region` of the provider configuration it uses, when that configuration states it
 *     as a constant (`provider "aws" { region = "us-east-1" }`, an `alias`ed one, or a module's own);
 *  3. else unknown (a variable, AWS_REGION in the environment, a configuration passed into a module).
 * Region comparisons (is this copy in another region?) are three-valued on top of this.
 */
import { MAX_DEPTH, tooDeep } from './errors';
import type { Resource } from './types';
import { Unknown, isComputedOnly } from './values';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, k: string): unknown => (isObj(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** A region string as AWS spells them (`us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`). */
export const isRegion = (v: unknown): v is string => typeof v === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(v);

/** Region stated by the resource itself (hashicorp/aws ≥ 6 `region` argument), else by its provider configuration. */
export function regionOf(res: Resource): string | undefined {
  const own = res.values.region;
  if (isRegion(own)) return own;
  // A region set from a value known only after apply is not the provider's region.
  if (own instanceof Unknown && !isComputedOnly(own)) return undefined;
  return res.region;
}

/** Region of an ARN (`arn:aws:backup:us-west-2:…`), when it names one. */
export function arnRegion(arn: string): string | undefined {
  const m = /^arn:[^:]*:[^:]*:([^:]*):/.exec(arn);
  return m && isRegion(m[1]) ? m[1] : undefined;
}

/** Account of an ARN, when it names one. */
export function arnAccount(arn: string): string | undefined {
  const m = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn);
  return m ? m[1] : undefined;
}

/**
 * Plan JSON: region per resource configuration, keyed `<module config path>|<type.name>` (data
 * sources `data.type.name`). `configuration.provider_config` holds each provider configuration
 * (`aws`, `aws.dr`, `module.m:aws`) with its expressions; each configuration resource names the
 * one it uses in `provider_config_key` (Terraform resolves provider passing to the configuration
 * that defines it).
 */
export function planResourceRegions(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const configuration = get(doc, 'configuration');
  const providers = get(configuration, 'provider_config');
  if (!isObj(providers)) return out;
  const regionByKey = new Map<string, string>();
  for (const [key, p] of Object.entries(providers)) {
    const r = get(get(get(p, 'expressions'), 'region'), 'constant_value');
    if (isRegion(r)) regionByKey.set(key, r);
  }
  if (!regionByKey.size) return out;
  const walk = (mod: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH) throw tooDeep('configuration');
    const resources = get(mod, 'resources');
    if (Array.isArray(resources)) {
      for (const r of resources) {
        const key = get(r, 'provider_config_key');
        const address = get(r, 'address');
        if (typeof key !== 'string' || typeof address !== 'string') continue;
        // `aws.dr` at the root; `m:aws` or `module.m:aws` inside modules.
        const region = regionByKey.get(key) ?? regionByKey.get(`module.${key}`) ?? (path ? regionByKey.get(`${path}:${key.slice(key.lastIndexOf(':') + 1)}`) : undefined);
        if (region) out.set(`${path}|${address}`, region);
      }
    }
    const calls = get(mod, 'module_calls');
    if (isObj(calls)) for (const [name, call] of Object.entries(calls)) walk(get(call, 'module'), path ? `${path}.module.${name}` : `module.${name}`, depth + 1);
  };
  walk(get(configuration, 'root_module'), '', 0);
  return out;
}

/**
 * cdk.tf.json: region of each provider configuration, by reference (`aws`, `aws.dr`). The
 * top-level `provider.aws` is a list (or one object) of configurations, `alias` naming all but
 * the default one.
 */
export function synthProviderRegions(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const aws = get(get(doc, 'provider'), 'aws');
  for (const p of Array.isArray(aws) ? aws : aws === undefined ? [] : [aws]) {
    const alias = get(p, 'alias');
    const region = get(p, 'region');
    if (isRegion(region)) out.set(typeof alias === 'string' && alias ? `aws.${alias}` : 'aws', region);
  }
  return out;
}
