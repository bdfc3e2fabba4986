/**
 * Read inputs from disk (plan JSON, cdk.tf.json, a cdktf.out directory) into one Graph.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';
import { Graph } from './graph';
import { COLLECT_AFTER_CHARS, collectGarbage } from './memory';
import type { ModuleIndex } from './modules';
import { checkPlanVersion, isPlanDocument, loadPlan } from './plan';
import { isSynthDocument, loadSynth, stackInterfaceOf, stackNameOf, type StackInterface } from './synth';
import { SourceOptions, UnassessedModule, isTerraformSourceDir, loadSourceDir } from '../source/load';
import type { SourceIndex } from './source';
import type { Resource, Unit } from './types';

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

export interface LoadOptions {
  /** Largest file accepted, in bytes (default 256 MiB). */
  readonly maxBytes?: number;
  /** Source mode (a directory of .tf files): variable values from the command line. */
  readonly source?: Pick<SourceOptions, 'vars' | 'varFiles'>;
}

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
}

/** Decode file bytes: UTF-8 (with or without BOM) or UTF-16 LE/BE with BOM; strict. */
export function decode(buf: Buffer, file: string): string {
  if (buf.length === 0) throw new InputError(`${file}: file is empty`);
  let text: string;
  try {
    if (buf[0] === 0xff && buf[1] === 0xfe) {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2));
    } else if (buf[0] === 0xfe && buf[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2));
    } else if (buf.length >= 4 && buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) {
      // UTF-16LE without a BOM (`{\0"\0`).
      text = new TextDecoder('utf-16le', { fatal: true }).decode(buf);
    } else {
      const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start));
    }
  } catch {
    throw new InputError(`${file}: not valid UTF-8 or UTF-16 text`);
  }
  if (text.indexOf('\u0000') >= 0) throw new InputError(`${file}: contains NUL characters, not a JSON text file`);
  return text;
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

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function readFileLimited(file: string, maxBytes: number): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new InputError(`${file}: no such file or directory`);
  }
  if (!st.isFile()) throw new InputError(`${file}: not a regular file`);
  if (st.size > maxBytes) {
    throw new InputError(`${file}: ${st.size} bytes is over the input limit of ${maxBytes} bytes (--max-input-size)`);
  }
  try {
    return fs.readFileSync(file);
  } catch {
    throw new InputError(`${file}: cannot be read`);
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
export function parseDocument(doc: unknown, file: string, source: Buffer | string | { readonly sha256: string }, stack?: string): ParsedInput {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(`${file}: expected a JSON object (a Terraform plan or cdk.tf.json), got ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}`);
  }
  const hash = typeof source === 'string' ? sha256(Buffer.from(source)) : Buffer.isBuffer(source) ? sha256(source) : source.sha256;
  const obj = doc as Record<string, unknown>;
  if (isPlanDocument(obj)) {
    const version = checkPlanVersion(obj, file);
    const unit: Unit = { id: file, file, format: 'plan', sha256: hash, formatVersion: version };
    const { resources, modules } = structural(file, 'Terraform plan', () => loadPlan(obj, unit));
    return { unit, resources, modules };
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
    };
    return { unit, resources: structural(file, 'Terraform JSON configuration', () => loadSynth(obj, unit)), stackInterface: stackInterfaceOf(obj) };
  }
  throw new InputError(`${file}: not a Terraform plan JSON (format_version) or Terraform JSON configuration (resource/terraform)`);
}

function loadFile(file: string, opts: LoadOptions, stack?: string, read?: { chars: number }): ParsedInput {
  const { text, sha256: hash } = readText(file, opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
  if (read) read.chars += text.length;
  // Only the text stays reachable while the document is parsed (the file bytes can be freed).
  return parseDocument(parseJson(text, file), file, { sha256: hash }, stack);
}

/** File → decoded text and the SHA-256 of its bytes. */
function readText(file: string, maxBytes: number): { text: string; sha256: string } {
  const buf = readFileLimited(file, maxBytes);
  const out = { sha256: sha256(buf), text: decode(buf, file) };
  release(buf);
  return out;
}

/**
 * Hand a large file buffer's memory back now rather than at V8's next full collection (which on
 * a big heap comes late): otherwise the bytes of the file would sit beside its decoded text and
 * the parsed document, adding the file's size again to peak memory. Transferring the
 * ArrayBuffer detaches it; the short-lived copy it moves to is reclaimed by the next minor GC.
 */
function release(buf: Buffer): void {
  const whole = buf.buffer;
  if (buf.length < COLLECT_AFTER_CHARS || buf.byteOffset !== 0 || !(whole instanceof ArrayBuffer) || whole.byteLength !== buf.length) return;
  structuredClone(whole, { transfer: [whole] });
}

/** A cdktf.out directory: every stack of its manifest.json; or a stack dir with cdk.tf.json. */
function loadDirectory(dir: string, opts: LoadOptions, read: { chars: number }): ParsedInput[] {
  const manifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifest)) {
    const buf = readFileLimited(manifest, opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES);
    const doc = parseJson(decode(buf, manifest), manifest) as Record<string, unknown>;
    const stacks = doc && typeof doc === 'object' ? (doc as { stacks?: unknown }).stacks : undefined;
    if (!stacks || typeof stacks !== 'object' || Array.isArray(stacks)) {
      throw new InputError(`${manifest}: no "stacks" object (is this a cdktf.out manifest?)`);
    }
    const out: ParsedInput[] = [];
    const realDir = fs.realpathSync(dir);
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
      out.push({ ...loadFile(file, opts, typeof s.name === 'string' ? s.name : name, read), outDir: realDir });
    }
    if (!out.length) throw new InputError(`${manifest}: lists no stacks`);
    return out;
  }
  const single = path.join(dir, 'cdk.tf.json');
  if (fs.existsSync(single)) return [loadFile(single, opts, undefined, read)];
  if (isTerraformSourceDir(dir)) return [loadSourceDir(dir, { ...opts.source, maxBytes: opts.maxBytes })];
  throw new InputError(`${dir}: directory has no manifest.json (cdktf.out), cdk.tf.json or Terraform (.tf) files`);
}

/** Load one or more paths into parsed inputs (not yet a graph). */
export function loadInputs(paths: readonly string[], opts: LoadOptions = {}): ParsedInput[] {
  if (!paths.length) throw new InputError('no input given: pass a plan JSON, a cdk.tf.json or a cdktf.out directory');
  const out: ParsedInput[] = [];
  const read = { chars: 0 };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ELOOP' ? `${p}: symlink loop` : `${p}: no such file or directory`);
    }
    if (st.isDirectory()) out.push(...loadDirectory(p, opts, read));
    else out.push(loadFile(p, opts, undefined, read));
  }
  if (read.chars >= COLLECT_AFTER_CHARS) collectGarbage();
  return out;
}

/** Load paths straight into a Graph. */
export function loadGraph(paths: readonly string[], opts: LoadOptions = {}): Graph {
  return Graph.from(loadInputs(paths, opts));
}
