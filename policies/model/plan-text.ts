/**
 * Parse a `terraform show -json` plan without building the sections no rule reads.
 *
 * A plan states each resource twice: `planned_values` repeats what `resource_changes` holds
 * (every resource instance Terraform plans has a change entry, no-op included), and
 * `relevant_attributes`, `resource_drift`, `output_changes` and `checks` are read by no rule.
 * Together they are a third to a half of a plan's bytes. Building them as objects costs as much
 * per byte as the sections that are read, and they would sit in memory until the next full
 * collection. Here the document's top-level keys are found in one pass over the text, each
 * section that is read is parsed on its own (a slice of the text, not a copy), and the others
 * are passed over.
 *
 * Exactness. The top level is found by looking for `,"key":` of Terraform's plan keys. Such a
 * pattern can also occur deeper (a map attribute with a key named `configuration`), so the
 * split is used only when it proves itself: every section read must parse as one whole JSON value
 * on its own (a split at a key nested inside it leaves its brackets unbalanced), no key may occur
 * twice, and each section read must have its expected type. Anything else — a key twice, a
 * section that does not parse, text not shaped like Terraform's — is parsed whole with
 * `JSON.parse`, which also gives the error for invalid input. `planned_values` is skipped only
 * when it adds nothing to the change entries (an address found in it by text search that
 * `resource_changes` lacks, or a change that does not state its own values and their
 * sensitivity, makes it parsed after all), so a plan that lists a resource only there loses
 * nothing. What is not checked: the JSON syntax inside the sections passed over (damage there is
 * not reported; it cannot change what is read), and keys inside a section passed over that
 * mimic the top level. To change a section that is read, such a key would need a value of that
 * section's type, followed directly by another top-level key name, in a plan without the real
 * key of that name: Terraform writes every section it has, and writes values with sorted keys
 * and typed values (a tag map named like the sections falls back; tested), so only a
 * hand-made plan could, and a hand-made plan can state anything anyway.
 */
import { splitAddress } from './plan';

/**
 * Top-level keys of Terraform's plan JSON that are split at, in the order Terraform writes them
 * after `format_version`, `terraform_version` and `variables` (those three stay in the first
 * section: `terraform_version` and `variables` also occur as keys inside `prior_state` and
 * `configuration`, so splitting at them would always fall back).
 */
const SPLIT_KEYS = ['planned_values', 'resource_drift', 'resource_changes', 'output_changes', 'prior_state', 'configuration', 'relevant_attributes', 'checks', 'timestamp', 'applyable', 'complete', 'errored'];
/** The sections no rule reads. */
const SKIPPED = new Set(['planned_values', 'relevant_attributes', 'resource_drift', 'output_changes', 'checks']);

/** The expected type of each section read ('array' or 'object'); others are any JSON value. */
const SHAPE: Readonly<Record<string, 'array' | 'object'>> = { resource_changes: 'array', prior_state: 'object', configuration: 'object' };

const KEY = new RegExp(`,\\s*"(${SPLIT_KEYS.join('|')})"\\s*:`, 'g');

/** Below this size a plan is parsed whole: the pass over the text would not pay for itself. */
export const SECTIONED_PARSE_MIN_CHARS = 4 * 1024 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const shapeOk = (key: string, v: unknown) => SHAPE[key] === undefined || (SHAPE[key] === 'array' ? Array.isArray(v) : isObj(v));

/**
 * The plan document with the unread sections left out, or undefined when the text is not a
 * plan this can split safely (the caller then parses it whole). Never throws on bad input.
 * `minChars`: shorter texts are left to the caller (tests pass 0).
 */
export function parsePlanSections(text: string, minChars = SECTIONED_PARSE_MIN_CHARS): Obj | undefined {
  if (text.length < minChars) return undefined;
  const open = text.search(/\S/);
  if (open < 0 || !/^\{\s*"format_version"\s*:/.test(text.slice(open, open + 64))) return undefined;
  const close = text.lastIndexOf('}');
  if (close < 0 || text.slice(close + 1).trim() !== '') return undefined;

  // Split points: [start of the `,"key":` pattern, key, start of its value]. A key found twice
  // means a split at a nested key or a duplicate: stop looking (parsed whole), so the list stays
  // as short as the key set however many times a key name occurs.
  const splits: Array<[number, string, number]> = [];
  const found = new Set<string>();
  KEY.lastIndex = open;
  for (let m = KEY.exec(text); m; m = KEY.exec(text)) {
    if (found.has(m[1])) return undefined;
    found.add(m[1]);
    splits.push([m.index, m[1], m.index + m[0].length]);
  }
  if (!splits.length) return undefined;

  try {
    // Everything before the first split: `{"format_version":"1.2", ...` closed by a brace.
    const doc = JSON.parse(`${text.slice(open, splits[0][0])}}`) as unknown;
    if (!isObj(doc)) return undefined;
    // A split key also written in the first section: a duplicate key.
    for (const [, key] of splits) if (Object.prototype.hasOwnProperty.call(doc, key)) return undefined;
    let planned: string | undefined;
    for (let i = 0; i < splits.length; i++) {
      const [, key, from] = splits[i];
      const to = i + 1 < splits.length ? splits[i + 1][0] : close;
      if (SKIPPED.has(key)) {
        if (key === 'planned_values') planned = text.slice(from, to);
        continue;
      }
      const v: unknown = JSON.parse(text.slice(from, to));
      if (!shapeOk(key, v)) return undefined;
      doc[key] = v;
    }
    // Without change entries the planned values are the resources: read them after all.
    if (planned !== undefined && !(Array.isArray(doc.resource_changes) && plannedAddsNothing(planned, doc.resource_changes))) {
      const v: unknown = JSON.parse(planned);
      if (!isObj(v)) return undefined;
      doc.planned_values = v;
    }
    return doc;
  } catch {
    return undefined;
  }
}

/** An `address` key and its string value (the JSON string grammar, so escapes are skipped whole). */
const ADDRESS = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** `module.a["k"].module.b`: the address of a module instance (its objects hold no values of their own). */
function isModuleAddress(address: string): boolean {
  const parts = splitAddress(address);
  if (parts.length % 2) return false;
  for (let i = 0; i < parts.length; i += 2) if (parts[i] !== 'module') return false;
  return true;
}

/**
 * True when the planned values add nothing to the change entries: every change states its
 * planned values and their sensitivity itself (`after`, or `before` for a deletion, and
 * `after_sensitive`, which plans before format 0.2 lack), and every `"address": "…"` string in
 * the planned-values text is a module's address or the address of a change entry. Attributes
 * named `address` (a database endpoint) are found too; they make the answer false, which only
 * costs parsing the section.
 */
function plannedAddsNothing(planned: string, changes: readonly unknown[]): boolean {
  const addresses = new Set<string>();
  for (const rc of changes) {
    if (!isObj(rc) || typeof rc.address !== 'string') continue;
    const change = rc.change;
    if (!isObj(change) || !('after_sensitive' in change) || !(isObj(change.after) || (Array.isArray(change.actions) && change.actions.includes('delete')))) return false;
    addresses.add(rc.address);
  }
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(planned); m; m = ADDRESS.exec(planned)) {
    const raw = m[1];
    const address = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (!addresses.has(address) && !isModuleAddress(address)) return false;
  }
  return true;
}
