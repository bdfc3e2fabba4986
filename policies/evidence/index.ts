/**
 * Organizational evidence: JSON files in an evidence directory (`phikit check --evidence DIR`),
 * each validated with ajv against its published schema (policies/schemas/evidence/). Evidence
 * rules read the parsed files from `ctx.evidence`; a missing, invalid or stale file is a failing
 * finding that names the file to add or refresh — never a pass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckContext, EvidenceSet, Verdict } from '../engine/types';
import { InputError } from '../model/errors';
import { ReadOptions, readInputFile } from '../model/input-file';
import { compileSchema, schemaErrorsText } from '../schemas';
import { PLACEHOLDER } from './templates';

export interface EvidenceKind {
  readonly file: string;
  readonly title: string;
  /** What the file proves, for remediation messages. */
  readonly purpose: string;
}

export const EVIDENCE_FILES: readonly EvidenceKind[] = [
  { file: 'training.json', title: 'Security-awareness training records', purpose: 'HIPAA training completion per workforce member with PHI access' },
  { file: 'security-reminders.json', title: 'Security reminders log', purpose: 'security reminders sent to the workforce' },
  { file: 'risk-assessment.json', title: 'Risk assessments and penetration tests', purpose: 'independent risk assessment and penetration test reports' },
  { file: 'incident-response.json', title: 'Incident-response plan', purpose: 'the incident-response plan, contacts and last tabletop exercise' },
  { file: 'dr-test.json', title: 'Disaster-recovery restore tests', purpose: 'restore tests per PHI data-store type' },
  { file: 'baa-register.json', title: 'Business associate agreement register', purpose: 'executed BAAs for every external AWS account' },
  { file: 'security-official.json', title: 'Assigned security official', purpose: 'the assigned security official' },
  { file: 'addressable-decisions.json', title: 'Addressable specification decisions', purpose: 'the decision for each Addressable implementation specification' },
];

const schemaOf = (file: string) => `evidence/${file.replace(/\.json$/, '')}.schema.json`;

function validateInto(files: Map<string, { data?: unknown; error?: string; path: string }>, name: string, data: unknown, where: string): void {
  const validate = compileSchema(schemaOf(name));
  if (validate(data)) files.set(name, { data, path: where });
  else files.set(name, { error: `${where} does not match ${schemaOf(name)}: ${schemaErrorsText(validate.errors)}`, path: where });
}

/** Read and validate every known evidence file in `dir`. Unknown files are ignored. */
export function loadEvidence(dir: string, opts: ReadOptions = {}): EvidenceSet {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new InputError(`${dir}: evidence directory does not exist (phikit evidence init ${dir} writes templates)`);
  }
  if (!st.isDirectory()) throw new InputError(`${dir}: --evidence needs a directory`);
  const files = new Map<string, { data?: unknown; error?: string; path: string }>();
  for (const kind of EVIDENCE_FILES) {
    const p = path.join(dir, kind.file);
    if (!fs.existsSync(p)) continue;
    // Same rules as every input: a regular file within the size limit (a FIFO or device is refused).
    const text = readInputFile(p, { ...opts, what: 'evidence file' });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      files.set(kind.file, { error: `${p} is not valid JSON`, path: p });
      continue;
    }
    validateInto(files, kind.file, data, p);
  }
  return { dir, files };
}

/** Evidence given as objects (library use and tests), validated the same way. */
export function evidenceFromObjects(objects: Readonly<Record<string, unknown>>, dir = 'evidence'): EvidenceSet {
  const files = new Map<string, { data?: unknown; error?: string; path: string }>();
  for (const [name, data] of Object.entries(objects)) {
    if (!EVIDENCE_FILES.some((k) => k.file === name)) continue;
    validateInto(files, name, data, `${dir}/${name}`);
  }
  return { dir, files };
}

/** The parsed file, or a failing verdict saying which file to add or fix. */
export function evidenceFile<T>(ctx: CheckContext, file: string): { data: T; path: string } | Verdict {
  const kind = EVIDENCE_FILES.find((k) => k.file === file);
  const entry = ctx.evidence.files.get(file);
  const where = path.join(ctx.evidence.dir ?? 'evidence', file);
  if (!entry) {
    return {
      status: 'fail',
      message: `missing evidence: add ${where} (${kind?.purpose ?? file}); \`phikit evidence init DIR\` writes a template${ctx.evidence.dir ? '' : ', then pass --evidence DIR'}`,
      evidence: { attribute: file, value: '(missing)' },
      evidenceFile: where,
    };
  }
  if (entry.error !== undefined) return { status: 'fail', message: `invalid evidence: ${entry.error}`, evidence: { attribute: file, value: '(invalid)' }, evidenceFile: entry.path };
  const left = placeholderIn(entry.data);
  if (left !== undefined) {
    return {
      status: 'fail',
      message: `unfilled evidence template: ${entry.path} still has the placeholder at ${left || '(top level)'}; replace the example values with your own and delete that "$comment"`,
      evidence: { attribute: `${file}${left ? `#${left}` : ''}`, value: '(placeholder)' },
      evidenceFile: entry.path,
    };
  }
  return { data: entry.data as T, path: entry.path };
}

/** JSON path of the first `$comment` starting with PLACEHOLDER (template values not yet replaced). */
function placeholderIn(data: unknown, at = '', depth = 0): string | undefined {
  if (depth > 8 || typeof data !== 'object' || data === null) return undefined;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const p = placeholderIn(data[i], `${at}[${i}]`, depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  const o = data as Record<string, unknown>;
  if (typeof o.$comment === 'string' && o.$comment.startsWith(PLACEHOLDER)) return at;
  for (const k of Object.keys(o)) {
    if (k === '$comment') continue;
    const p = placeholderIn(o[k], at ? `${at}.${k}` : k, depth + 1);
    if (p !== undefined) return p;
  }
  return undefined;
}

export const isVerdict = (x: unknown): x is Verdict => typeof x === 'object' && x !== null && 'status' in x && 'message' in x;

const DAY = 86_400_000;

/** Days from an ISO date (YYYY-MM-DD) to `now`, or undefined when not a date. */
export function ageInDays(date: string, now: Date): number | undefined {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isNaN(t) ? undefined : Math.floor((now.getTime() - t) / DAY);
}

/** The date `days` after an ISO date, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + days * DAY).toISOString().slice(0, 10);
}

/** Latest ISO date of a list (YYYY-MM-DD sorts as text). */
export function latest(dates: readonly string[]): string | undefined {
  return dates.length ? [...dates].sort().pop() : undefined;
}

/** Pass when `date` is at most `maxDays` old; otherwise fail naming the day it expired. */
export function recency(date: string | undefined, maxDays: number, what: string, file: string, now: Date, attribute: string): Verdict {
  if (!date) return { status: 'fail', message: `${file} records no ${what}`, evidence: { attribute, value: '(none)' }, evidenceFile: file };
  const age = ageInDays(date, now);
  if (age === undefined) return { status: 'fail', message: `${file}: ${attribute} is not a date`, evidence: { attribute, value: date }, evidenceFile: file };
  if (age > maxDays) {
    return { status: 'fail', message: `${what} is out of date: last on ${date}, expired on ${addDays(date, maxDays)} (limit ${maxDays} days)`, evidence: { attribute, value: date }, evidenceFile: file };
  }
  return { status: 'pass', message: `${what} on ${date} (${age} days ago, limit ${maxDays})`, evidence: { attribute, value: date }, evidenceFile: file };
}
