/**
 * Read inputs from disk (plan JSON, cdk.tf.json, a cdktf.out directory) into one Graph.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';
import { Graph } from './graph';
import { hashAside, sha256 } from './hash';
import { Budget, DEFAULT_MAX_INPUT_BYTES, decode, isOneLine, readInputBytes } from './input-file';
import { COLLECT_AFTER_CHARS, collectGarbage } from './memory';
import type { ModuleIndex } from './modules';
import { checkPlanVersion, isPlanDocument, loadPlan } from './plan';
import { parsePlanSections } from './plan-text';
import { isSynthDocument, loadSynth, stackInterfaceOf, stackNameOf, type StackInterface } from './synth';
import { SourceOptions, UnassessedModule, isTerraformSourceDir, loadSourceDir } from '../source/load';
import type { SourceIndex } from './source';
import type { Resource, Unit } from './types';
import type { Json } from './values';

export { DEFAULT_MAX_INPUT_BYTES, decode };

export interface LoadOptions {
  /** Largest file accepted, in bytes (default 256 MiB). */
  readonly maxBytes?: number;
  /** The run's budget of bytes read and resources modelled (default: a fresh one with the default limits). */
  readonly budget?: Budget;
  /** Source mode (a directory of .tf files): variable values from the command line. */
  readonly source?: Pick<SourceOptions, 'vars' | 'varFiles'>;
}

/** Load options with the defaults filled in. */
type Loading = LoadOptions & { readonly maxBytes: number; readonly budget: Budget };

export interface ParsedInput {
  readonly unit: Unit;
  readonly resources: Resource[];
  readonly modules?: ModuleIndex;
  /** A cdktf stack's backend and outputs, for cross-stack references (synth input only). */
  readonly stackInterface?: StackInterface;
  /** The cdktf.out directory the stack was listed in: cross-stack references join only within one. */
  readonly outDir?: string;
  /** Source mode: modules whose source could not be read (not assessed). */
  readonly unassessedModules?: readonly UnassessedModule[];
  /** Terraform source of the plan's modules (locals), when it was read (`--source`). */
  readonly source?: SourceIndex;
  /** A plan's root variable values (its `variables` section), for evaluating its source beside it. */
  readonly planVariables?: Readonly<Record<string, Json>>;
}

/** `variables: { name: { value } }` of a plan: the values Terraform planned with (own keys only). */
function planVariables(doc: Record<string, unknown>): Record<string, Json> | undefined {
  const vars = doc.variables;
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) return undefined;
  const out: Record<string, Json> = Object.create(null) as Record<string, Json>;
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, 'value')) out[k] = (v as { value: Json }).value;
  }
  return out;
}

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const where = m ? ` near byte ${m[1]}` : '';
    throw new InputError(`${file}: not valid JSON${where} (truncated or not a JSON file?)`);
  }
}

/**
 * Run a loader; a value of an unexpected type deep in a damaged document becomes an input error
 * (exit 2 with one line), never an internal error.
 */
function structural<T>(file: string, what: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof RangeError) throw new InputError(`${file}: too large or too deeply nested to read`);
    throw new InputError(`${file}: does not have the structure of a ${what} (a value has an unexpected type)`);
  }
}

/**
 * Parse one document already in memory. `source` is its text or bytes (hashed for provenance),
 * or their SHA-256 already computed. `stack` names a cdktf stack.
 */
export function parseDocument(doc: unknown, file: string, source: Buffer | string | { readonly sha256: string; readonly oneLine?: boolean }, stack?: string, budget?: Budget): ParsedInput {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(`${file}: expected a JSON object (a Terraform plan or cdk.tf.json), got ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}`);
  }
  const hash = typeof source === 'string' ? sha256(Buffer.from(source)) : Buffer.isBuffer(source) ? sha256(source) : source.sha256;
  const oneLine = typeof source === 'object' && !Buffer.isBuffer(source) && source.oneLine ? { oneLine: true } : {};
  const obj = doc as Record<string, unknown>;
  if (isPlanDocument(obj)) {
    const version = checkPlanVersion(obj, file);
    const unit: Unit = { id: file, file, format: 'plan', sha256: hash, formatVersion: version, ...oneLine };
    const { resources, modules } = structural(file, 'Terraform plan', () => loadPlan(obj, unit, (n) => budget?.addResources(n, file)));
    return { unit, resources, modules, planVariables: planVariables(obj) };
  }
  if (Object.prototype.hasOwnProperty.call(obj, 'format_version')) {
    checkPlanVersion(obj, file);
    throw new InputError(`${file}: has format_version but no planned_values, resource_changes or values`);
  }
  if (isSynthDocument(obj)) {
    const stackName = stack ?? stackNameOf(obj);
    const unit: Unit = {
      id: stack ? `${file}#${stack}` : file,
      file,
      format: 'synth',
      stack: stackName,
      sha256: hash,
      formatVersion: 'terraform-json',
      ...oneLine,
    };
    budget?.addResources(countSynthResources(obj), file);
    return { unit, resources: structural(file, 'Terraform JSON configuration', () => loadSynth(obj, unit)), stackInterface: stackInterfaceOf(obj) };
  }
  throw new InputError(`${file}: not a Terraform plan JSON (format_version) or Terraform JSON configuration (resource/terraform)`);
}

/** Resources and data sources in a Terraform JSON document, counted before any is modelled. */
function countSynthResources(doc: Record<string, unknown>): number {
  let n = 0;
  for (const mode of ['resource', 'data']) {
    const section = doc[mode];
    if (typeof section !== 'object' || section === null || Array.isArray(section)) continue;
    for (const type of Object.keys(section)) {
      const byName = (section as Record<string, unknown>)[type];
      if (typeof byName === 'object' && byName !== null && !Array.isArray(byName)) n += Object.keys(byName).length;
    }
  }
  return n;
}

function loadFile(file: string, opts: Loading, stack?: string, read?: { chars: number }): ParsedInput {
  const { text, hash, oneLine } = readText(file, opts);
  if (read) read.chars += text.length;
  // Only the text stays reachable while the document is parsed (the file bytes are being hashed
  // on another thread). A large plan is parsed by sections, leaving out those no rule reads (plan-text.ts).
  const doc = parsePlanSections(text) ?? parseJson(text, file);
  return parseDocument(doc, file, { sha256: hash(), oneLine }, stack, opts.budget);
}

/**
 * File → decoded text, the SHA-256 of its bytes (a function: a large file is hashed on another
 * thread meanwhile, see hash.ts) and whether it is one line (no newline before its last byte).
 */
function readText(file: string, opts: Loading): { text: string; hash: () => string; oneLine: boolean } {
  const buf = readInputBytes(file, opts);
  const oneLine = isOneLine(buf);
  const text = decode(buf, file, true);
  // The bytes are handed to the hashing thread: nothing here uses `buf` after this.
  const hash = hashAside(buf, () => readInputBytes(file, { maxBytes: opts.maxBytes }));
  return { text, hash, oneLine };
}

/** A cdktf.out directory: every stack of its manifest.json; or a stack dir with cdk.tf.json. */
function loadDirectory(dir: string, opts: Loading, read: { chars: number }, seen: Map<string, string>): ParsedInput[] {
  const manifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifest)) {
    const buf = readInputBytes(manifest, { ...opts, what: 'cdktf manifest' });
    const doc = parseJson(decode(buf, manifest), manifest) as Record<string, unknown>;
    const stacks = doc && typeof doc === 'object' ? (doc as { stacks?: unknown }).stacks : undefined;
    if (!stacks || typeof stacks !== 'object' || Array.isArray(stacks)) {
      throw new InputError(`${manifest}: no "stacks" object (is this a cdktf.out manifest?)`);
    }
    const out: ParsedInput[] = [];
    const realDir = fs.realpathSync(dir);
    const names = new Set<string>();
    for (const name of Object.keys(stacks).sort()) {
      const s = (stacks as Record<string, unknown>)[name] as { synthesizedStackPath?: unknown; name?: unknown };
      if (!s || typeof s.synthesizedStackPath !== 'string') {
        throw new InputError(`${manifest}: stack entry has no synthesizedStackPath`);
      }
      const file = path.join(dir, s.synthesizedStackPath);
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch {
        throw new InputError(`${file}: listed in manifest.json but missing (or a symlink loop)`);
      }
      if (!real.startsWith(realDir + path.sep)) throw new InputError(`${file}: stack path escapes the cdktf.out directory`);
      const stackName = typeof s.name === 'string' ? s.name : name;
      // One stack file read twice, or two stacks of one name, would double every finding (and the memory).
      if (names.has(stackName)) throw new InputError(`${manifest}: lists stack "${stackName}" more than once`);
      names.add(stackName);
      const first = seen.get(real);
      if (first !== undefined) throw new InputError(`${file}: is read twice (also as ${first}); every stack file may be listed once`);
      seen.set(real, file);
      out.push({ ...loadFile(file, opts, stackName, read), outDir: realDir });
    }
    if (!out.length) throw new InputError(`${manifest}: lists no stacks`);
    return out;
  }
  const single = path.join(dir, 'cdk.tf.json');
  if (fs.existsSync(single)) return [loadFileOnce(single, opts, read, seen)];
  if (isTerraformSourceDir(dir)) {
    const src = loadSourceDir(dir, { ...opts.source, maxBytes: opts.maxBytes, budget: opts.budget });
    opts.budget.addResources(src.resources.length, dir);
    return [src];
  }
  throw new InputError(`${dir}: directory has no manifest.json (cdktf.out), cdk.tf.json or Terraform (.tf) files`);
}

function loadFileOnce(file: string, opts: Loading, read: { chars: number }, seen: Map<string, string>): ParsedInput {
  let real = file;
  try {
    real = fs.realpathSync(file);
  } catch {
    /* readInputBytes reports a missing file or a loop */
  }
  const first = seen.get(real);
  if (first !== undefined) throw new InputError(`${file}: is read twice (also as ${first}); pass every input once`);
  seen.set(real, file);
  return loadFile(file, opts, undefined, read);
}

/** Load one or more paths into parsed inputs (not yet a graph). */
export function loadInputs(paths: readonly string[], opts: LoadOptions = {}): ParsedInput[] {
  if (!paths.length) throw new InputError('no input given: pass a plan JSON, a cdk.tf.json or a cdktf.out directory');
  const o: Loading = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES, budget: opts.budget ?? new Budget() };
  const out: ParsedInput[] = [];
  const read = { chars: 0 };
  const seen = new Map<string, string>();
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ELOOP' ? `${p}: symlink loop` : `${p}: no such file or directory`);
    }
    if (st.isDirectory()) out.push(...loadDirectory(p, o, read, seen));
    else out.push(loadFileOnce(p, o, read, seen));
  }
  if (read.chars >= COLLECT_AFTER_CHARS) collectGarbage();
  return out;
}

/** Load paths straight into a Graph. */
export function loadGraph(paths: readonly string[], opts: LoadOptions = {}): Graph {
  return Graph.from(loadInputs(paths, opts));
}
