/**
 * Terraform source beside a plan: the `locals` of every module, so joins that plan JSON loses
 * (`vpc_id = local.vpc_id`, a local that is a conditional, `try()` or `coalesce` of references,
 * a module output that is a local) can be followed.
 *
 * Only what joins need is kept: for each module (keyed by its configuration path without
 * instance keys, as in plan `configuration`: '', `module.a`, `module.a.module.b`) and each local,
 * the references its expression names. No literal value of the source is kept, so nothing from
 * it (a secret in a local, say) can reach a report.
 *
 * Where module directories come from: `module` blocks of the root's source with a local `source`
 * (`./x`, `../x`, resolved against the caller's directory), and `.terraform/modules/modules.json`
 * (`Key` → `Dir`, written by `terraform init`, for registry and git modules). Bounded: only
 * `*.tf` and `*.tf.json` files, size and count budgets, no symlink (file or module directory) whose
 * real path leads out of the root (a file may also stay within its module's directory); a file that cannot be read or parsed makes its module's source ignored, with
 * a warning, never an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasTerraformFiles, parseHclFiles } from '../source/parse';
import { UsageError } from './errors';
import { interpolations, referencesIn } from './values';

/** The references of each local of one module. */
export interface SourceModule {
  /** Directory the module was read from. */
  readonly dir: string;
  /** local name → references its expression names (relative to this module). */
  readonly locals: ReadonlyMap<string, readonly string[]>;
}

export interface SourceIndex {
  /** Root module directory. */
  readonly root: string;
  /** Module configuration path ('' = root) → its locals. Absent = no usable source for it. */
  readonly modules: ReadonlyMap<string, SourceModule>;
  /** Files or modules that were skipped, and why (one line each, no file content). */
  readonly warnings: readonly string[];
}

export interface SourceBudget {
  /** Largest source file read (default 2 MiB). */
  readonly maxFileBytes?: number;
  /** Most files read over all modules (default 5000). */
  readonly maxFiles?: number;
  /** Most bytes read over all modules (default 64 MiB). */
  readonly maxTotalBytes?: number;
  /** Most modules followed (default 1000). */
  readonly maxModules?: number;
  /** Deepest module nesting followed (default 32). */
  readonly maxDepth?: number;
}

const DEFAULTS = { maxFileBytes: 2 * 1024 * 1024, maxFiles: 5000, maxTotalBytes: 64 * 1024 * 1024, maxModules: 1000, maxDepth: 32 };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);


/** A real path inside `root` (or `root` itself)? */
function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** `.terraform/modules/modules.json`: module key (`a.b`) → directory (real path inside the root). */
function readModulesJson(root: string, warnings: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const file = path.join(root, '.terraform', 'modules', 'modules.json');
  let text: string;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > DEFAULTS.maxFileBytes) {
      warnings.push(`${file}: not a regular file or too large, ignored`);
      return out;
    }
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    warnings.push(`${file}: not valid JSON, ignored`);
    return out;
  }
  const mods = isObj(doc) ? doc.Modules : undefined;
  if (!Array.isArray(mods)) return out;
  for (const m of mods) {
    if (!isObj(m) || typeof m.Key !== 'string' || typeof m.Dir !== 'string' || m.Key === '') continue;
    const real = realInside(root, path.resolve(root, m.Dir));
    if (real) out.set(m.Key, real);
  }
  return out;
}

/**
 * The directory a local module `source` names (`lexical`, resolved against the caller's real
 * directory): read where the configuration points, as Terraform does (`../../modules/x` of a
 * monorepo included), but not through a symlink that leads out of the root.
 */
function moduleDir(root: string, lexical: string): string | undefined {
  try {
    const real = fs.realpathSync(lexical);
    if (!fs.statSync(real).isDirectory()) return undefined;
    return inside(root, real) || real === path.resolve(lexical) ? real : undefined;
  } catch {
    return undefined;
  }
}

function realInside(root: string, p: string): string | undefined {
  try {
    const real = fs.realpathSync(p);
    return inside(root, real) && fs.statSync(real).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** References named by every `${…}` of every string under `v` (a local's value in Terraform JSON form). */
function refsOf(v: unknown, out: Set<string>, depth: number): void {
  if (depth > 64) return;
  if (typeof v === 'string') {
    for (const part of interpolations(v) ?? []) for (const r of referencesIn(part)) out.add(r);
  } else if (Array.isArray(v)) {
    for (const x of v) refsOf(x, out, depth + 1);
  } else if (isObj(v)) {
    for (const k of Object.keys(v)) refsOf(v[k], out, depth + 1);
  }
}

/** Terraform JSON blocks come as an object or (from HCL) a list of objects. */
const blocksOf = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : isObj(v) ? [v] : []);

interface ParsedModule {
  readonly locals: Map<string, string[]>;
  /** module call name → its `source`, as written. */
  readonly calls: Map<string, string>;
}

class Reader {
  private files = 0;
  private bytes = 0;
  private stopped = false;

  constructor(
    private readonly root: string,
    private readonly budget: Required<SourceBudget>,
    readonly warnings: string[],
  ) {}

  /** Parse every `*.tf` / `*.tf.json` file of one module directory; undefined = unusable. */
  async module(dir: string): Promise<ParsedModule | undefined> {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json')).sort();
    } catch {
      this.warnings.push(`${dir}: cannot be read, its source is ignored`);
      return undefined;
    }
    const out: ParsedModule = { locals: new Map(), calls: new Map() };
    const texts: Array<{ path: string; text: string }> = [];
    for (const name of names) {
      const file = path.join(dir, name);
      const text = this.read(file, dir);
      if (text === undefined) return undefined;
      texts.push({ path: file, text });
    }
    // HCL through the run's one parser worker (source/parse.ts), shared with source evaluation.
    const hclTexts = texts.filter((t) => t.path.endsWith('.tf'));
    let trees: Array<{ json?: Obj; error?: string }>;
    try {
      trees = parseHclFiles(hclTexts);
    } catch {
      this.warnings.push(`${dir}: the HCL parser failed, the source of this module is ignored`);
      return undefined;
    }
    const treeOf = new Map(hclTexts.map((t, i) => [t.path, trees[i]]));
    for (const { path: file, text } of texts) {
      const name = path.basename(file);
      let doc: unknown;
      try {
        if (name.endsWith('.tf.json')) doc = JSON.parse(text);
        else {
          const tree = treeOf.get(file);
          if (!tree || tree.error !== undefined || !isObj(tree.json)) throw new Error('not HCL');
          doc = tree.json;
        }
      } catch {
        this.warnings.push(`${file}: not valid ${name.endsWith('.json') ? 'Terraform JSON' : 'HCL'}, the source of its module is ignored`);
        return undefined;
      }
      if (!isObj(doc)) continue;
      for (const block of blocksOf(doc.locals)) {
        for (const [k, v] of Object.entries(block)) {
          if (k === '//') continue;
          const refs = new Set<string>();
          refsOf(v, refs, 0);
          out.locals.set(k, [...refs]);
        }
      }
      const modules = doc.module;
      if (isObj(modules)) {
        for (const [callName, body] of Object.entries(modules)) {
          const src = blocksOf(body)[0]?.source;
          if (typeof src === 'string') out.calls.set(callName, src);
        }
      }
    }
    return out;
  }

  /** A file of the module in `dir`: a symlink may point anywhere in the root or in the module's own directory, nowhere else. */
  private read(file: string, dir: string): string | undefined {
    if (this.stopped) return undefined;
    let st: fs.Stats;
    let real: string;
    try {
      st = fs.lstatSync(file);
      real = fs.realpathSync(file);
    } catch {
      this.warnings.push(`${file}: cannot be read, the source of its module is ignored`);
      return undefined;
    }
    if (!inside(this.root, real) && !inside(dir, real)) {
      this.warnings.push(`${file}: links outside the source directory ${this.root} and its module's directory, the source of its module is ignored`);
      return undefined;
    }
    const size = st.isSymbolicLink() ? fs.statSync(real).size : st.size;
    if (size > this.budget.maxFileBytes) {
      this.warnings.push(`${file}: ${size} bytes is over the source file budget of ${this.budget.maxFileBytes} bytes, the source of its module is ignored`);
      return undefined;
    }
    if (++this.files > this.budget.maxFiles || (this.bytes += size) > this.budget.maxTotalBytes) {
      this.stopped = true;
      this.warnings.push(`${this.root}: over the source budget (${this.budget.maxFiles} files, ${this.budget.maxTotalBytes} bytes); the remaining modules' source is not read`);
      return undefined;
    }
    try {
      return fs.readFileSync(real, 'utf8');
    } catch {
      this.warnings.push(`${file}: cannot be read, the source of its module is ignored`);
      return undefined;
    }
  }
}

const isLocalSource = (s: string) => s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';

/**
 * Read the Terraform source of a root module directory and of the modules it calls. Never
 * throws for a bad file or directory: what cannot be read is left out and named in `warnings`.
 */
export async function loadTerraformSource(rootDir: string, budget: SourceBudget = {}): Promise<SourceIndex> {
  const b: Required<SourceBudget> = { ...DEFAULTS, ...budget };
  const warnings: string[] = [];
  const modules = new Map<string, SourceModule>();
  let root: string;
  try {
    root = fs.realpathSync(rootDir);
    if (!fs.statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    return { root: rootDir, modules, warnings: [`${rootDir}: not a readable directory, no Terraform source is used`] };
  }
  const reader = new Reader(root, b, warnings);
  const keyed = readModulesJson(root, warnings);
  // Breadth first: (configuration path, module key as in modules.json, directory, depth).
  const queue: Array<{ cfg: string; key: string; dir: string; depth: number }> = [{ cfg: '', key: '', dir: root, depth: 0 }];
  // A module called many times (for_each over module calls, the same source twice) is parsed once.
  const parsedByDir = new Map<string, Promise<ParsedModule | undefined>>();
  let seen = 0;
  while (queue.length) {
    const item = queue.shift()!;
    if (++seen > b.maxModules) {
      warnings.push(`${root}: more than ${b.maxModules} module calls; the rest are not read`);
      break;
    }
    let pending = parsedByDir.get(item.dir);
    if (!pending) parsedByDir.set(item.dir, (pending = reader.module(item.dir)));
    const parsed = await pending;
    if (!parsed) continue;
    modules.set(item.cfg, { dir: item.dir, locals: parsed.locals });
    if (item.depth >= b.maxDepth) continue;
    for (const [name, src] of parsed.calls) {
      const key = item.key ? `${item.key}.${name}` : name;
      const cfg = item.cfg ? `${item.cfg}.module.${name}` : `module.${name}`;
      const dir = keyed.get(key) ?? (isLocalSource(src) ? moduleDir(root, path.resolve(item.dir, src)) : undefined);
      if (!dir) {
        warnings.push(`${cfg}: source ${isLocalSource(src) ? 'is missing or a symlink out of the source directory' : 'is not a local path and is not in .terraform/modules/modules.json (run terraform init)'}; its locals are not followed`);
        continue;
      }
      queue.push({ cfg, key, dir, depth: item.depth + 1 });
    }
  }
  return { root, modules, warnings };
}

/** Terraform source per input path (as given), for the plan inputs that have some. */
export type SourceSet = ReadonlyMap<string, SourceIndex>;

/**
 * The Terraform source for each input: `dirs` (`--source`) when given — one directory for every
 * input, or one per input in order — otherwise the directory of each input file when it holds
 * `*.tf` / `*.tf.json` files. Directories given explicitly must exist (a usage error otherwise);
 * anything else that cannot be read only adds warnings.
 */
export async function loadSources(inputs: readonly string[], dirs?: readonly string[], budget?: SourceBudget): Promise<SourceSet> {
  const out = new Map<string, SourceIndex>();
  const byDir = new Map<string, Promise<SourceIndex>>();
  const load = (dir: string) => {
    const key = path.resolve(dir);
    let p = byDir.get(key);
    if (!p) byDir.set(key, (p = loadTerraformSource(dir, budget)));
    return p;
  };
  if (dirs && dirs.length) {
    if (dirs.length !== 1 && dirs.length !== inputs.length) throw new UsageError(`--source: give one directory, or one per input (${inputs.length})`);
    for (const d of dirs) if (!statIs(d, 'dir')) throw new UsageError(`--source: ${d} is not a directory`);
    for (let i = 0; i < inputs.length; i++) out.set(inputs[i], await load(dirs.length === 1 ? dirs[0] : dirs[i]));
    return out;
  }
  for (const input of inputs) {
    const dir = path.dirname(input);
    if (statIs(input, 'file') && hasTerraformFiles(dir)) out.set(input, await load(dir));
  }
  return out;
}

function statIs(p: string, kind: 'file' | 'dir'): boolean {
  try {
    const st = fs.statSync(p);
    return kind === 'file' ? st.isFile() : st.isDirectory();
  } catch {
    return false;
  }
}
