/** Published JSON Schemas, compiled once with ajv. */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';

let ajv: Ajv | undefined;

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
  }
  return ajv;
}

/** Directory holding the .schema.json files (works from sources and from dist/). */
export function schemaDir(): string {
  const candidates = [__dirname, path.join(__dirname, '..', '..', '..', 'policies', 'schemas')];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'waivers.schema.json'))) return c;
  return __dirname;
}

export function loadSchema(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(schemaDir(), file), 'utf8'));
}

const cache = new Map<string, ValidateFunction>();

export function compileSchema(file: string): ValidateFunction {
  let v = cache.get(file);
  if (!v) {
    const schema = loadSchema(file);
    const a = instance();
    const id = typeof schema.$id === 'string' ? schema.$id : undefined;
    v = (id && a.getSchema(id)) || a.compile(schema);
    cache.set(file, v);
  }
  return v;
}

/** One line describing schema errors (paths and messages only; never the offending values). */
export function schemaErrorsText(errors: ErrorObject[] | null | undefined): string {
  if (!errors || !errors.length) return 'does not match the schema';
  return errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}
