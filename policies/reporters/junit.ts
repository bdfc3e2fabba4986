/**
 * JUnit XML: one test suite per strategy, one test case per rule × resource.
 * fail → <failure> (a recommended rule's failure only when it gates, `--level recommended`;
 * otherwise <skipped> marked "recommended"), error → <error>, waived/unknown/not assessed →
 * <skipped> with the reason, pass → empty case.
 */
import { levelGates } from '../engine/levels';
import { Finding, Level, STRATEGIES, Strategy } from '../engine/types';
import type { Reporter, StreamingReporter } from './types';

/** Escape text for XML 1.0 (and drop characters XML 1.0 cannot carry). */
export function xml(s: string): string {
  // Most text needs nothing: one scan tells.
  if (!NEEDS_XML_WORK.test(s)) return s;
  const kept = NOT_XML.test(s) ? s.replace(NOT_XML_ALL, '') : s;
  return kept.replace(MARKUP, (c) => ENTITY[c]);
}

/** A character XML 1.0 cannot carry (a lone surrogate included). */
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NOT_XML_ALL = new RegExp(NOT_XML.source, 'gu');
const MARKUP = /[&<>"']/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * A character `xml` changes or drops, or a surrogate (kept only in a pair, which the unicode-mode
 * pass checks): anything outside tab, LF, CR and U+0020–U+FFFD less `"&'<>`.
 */
const NEEDS_XML_WORK = /[^\t\n\r\u0020\u0021\u0023-\u0025\u0028-\u003b\u003d\u003f-\ud7ff\ue000-\ufffd]/;

/** `xml` of rule texts (remediation, citations) that many test cases repeat: once per text. */
const xmlOnce = new Map<string, string>();
function xmlCached(s: string): string {
  let x = xmlOnce.get(s);
  if (x === undefined) {
    if (xmlOnce.size > 10_000) xmlOnce.clear();
    xmlOnce.set(s, (x = xml(s)));
  }
  return x;
}

/** Does this failing finding fail the CI test (its level gates at the run's level)? */
const failsAt = (f: Finding, gate: Level) => f.status === 'fail' && levelGates(f.level, gate);

function testcase(f: Finding, gate: Level): string {
  const name = `${f.address}${f.stack ? ` [${f.stack}]` : ''}`;
  const attrs = `classname="${xml(`phikit.S${f.strategy}.${f.ruleId}`)}" name="${xml(name)}" file="${xml(f.file)}" time="0"`;
  // Escaped part by part (escaping is per character, and the parts are joined by a newline, which
  // neither pairs with a surrogate nor is dropped): the rule's texts once per rule. Lazily: a
  // passing case has no detail.
  const detail = () => {
    let d = '';
    let first = true;
    // An empty part is left out before escaping, as `[...].filter(Boolean).join('\n')` would.
    const add = (part: string, esc: (x: string) => string) => {
      if (!part) return;
      d = first ? esc(part) : `${d}\n${esc(part)}`;
      first = false;
    };
    add(f.message, xml);
    add(f.evidence ? `evidence: ${f.evidence.attribute} = ${f.evidence.value}` : '', xml);
    add(`level: ${f.level}`, xml);
    add(`HIPAA 45 CFR ${f.citations.join(', ')}`, xmlCached);
    add(`remediation: ${f.remediation}`, xmlCached);
    add(f.constructPath ? `construct: ${f.constructPath}` : '', xml);
    return d;
  };
  switch (f.status) {
    case 'pass':
      return `    <testcase ${attrs}/>`;
    case 'fail':
      if (!failsAt(f, gate)) return `    <testcase ${attrs}>\n      <skipped message="${xml(`recommended (phikit hardening; does not fail the run without --level recommended): ${f.ruleId}: ${f.message}`)}"/>\n    </testcase>`;
      return `    <testcase ${attrs}>\n      <failure message="${xml(`${f.ruleId} (${f.level}): ${f.message}`)}" type="${xml(f.severity)}">${detail()}</failure>\n    </testcase>`;
    case 'not_assessed':
      return `    <testcase ${attrs}>\n      <skipped message="${xml(`${f.message}`)}"/>\n    </testcase>`;
    case 'error':
      return `    <testcase ${attrs}>\n      <error message="${xml(`${f.ruleId}: ${f.message}`)}" type="rule-error">${detail()}</error>\n    </testcase>`;
    case 'waived':
      return `    <testcase ${attrs}>\n      <skipped message="${xml(`waived: ${f.waiver?.reason ?? ''}${f.waiver?.expires ? ` (expires ${f.waiver.expires})` : ''}`)}"/>\n    </testcase>`;
    default:
      return `    <testcase ${attrs}>\n      <skipped message="${xml(`unknown before apply: ${f.message}`)}"/>\n    </testcase>`;
  }
}

/**
 * The JUnit document, written one test case at a time. One pass groups the findings by strategy
 * (pushing to one list per strategy) and counts them, since each suite's header carries its counts.
 */
export const writeJunitReport: StreamingReporter = (result, opts, write) => {
  const gate: Level = opts.level ?? 'required';
  const byStrategy = new Map<Strategy, Finding[]>();
  for (const f of result.findings) {
    let list = byStrategy.get(f.strategy);
    if (!list) byStrategy.set(f.strategy, (list = []));
    list.push(f);
  }
  const stamp = (opts.generatedAt ?? result.now).toISOString().replace(/\.\d+Z$/, '');
  const tally = (fs: readonly Finding[]) => {
    const t = { tests: fs.length, failures: 0, errors: 0, skipped: 0 };
    for (const x of fs) {
      if (failsAt(x, gate)) t.failures++;
      else if (x.status === 'error') t.errors++;
      else if (x.status !== 'pass') t.skipped++;
    }
    return t;
  };
  const strategies = (Object.keys(STRATEGIES).map(Number) as Strategy[]).filter((k) => byStrategy.has(k));
  const counts = new Map(strategies.map((s) => [s, tally(byStrategy.get(s)!)]));
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const t of counts.values()) {
    total.tests += t.tests;
    total.failures += t.failures;
    total.errors += t.errors;
    total.skipped += t.skipped;
  }
  write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`phikit ${opts.toolVersion} HIPAA checks`)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="0">\n`);
  strategies.forEach((s, i) => {
    const t = counts.get(s)!;
    write(`${i ? '\n' : ''}  <testsuite name="${xml(`S${s} ${STRATEGIES[s]}`)}" tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="${t.skipped}" time="0" timestamp="${stamp}">\n`);
    const fs = byStrategy.get(s)!;
    for (let j = 0; j < fs.length; j++) write(`${j ? '\n' : ''}${testcase(fs[j], gate)}`);
    write('\n  </testsuite>');
  });
  write('\n</testsuites>\n');
};

export const junitReporter: Reporter = (result, opts) => {
  const parts: string[] = [];
  writeJunitReport(result, opts, (chunk) => parts.push(chunk));
  return parts.join('');
};
