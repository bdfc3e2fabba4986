/**
 * AWS HIPAA Eligible Services list and the Terraform resource-type prefix map, kept in the project
 * with their source and date (policies/data/*.json; see their `source`, `as_of` and `_meta`).
 */
import services from './hipaa-eligible-services.json';
import prefixes from './aws-terraform-service-prefixes.json';

export interface PrefixEntry {
  readonly service: string;
  readonly eligible: boolean | 'not-a-data-service';
  readonly note?: string;
}

export const ELIGIBLE_LIST = { source: services.source, asOf: services.as_of, retrievedOn: services.retrieved_on, count: services.service_count };

const TABLE = (prefixes as { prefixes: Record<string, PrefixEntry> }).prefixes;
const KEYS = Object.keys(TABLE).sort((a, b) => b.length - a.length);

/** The longest prefix key matching a resource type (`aws_cloudwatch_log_group` → `aws_cloudwatch_log_`). */
const memo = new Map<string, (PrefixEntry & { readonly prefix: string }) | undefined>();

export function serviceOf(type: string): (PrefixEntry & { readonly prefix: string }) | undefined {
  if (memo.has(type)) return memo.get(type);
  const key = KEYS.find((k) => type === k.slice(0, -1) || type.startsWith(k));
  const found = key ? { ...TABLE[key], prefix: key } : undefined;
  memo.set(type, found);
  return found;
}
