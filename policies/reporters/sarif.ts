/**
 * SARIF 2.1.0 for code-scanning UIs. Results are the findings that need attention (fail,
 * unknown, error) and waived ones (as suppressed results); passes are counted in the run
 * properties, not listed. Locations: the input file (relative, forward slashes) with a best-effort
 * line, and a logical location naming the Terraform address (and construct path).
 */
import { waiverTerms } from './escape';
import * as path from 'node:path';
import { summarize } from '../engine/evaluate';
import { sha256 } from '../model/hash';
import { Finding, Rule, STRATEGIES, Severity } from '../engine/types';
import { LineLocator } from './locate';
import { levelBasisText } from '../engine/levels';
import type { Reporter, StreamingReporter } from './types';

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** Recommended rules (phikit hardening) never show as errors: `warning` for critical/high, `note` below. */
const RECOMMENDED_LEVEL: Record<Severity, 'warning' | 'note'> = { critical: 'warning', high: 'warning', medium: 'note', low: 'note' };
const sarifLevel = (r: Pick<Rule, 'severity' | 'level'>) => (r.level === 'recommended' ? RECOMMENDED_LEVEL[r.severity] : LEVEL[r.severity]);

function pascal(id: string, title: string): string {
  const words = title.replace(/[^A-Za-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || id.replace(/-/g, '');
}

function uriOf(file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  // A lone surrogate (a manifest stack path is any JSON string) would make encodeURI throw: U+FFFD instead.
  return encodeURI(rel.split(path.sep).join('/').replace(/^\.\//, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function ruleDescriptor(r: Rule) {
  const cites = r.citations.join(', ');
  return {
    id: r.id,
    name: pascal(r.id, r.title),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale },
    help: {
      text: `${r.title}\nLevel: ${r.level} (${levelBasisText(r)})\nHIPAA Security Rule: 45 CFR ${cites}\nStrategy ${r.strategy}: ${STRATEGIES[r.strategy]}\nRemediation: ${r.remediation}`,
      markdown: `**${r.title}**\n\nLevel: **${r.level}** (${levelBasisText(r)})  \nHIPAA Security Rule: 45 CFR ${cites}  \nStrategy ${r.strategy}: ${STRATEGIES[r.strategy]}\n\n${r.rationale}\n\n**Remediation:** ${r.remediation}`,
    },
    defaultConfiguration: { level: sarifLevel(r) },
    properties: {
      tags: ['security', 'hipaa', r.level, `strategy-${r.strategy}`, ...r.citations.map((c) => `45CFR${c}`)],
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: 'high',
      'problem.severity': r.level === 'recommended' || r.severity === 'low' ? 'recommendation' : r.severity === 'medium' ? 'warning' : 'error',
      level: r.level,
      levelBasis: levelBasisText(r),
      control: r.control,
      strategy: r.strategy,
      citations: [...r.citations],
    },
  };
}

const q = JSON.stringify;

function fingerprint(f: Finding): string {
  return sha256(`${f.file}\u0000${f.address}\u0000${f.ruleId}`);
}

/**
 * The SARIF log, written in chunks: the document around `results` (indented), then one result
 * per line. Line numbers come from one index per input file (see LineLocator), so the report is
 * linear in findings and input.
 */
export const writeSarifReport: StreamingReporter = (result, opts, write) => {
  const locator = new LineLocator(result.units.filter((u) => u.oneLine).map((u) => u.file));
  const ruleIndex = new Map(result.rules.map((r, i) => [r.id, i]));
  // uriOf (path.relative, a surrogate scan, encodeURI) once per file, not once per finding.
  const uris = new Map<string, string>();
  const uri = (file: string) => {
    let u = uris.get(file);
    if (u === undefined) uris.set(file, (u = uriOf(file)));
    return u;
  };
  /**
   * One result on one line (compact JSON), like the findings of the JSON report: at a hundred
   * thousand results an indented result was three times the bytes to write, for no reader.
   */
  const resultText = (f: Finding): string => {
    const idx = ruleIndex.get(f.ruleId) ?? 0;
    const rule = result.rules[idx];
    const level = f.status === 'error' ? 'error' : f.status === 'unknown' ? 'note' : f.status === 'not_assessed' ? 'none' : sarifLevel(f);
    const kind = f.status === 'unknown' ? 'review' : f.status === 'not_assessed' ? 'open' : 'fail';
    const text = `${f.address}${f.stack ? ` [stack ${f.stack}]` : ''}: ${f.message}${f.evidence ? ` (${f.evidence.attribute} = ${f.evidence.value})` : ''}. HIPAA 45 CFR ${f.citations.join(', ')}. ${f.level === 'recommended' ? 'Recommended (phikit hardening beyond the HIPAA baseline). ' : ''}${f.status === 'unknown' ? 'Known only after apply; re-check the plan or use --strict. ' : ''}${f.status === 'not_assessed' ? 'Not assessed on these inputs; fails with --strict. ' : ''}Fix: ${rule?.remediation ?? f.remediation}`;
    const logical = [{ fullyQualifiedName: f.address, name: f.address.split('.').pop(), kind: f.address.startsWith('(') ? 'module' : 'resource' }];
    if (f.constructPath) logical.push({ fullyQualifiedName: f.constructPath, name: f.constructPath.split('/').pop(), kind: 'object' });
    return q({
      ruleId: f.ruleId,
      ruleIndex: idx,
      level,
      kind,
      message: { text },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: uri(f.file), uriBaseId: 'SRCROOT' }, region: { startLine: f.line ?? locator.line(f.file, f.address, f.resourceType) } },
          logicalLocations: logical,
        },
      ],
      partialFingerprints: { 'phikit/v1': fingerprint(f) },
      // Only a waiver that applies suppresses: an expired one leaves the result open.
      suppressions: f.waiver && f.status === 'waived' ? [{ kind: f.waiver.source === 'inline' ? 'inSource' : 'external', status: 'accepted', justification: `${f.waiver.reason} (${waiverTerms(f.waiver)})` }] : undefined,
      properties: { status: f.status, level: f.level, strategy: f.strategy, citations: f.citations, stack: f.stack || undefined, constructPath: f.constructPath || undefined, baseline: f.baseline || undefined },
    });
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phikit',
            version: opts.toolVersion,
            semanticVersion: opts.toolVersion,
            organization: 'phikit',
            fullName: `phikit HIPAA policy checker (catalogue ${opts.catalogueVersion})`,
            rules: result.rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `file://${process.cwd().split(path.sep).join('/').replace(/\/?$/, '/')}` } },
        automationDetails: { id: `phikit/${opts.catalogueVersion}/` },
        invocations: [{ executionSuccessful: !result.findings.some((f) => f.status === 'error'), endTimeUtc: (opts.generatedAt ?? result.now).toISOString() }],
        artifacts: result.units.map((u) => ({
          location: { uri: uriOf(u.file), uriBaseId: 'SRCROOT' },
          hashes: { 'sha-256': u.sha256 },
          ...(u.format === 'plan' ? { description: { text: `Terraform plan JSON (format ${u.formatVersion ?? '?'})` } } : { description: { text: `Terraform JSON configuration${u.stack ? ` (cdktf stack ${u.stack})` : ''}` } }),
        })),
        results: [] as unknown[],
        properties: { summary: summarize(result.findings, result.passCounts) },
      },
    ],
  };
  // The run's `results` member, 6 spaces deep (a quote inside a string is escaped, so no string
  // matches); the results themselves sit 8 spaces deep.
  const text = JSON.stringify(log, null, 2);
  const at = text.indexOf('\n      "results": []') + 7;
  write(text.slice(0, at + '"results": ['.length));
  let n = 0;
  for (const f of result.findings) {
    if (f.status === 'pass') continue;
    write(`${n++ ? ',' : ''}\n        ${resultText(f)}`);
  }
  write(`${n ? '\n      ' : ''}${text.slice(at + '"results": ['.length)}\n`);
};

export const sarifReporter: Reporter = (result, opts) => {
  const parts: string[] = [];
  writeSarifReport(result, opts, (chunk) => parts.push(chunk));
  return parts.join('');
};
