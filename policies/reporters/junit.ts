/**
 * JUnit XML: one test suite per strategy, one test case per rule × resource.
 * fail → <failure>, error → <error>, waived/unknown → <skipped> with the reason, pass → empty case.
 */
import { Finding, STRATEGIES, Strategy } from '../engine/types';
import type { Reporter } from './types';

/** Escape text for XML 1.0 (and drop characters XML 1.0 cannot carry). */
export function xml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(f: Finding): string {
  const name = `${f.address}${f.stack ? ` [${f.stack}]` : ''}`;
  const attrs = `classname="${xml(`phikit.S${f.strategy}.${f.ruleId}`)}" name="${xml(name)}" file="${xml(f.file)}" time="0"`;
  const detail = [
    f.message,
    f.evidence ? `evidence: ${f.evidence.attribute} = ${f.evidence.value}` : '',
    `HIPAA 45 CFR ${f.citations.join(', ')}`,
    `remediation: ${f.remediation}`,
    f.constructPath ? `construct: ${f.constructPath}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  switch (f.status) {
    case 'pass':
      return `    <testcase ${attrs}/>`;
    case 'fail':
      return `    <testcase ${attrs}>\n      <failure message="${xml(`${f.ruleId}: ${f.message}`)}" type="${xml(f.severity)}">${xml(detail)}</failure>\n    </testcase>`;
    case 'error':
      return `    <testcase ${attrs}>\n      <error message="${xml(`${f.ruleId}: ${f.message}`)}" type="rule-error">${xml(detail)}</error>\n    </testcase>`;
    case 'waived':
      return `    <testcase ${attrs}>\n      <skipped message="${xml(`waived: ${f.waiver?.reason ?? ''}${f.waiver?.expires ? ` (expires ${f.waiver.expires})` : ''}`)}"/>\n    </testcase>`;
    default:
      return `    <testcase ${attrs}>\n      <skipped message="${xml(`unknown before apply: ${f.message}`)}"/>\n    </testcase>`;
  }
}

export const junitReporter: Reporter = (result, opts) => {
  const byStrategy = new Map<Strategy, Finding[]>();
  for (const f of result.findings) byStrategy.set(f.strategy, [...(byStrategy.get(f.strategy) ?? []), f]);
  const stamp = (opts.generatedAt ?? result.now).toISOString().replace(/\.\d+Z$/, '');
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const s of (Object.keys(STRATEGIES).map(Number) as Strategy[]).filter((k) => byStrategy.has(k))) {
    const fs = byStrategy.get(s) ?? [];
    const f = fs.filter((x) => x.status === 'fail').length;
    const e = fs.filter((x) => x.status === 'error').length;
    const k = fs.filter((x) => x.status === 'waived' || x.status === 'unknown').length;
    total += fs.length;
    failures += f;
    errors += e;
    skipped += k;
    suites.push(
      `  <testsuite name="${xml(`S${s} ${STRATEGIES[s]}`)}" tests="${fs.length}" failures="${f}" errors="${e}" skipped="${k}" time="0" timestamp="${stamp}">\n${fs.map(testcase).join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`phikit ${opts.toolVersion} HIPAA checks`)}" tests="${total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
