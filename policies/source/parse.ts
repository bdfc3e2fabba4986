/**
 * Read the Terraform files of one module directory: `*.tf` through the HCL parser package
 * (@cdktn/hcl2json, the parser cdktf itself used) and `*.tf.json` as JSON, merged into one
 * Terraform-JSON-shaped configuration, with the file and line of every resource, data and
 * module block.
 *
 * A file that does not parse makes the directory unreadable with a one-line reason (exit 2),
 * never a stack trace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { InputError } from '../model/errors';
import { Budget, readInputBytes } from '../model/input-file';

type Obj = Record<string, unknown>;

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Where a block was written. */
export interface BlockLocation {
  readonly file: string;
  readonly line: number;
}

export interface ModuleSource {
  readonly dir: string;
  readonly files: readonly SourceFile[];
  /** Merged configuration: every block kind maps to its blocks as lists (`resource.aws_s3_bucket.b = [body]`). */
  readonly config: {
    readonly variable: Map<string, Obj>;
    readonly locals: Map<string, unknown>;
    readonly resource: Map<string, { type: string; name: string; body: Obj; at: BlockLocation }>;
    readonly data: Map<string, { type: string; name: string; body: Obj; at: BlockLocation }>;
    readonly module: Map<string, { body: Obj; at: BlockLocation }>;
    readonly output: Map<string, Obj>;
    readonly provider: Array<{ name: string; body: Obj }>;
  };
}

export interface ReadLimits {
  /** Largest single file, bytes. */
  readonly maxFileBytes: number;
  /** Files per directory. */
  readonly maxFiles: number;
  /** The run's budget of bytes read. */
  readonly budget?: Budget;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

/** `*.tf` / `*.tf.json` files directly in `dir` (Terraform does not descend), sorted. Override files are read like others. */
export function terraformFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new InputError(`${dir}: cannot be read`);
  }
  return names.filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json')).sort().map((n) => path.join(dir, n));
}

export function hasTerraformFiles(dir: string): boolean {
  try {
    return fs.readdirSync(dir).some((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
  } catch {
    return false;
  }
}

function readSource(file: string, limits: ReadLimits): string {
  // Regular files only, within the size limit and the run's byte budget (shared with every input).
  const buf = readInputBytes(file, { what: 'Terraform file', maxBytes: limits.maxFileBytes, budget: limits.budget });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? buf.subarray(3) : buf);
    if (text.indexOf('\u0000') >= 0) throw new Error('nul');
    return text;
  } catch {
    throw new InputError(`${file}: not valid UTF-8 text`);
  }
}

// The worker: answers each [{name, text}] request on its port with [{json} | {error}] (hcl2json's
// parse per file), then raises the shared flag the caller waits on.
// Go's runtime writes a panic's trace straight to fd 2 through fs.writeSync (wasm_exec); the
// worker's own fs module drops writes to fds 1 and 2, so no trace reaches phikit's output.
const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const writeSync = fs.writeSync;
fs.writeSync = function (fd, buf, ...rest) {
  if (fd === 1 || fd === 2) return typeof buf === 'string' ? Buffer.byteLength(buf) : buf.byteLength;
  return writeSync.call(fs, fd, buf, ...rest);
};
const hcl = require(workerData.hcl);
const { port, flag } = workerData;
port.on('message', async (files) => {
  const out = [];
  let dead = false;
  for (const f of files) {
    try { out.push({ json: await hcl.parse(f.name, f.text) }); }
    catch (e) {
      out.push({ error: String((e && e.message) || e).split('\\n')[0].slice(0, 300) });
      // A panic in the Go parser ends its runtime: every later call would fail. Say so and stop.
      try { await hcl.parse('probe.tf', ''); } catch { dead = true; break; }
    }
  }
  port.postMessage({ out, dead });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});`;

const PARSE_TIMEOUT_MS = 120_000;

/**
 * hcl2json runs in WebAssembly behind a Promise API, while the check pipeline is synchronous: one
 * worker thread (started on first use, compiled once per process) parses, and the caller blocks on
 * a shared flag until the answer is on the port (`receiveMessageOnPort` reads it synchronously).
 */
class HclWorker {
  private static shared: HclWorker | undefined;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  static get(): HclWorker {
    return (HclWorker.shared ??= new HclWorker());
  }

  private constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // No piped stdio: a piped stream is a handle that would keep the process (and jest) from exiting.
    this.worker = new Worker(WORKER, { eval: true, workerData: { hcl: require.resolve('@cdktn/hcl2json'), port: port2, flag: this.flag }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => {
      HclWorker.shared = undefined;
    });
  }

  /** Results for a prefix of `files` (all of them unless the parser died on the last one), or undefined on a timeout. */
  parse(files: ReadonlyArray<{ name: string; text: string }>): { out: Array<{ json?: Obj; error?: string }>; dead: boolean } | undefined {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(files);
    if (Atomics.wait(this.flag, 0, 0, PARSE_TIMEOUT_MS) === 'timed-out') {
      this.discard();
      return undefined;
    }
    const msg = receiveMessageOnPort(this.port);
    const answer = msg?.message as { out: Array<{ json?: Obj; error?: string }>; dead: boolean } | undefined;
    if (!answer || answer.dead) this.discard();
    return answer;
  }

  private discard(): void {
    void this.worker.terminate();
    if (HclWorker.shared === this) HclWorker.shared = undefined;
  }
}

/**
 * Parse HCL texts (`*.tf` path and text) with hcl2json. Every file gets its parse tree or a
 * one-line error; throws an InputError only when the parser itself failed or timed out.
 */
export function parseHclFiles(files: readonly SourceFile[]): Array<{ json?: Obj; error?: string }> {
  // The same file is often parsed twice in a run (the locals index of a plan's source and its
  // evaluation): answered once; only files not seen before go to the parser.
  const keys = files.map((f) => `${f.path}\0${f.text}`);
  const out = keys.map((k) => PARSED.get(k));
  const missing = files.filter((_, i) => out[i] === undefined);
  if (missing.length) {
    const parsed = parseHclUncached(missing);
    let next = 0;
    keys.forEach((k, i) => {
      if (out[i] !== undefined) return;
      out[i] = parsed[next++];
      remember(k, out[i]!);
    });
  }
  return out as Array<{ json?: Obj; error?: string }>;
}

// Parsed files, most recent last; bounded by the characters of source they hold.
const PARSED = new Map<string, { json?: Obj; error?: string }>();
let parsedChars = 0;
const MAX_PARSED_CHARS = 64 * 1024 * 1024;
function remember(key: string, r: { json?: Obj; error?: string }): void {
  if (PARSED.has(key) || key.length > MAX_PARSED_CHARS) return;
  PARSED.set(key, r);
  parsedChars += key.length;
  for (const [k] of PARSED) {
    if (parsedChars <= MAX_PARSED_CHARS) break;
    PARSED.delete(k);
    parsedChars -= k.length;
  }
}

/**
 * One worker thread for the run parses. A file that makes the parser panic gets an error and a
 * fresh worker parses the files after it; each round consumes at least one file, so this ends.
 */
function parseHclUncached(files: readonly SourceFile[]): Array<{ json?: Obj; error?: string }> {
  const results: Array<{ json?: Obj; error?: string }> = [];
  let rest = files.map((f) => ({ name: path.basename(f.path), text: f.text }));
  while (rest.length) {
    const answer = HclWorker.get().parse(rest);
    if (!answer || !answer.out.length || answer.out.length > rest.length || (!answer.dead && answer.out.length !== rest.length)) {
      throw new InputError(`${path.dirname(files[0].path)}: the Terraform files could not be parsed (HCL parser failed or timed out)`);
    }
    results.push(...answer.out);
    rest = rest.slice(answer.out.length);
  }
  return results;
}

/** Lines where `resource "T" "N"`, `data "T" "N"` and `module "N"` blocks open (1-based). */
function blockLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const l = text.slice(start, i);
      const m = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"/.exec(l) ?? /^\s*(module)\s+"([^"]+)"/.exec(l);
      if (m) {
        const key = m[1] === 'module' ? `module.${m[2]}` : `${m[1]}.${m[2]}.${m[3]}`;
        if (!out.has(key)) out.set(key, line);
      }
      line++;
      start = i + 1;
    }
  }
  return out;
}

/**
 * The position and summary of the parser's first diagnostic (`line 2: Invalid expression`); its
 * detail text can quote the file, which may hold a secret, so it is never shown.
 */
function diagnostic(error: string | undefined): string {
  const m = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([A-Za-z][A-Za-z ,'-]{0,80});/.exec(error ?? '');
  return m ? ` (line ${m[1]}: ${m[2]})` : '';
}

/** Read and merge one module directory. */
export function readModuleDir(dir: string, limits: ReadLimits): ModuleSource {
  const paths = terraformFiles(dir);
  if (paths.length > limits.maxFiles) throw new InputError(`${dir}: ${paths.length} Terraform files is over the limit of ${limits.maxFiles}`);
  const files = paths.map((p) => ({ path: p, text: readSource(p, limits) }));
  const hclFiles = files.filter((f) => f.path.endsWith('.tf'));
  const parsed = parseHclFiles(hclFiles);
  const docs: Array<{ file: SourceFile; doc: Obj; json: boolean }> = [];
  hclFiles.forEach((f, i) => {
    const r = parsed[i];
    if (!r || r.error || !isObj(r.json)) throw new InputError(`${f.path}: not valid HCL${diagnostic(r?.error)}`);
    docs.push({ file: f, doc: r.json, json: false });
  });
  for (const f of files) {
    if (!f.path.endsWith('.tf.json')) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(f.text);
    } catch {
      throw new InputError(`${f.path}: not valid JSON`);
    }
    if (!isObj(doc)) throw new InputError(`${f.path}: not a Terraform JSON configuration`);
    docs.push({ file: f, doc, json: true });
  }
  docs.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));

  const config: ModuleSource['config'] = { variable: new Map(), locals: new Map(), resource: new Map(), data: new Map(), module: new Map(), output: new Map(), provider: [] };
  for (const { file, doc, json } of docs) {
    const lines = json ? new Map<string, number>() : blockLines(file.text);
    const at = (key: string): BlockLocation => ({ file: file.path, line: lines.get(key) ?? 1 });
    for (const [name, v] of Object.entries(isObj(doc.variable) ? doc.variable : {})) config.variable.set(name, asList(v)[0] ?? {});
    for (const block of asList(doc.locals)) for (const [k, v] of Object.entries(block)) config.locals.set(k, v);
    for (const mode of ['resource', 'data'] as const) {
      const section = doc[mode];
      if (!isObj(section)) continue;
      for (const [type, byName] of Object.entries(section)) {
        if (!isObj(byName)) continue;
        for (const [name, body] of Object.entries(byName)) {
          const b = asList(body)[0];
          if (!b) continue;
          const key = `${mode}.${type}.${name}`;
          config[mode].set(mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`, { type, name, body: b, at: at(key) });
        }
      }
    }
    for (const [name, v] of Object.entries(isObj(doc.module) ? doc.module : {})) {
      const b = asList(v)[0];
      if (b) config.module.set(name, { body: b, at: at(`module.${name}`) });
    }
    for (const [name, v] of Object.entries(isObj(doc.output) ? doc.output : {})) config.output.set(name, asList(v)[0] ?? {});
    for (const [name, v] of Object.entries(isObj(doc.provider) ? doc.provider : {})) for (const b of asList(v)) config.provider.push({ name, body: b });
  }
  return { dir, files, config };
}
