/** `phikit explain <RULE-ID>`: everything a reviewer needs about one rule, with its examples. */
import type { Command } from 'commander';
import { STRATEGIES, RuleCase } from '../engine/types';
import { findRule } from '../rules';
import { UsageError } from '../model/errors';
import { levelBasisText } from '../engine/levels';

function renderCase(c: RuleCase): string[] {
  const lines = [`  - ${c.description}`];
  for (const [address, body] of Object.entries(c.resources)) {
    const json = JSON.stringify(body);
    lines.push(`      ${address} ${json.length > 300 ? `${json.slice(0, 297)}...` : json}`);
  }
  for (const [file, data] of Object.entries(c.evidence ?? {})) {
    const json = JSON.stringify(data);
    lines.push(`      evidence ${file} ${json.length > 300 ? `${json.slice(0, 297)}...` : json}`);
  }
  if (c.unknown) lines.push(`      known only after apply: ${Object.entries(c.unknown).map(([a, ps]) => ps.map((p) => `${a}.${p}`).join(', ')).join(', ')}`);
  return lines;
}

export function explainText(id: string): string {
  const r = findRule(id) ?? findRule(id.toUpperCase());
  if (!r) throw new UsageError(`no rule "${id}" (phikit rules lists them)`);
  const a = r.anchors ?? {};
  const out = [
    `${r.id}  ${r.title}`,
    '',
    `Strategy:     ${r.strategy}. ${STRATEGIES[r.strategy]}`,
    `Control:      ${r.control}${r.aliases?.length ? ` (formerly ${r.aliases.join(', ')})` : ''}`,
    `Level:        ${r.level} — ${levelBasisText(r)}`,
    `Severity:     ${r.severity}`,
    `Scope:        ${r.scope}${r.resourceTypes.length ? ` — ${r.resourceTypes.join(', ')}` : ''}`,
    `45 CFR:       ${r.citations.join(', ')}`,
    ...(r.construct ? [`Construct:    ${r.construct}`] : []),
    ...(a.cdkNag?.length ? [`cdk-nag:      ${a.cdkNag.join(', ')}`] : []),
    ...(a.awsConfig?.length ? [`AWS Config:   ${a.awsConfig.join(', ')}`] : []),
    ...(a.checkov?.length ? [`checkov:      ${a.checkov.join(', ')}`] : []),
    '',
    'Why:',
    `  ${r.rationale}`,
    '',
    'Fix:',
    `  ${r.remediation}`,
    ...(r.references?.length ? ['', 'References:', ...r.references.map((x) => `  ${x}`)] : []),
    '',
    'Passing examples:',
    ...r.examples.pass.flatMap(renderCase),
    '',
    'Failing examples:',
    ...r.examples.fail.flatMap(renderCase),
    ...((r.examples.unknown ?? []).length ? ['', 'Unknown before apply:', ...(r.examples.unknown ?? []).flatMap(renderCase)] : []),
  ];
  return `${out.join('\n')}\n`;
}

export function registerExplain(program: Command, setCode: (code: number) => void): void {
  program
    .command('explain')
    .description('explain a rule: rationale, HIPAA citations, remediation and pass/fail examples')
    .argument('<rule-id>', 'rule id, e.g. ENC-01')
    .action((id: string) => {
      process.stdout.write(explainText(id));
      setCode(0);
    });
}
