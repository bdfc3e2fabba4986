/**
 * SARIF 2.1.0 for code-scanning UIs. Results are the findings that need attention (fail,
 * unknown, error) and waived ones (as suppressed results); passes are counted in the run
 * properties, not listed. Locations: the input file (relative, forward slashes) with a best-effort
 * line, and a logical location naming the Terraform address (and construct path).
 */
import { waiverTerms } from './escape';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { summarize } from '../engine/evaluate';
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

/** `JSON.stringify(v, null, 2)` with every line after the first starting with `nl` (a newline and the indentation) instead of a bare newline. */
function indented(v: unknown, nl: string): string {
  return JSON.stringify(v, null, 2).replace(/\n/g, nl);
}

/** One logical location (as in {@link indented}, inside `logicalLocations` of a result's location). */
function logicalText(fullyQualifiedName: string, name: string | undefined, kind: string): string {
  const I = '\n                ';
  return `${I}{${I}  "fullyQualifiedName": ${q(fullyQualifiedName)},${name === undefined ? '' : `${I}  "name": ${q(name)},`}${I}  "kind": ${q(kind)}${I}}`;
}

function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.file}\u0000${f.address}\u0000${f.ruleId}`).digest('hex');
}

/**
 * The SARIF log, written in chunks: the document around `results`, then one result at a time
 * (the same text as `JSON.stringify(log, null, 2)` of the whole log). Line numbers come from one
 * index per input file (see LineLocator), so the report is linear in findings and input.
 */
export const writeSarifReport: StreamingReporter = (result, opts, write) => {
  const locator = new LineLocator();
  const ruleIndex = new Map(result.rules.map((r, i) => [r.id, i]));
  // uriOf (path.relative, a surrogate scan, encodeURI) once per file, not once per finding.
  const uris = new Map<string, string>();
  const uri = (file: string) => {
    let u = uris.get(file);
    if (u === undefined) uris.set(file, (u = uriOf(file)));
    return u;
  };
  /**
   * One result as the text `JSON.stringify(result, null, 2)` gives, every line indented 8 more
   * spaces (its place in the log), written field by field: at tens of thousands of results,
   * building an object per result, stringifying it and re-indenting the text cost more than
   * the rest of the report.
   */
  const resultText = (f: Finding): string => {
    const idx = ruleIndex.get(f.ruleId) ?? 0;
    const rule = result.rules[idx];
    const level = f.status === 'error' ? 'error' : f.status === 'unknown' ? 'note' : f.status === 'not_assessed' ? 'none' : sarifLevel(f);
    const kind = f.status === 'unknown' ? 'review' : f.status === 'not_assessed' ? 'open' : 'fail';
    const text = `${f.address}${f.stack ? ` [stack ${f.stack}]` : ''}: ${f.message}${f.evidence ? ` (${f.evidence.attribute} = ${f.evidence.value})` : ''}. HIPAA 45 CFR ${f.citations.join(', ')}. ${f.level === 'recommended' ? 'Recommended (phikit hardening beyond the HIPAA baseline). ' : ''}${f.status === 'unknown' ? 'Known only after apply; re-check the plan or use --strict. ' : ''}${f.status === 'not_assessed' ? 'Not assessed on these inputs; fails with --strict. ' : ''}Fix: ${rule?.remediation ?? f.remediation}`;
    const I = '\n        ';
    let s = `{${I}  "ruleId": ${q(f.ruleId)},${I}  "ruleIndex": ${idx},${I}  "level": ${q(level)},${I}  "kind": ${q(kind)},${I}  "message": {${I}    "text": ${q(text)}${I}  },`;
    s += `${I}  "locations": [${I}    {${I}      "physicalLocation": {${I}        "artifactLocation": {${I}          "uri": ${q(uri(f.file))},${I}          "uriBaseId": "SRCROOT"${I}        },`;
    s += `${I}        "region": {${I}          "startLine": ${q(f.line ?? locator.line(f.file, f.address, f.resourceType))}${I}        }${I}      },${I}      "logicalLocations": [`;
    s += logicalText(f.address, f.address.split('.').pop(), f.address.startsWith('(') ? 'module' : 'resource');
    if (f.constructPath) s += `,${logicalText(f.constructPath, f.constructPath.split('/').pop(), 'object')}`;
    s += `${I}      ]${I}    }${I}  ],${I}  "partialFingerprints": {${I}    "phikit/v1": ${q(fingerprint(f))}${I}  },`;
    // Only a waiver that applies suppresses: an expired one leaves the result open.
    if (f.waiver && f.status === 'waived') {
      const sup = [{ kind: f.waiver.source === 'inline' ? 'inSource' : 'external', status: 'accepted', justification: `${f.waiver.reason} (${waiverTerms(f.waiver)})` }];
      s += `${I}  "suppressions": ${indented(sup, `${I}  `)},`;
    }
    s += `${I}  "properties": {${I}    "status": ${q(f.status)},${I}    "level": ${q(f.level)},${I}    "strategy": ${q(f.strategy)},${I}    "citations": ${indented([...f.citations], `${I}    `)}`;
    if (f.stack) s += `,${I}    "stack": ${q(f.stack)}`;
    if (f.constructPath) s += `,${I}    "constructPath": ${q(f.constructPath)}`;
    if (f.baseline) s += `,${I}    "baseline": ${q(f.baseline)}`;
    return `${s}${I}  }${I}}`;
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
