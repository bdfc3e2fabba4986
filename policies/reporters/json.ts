/**
 * Machine-readable JSON report; shape published as schemas/report.schema.json.
 *
 * Rule metadata (title, citations, remediation) is written once per rule under `rules`, and each
 * finding names its rule: a 100k-resource plan has half a million findings, and repeating the
 * metadata made the report several times larger. The report is produced in chunks (one finding
 * per line inside the `findings` array), so it can be streamed to a file without first building
 * the whole document in memory.
 */
import { summarize } from '../engine/evaluate';
import { levelBasisText } from '../engine/levels';
import type { Finding } from '../engine/types';
import type { ReportOptions, Reporter, Write } from './types';

export const REPORT_SCHEMA_VERSION = '2.1.0';

type Result = Parameters<Reporter>[0];

const q = JSON.stringify;

/**
 * `JSON.stringify` of the fields that take few values in a run (rule id, severity, level,
 * status, resource type, file, unit), each quoted once. Messages and addresses are quoted afresh.
 */
function fewValues(): (s: string) => string {
  const quoted = new Map<string, string>();
  return (s) => {
    let v = quoted.get(s);
    if (v === undefined) quoted.set(s, (v = q(s)));
    return v;
  };
}

/**
 * One finding as a JSON object on one line. Written field by field (the same fields, in the
 * same order, as `JSON.stringify` of the object would give): at half a million findings, this
 * is several times faster than building and stringifying an object per finding.
 */
function findingLine(f: Finding, few: (s: string) => string): string {
  let s = `{"ruleId":${few(f.ruleId)},"strategy":${f.strategy},"severity":${few(f.severity)},"level":${few(f.level)},"status":${few(f.status)},"message":${q(f.message)},"address":${q(f.address)}`;
  if (f.resourceType) s += `,"resourceType":${few(f.resourceType)}`;
  s += `,"file":${few(f.file)},"unitId":${few(f.unitId)}`;
  if (f.stack) s += `,"stack":${few(f.stack)}`;
  if (f.constructPath) s += `,"constructPath":${q(f.constructPath)}`;
  // Written as JSON.stringify would write it (a member that is undefined is left out).
  if (f.evidence) s += f.evidence.value === undefined ? `,"evidence":${q({ attribute: f.evidence.attribute })}` : `,"evidence":{"attribute":${q(f.evidence.attribute)},"value":${q(f.evidence.value)}}`;
  if (f.waiver) s += `,"waiver":${q(f.waiver)}`;
  if (f.baseline) s += `,"baseline":${q(f.baseline)}`;
  return `${s}}`;
}

/** The report, written as a sequence of chunks whose concatenation is the JSON document. */
export function writeJsonReport(result: Result, opts: ReportOptions, write: Write): void {
  const head = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'phikit', version: opts.toolVersion, catalogueVersion: opts.catalogueVersion },
    generatedAt: (opts.generatedAt ?? result.now).toISOString(),
    inputs: result.units.map((u) => ({
      id: u.id,
      file: u.file,
      format: u.format,
      ...(u.stack ? { stack: u.stack } : {}),
      sha256: u.sha256,
      ...(u.formatVersion ? { formatVersion: u.formatVersion } : {}),
    })),
    summary: summarize(result.findings),
    rules: Object.fromEntries(
      result.rules.map((r) => [r.id, { title: r.title, strategy: r.strategy, severity: r.severity, level: r.level, levelBasis: levelBasisText(r), citations: r.citations, remediation: r.remediation }]),
    ),
  };
  const headText = JSON.stringify(head, null, 2);
  write(`${headText.slice(0, -2)},\n  "findings": [`);
  const findings = result.findings;
  const few = fewValues();
  for (let i = 0; i < findings.length; i++) write(`${i ? ',' : ''}\n    ${findingLine(findings[i], few)}`);
  const tail = {
    ...(result.resolved ? { resolved: result.resolved } : {}),
    staleWaivers: result.staleWaivers,
  };
  write(`${findings.length ? '\n  ' : ''}],\n${JSON.stringify(tail, null, 2).slice(2)}\n`);
}

export const jsonReporter: Reporter = (result, opts) => {
  const parts: string[] = [];
  writeJsonReport(result, opts, (chunk) => parts.push(chunk));
  return parts.join('');
};
