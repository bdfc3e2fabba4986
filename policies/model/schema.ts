/**
 * What the hashicorp/aws 5.100.0 provider schema says about a resource type's attribute paths,
 * as far as reading a plan needs it (see policies/data/derive/README.md for how the data is made):
 *  - which names are nested blocks (a `dynamic` block can produce them, so a plan can mark a block
 *    unknown while the configuration shows no expression for it);
 *  - which blocks the provider computes when the configuration leaves them out;
 *  - which attributes are optional+computed.
 */
import data from '../data/provider-schema.json';

/** One block level of a resource type: its nested blocks by name, plus `@…` facts. */
export interface SchemaBlock {
  readonly '@optionalComputed'?: readonly string[];
  readonly '@computedBlocks'?: readonly string[];
  /** Deeper levels were not kept: nothing is known about this block's structure. */
  readonly '@deep'?: boolean;
  readonly [block: string]: SchemaBlock | readonly string[] | boolean | undefined;
}

const TYPES = (data as unknown as { types: Record<string, SchemaBlock> }).types;

/** The provider the data was derived from. */
export const SCHEMA_PROVIDER: string = (data as { provider: string }).provider;

/** The schema of a resource type, or undefined when the type is not in the data. */
export function schemaOf(type: string): SchemaBlock | undefined {
  return Object.prototype.hasOwnProperty.call(TYPES, type) ? TYPES[type] : undefined;
}

/** The nested block `name` of `block`, or undefined when `name` is not a block there. */
export function childBlock(block: SchemaBlock | undefined, name: string): SchemaBlock | undefined {
  if (!block || name.startsWith('@') || !Object.prototype.hasOwnProperty.call(block, name)) return undefined;
  const b = block[name];
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as SchemaBlock) : undefined;
}

/** Is the structure of `block` known (the type is in the data and this level was kept)? */
export function structureKnown(block: SchemaBlock | undefined): block is SchemaBlock {
  return block !== undefined && block['@deep'] !== true;
}

/** Does the provider compute the block at `path` (dot-separated, from the resource) when it is not configured? */
export function isComputedBlock(type: string, path: string): boolean {
  return schemaOf(type)?.['@computedBlocks']?.includes(path) ?? false;
}

/** Is `path` (dot-separated) an optional+computed attribute of `type`? */
export function isOptionalComputed(type: string, path: string): boolean {
  const segs = path.split('.');
  let b: SchemaBlock | undefined = schemaOf(type);
  for (const s of segs.slice(0, -1)) b = childBlock(b, s);
  return b?.['@optionalComputed']?.includes(segs[segs.length - 1]) ?? false;
}

/** The resource types the data covers. */
export function schemaTypes(): string[] {
  return Object.keys(TYPES);
}
