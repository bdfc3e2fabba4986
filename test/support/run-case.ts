/** Evaluate one rule case through one input format. */
import { evaluate } from '../../policies/engine/evaluate';
import type { EvidenceSet, Finding, Rule, RuleCase } from '../../policies/engine/types';
import { Graph } from '../../policies/model/graph';
import { evidenceFromObjects } from '../../policies/evidence';
import { parseDocument } from '../../policies/model/load';
import { RULES } from '../../policies/rules';
import { toPlan, toSynth } from './cases';

export type Format = 'synth' | 'plan';
export const FORMATS: readonly Format[] = ['synth', 'plan'];

export function caseDocument(c: RuleCase, format: Format): Record<string, unknown> {
  return format === 'synth' ? toSynth(c) : toPlan(c);
}

export function caseGraph(c: RuleCase, format: Format): Graph {
  const doc = caseDocument(c, format);
  const text = JSON.stringify(doc);
  return Graph.from([parseDocument(JSON.parse(text), format === 'synth' ? 'case/cdk.tf.json' : 'case/plan.json', text)]);
}

/** Case evidence, validated against the published schemas exactly like `--evidence DIR`. */
export function caseEvidence(c: RuleCase): EvidenceSet {
  return evidenceFromObjects(c.evidence ?? {}, 'evidence');
}

/** Findings of `rule` for the case (only the target's, when the case names one). */
export function runCase(rule: Rule, c: RuleCase, format: Format): Finding[] {
  // The whole catalogue is in scope (some rules refer to others); only `rule` runs.
  const inCatalogue = RULES.includes(rule);
  const result = evaluate(caseGraph(c, format), {
    rules: inCatalogue ? RULES : [rule],
    ruleIds: inCatalogue ? [rule.id] : undefined,
    now: c.now ? new Date(c.now) : new Date('2026-11-28T12:00:00Z'),
    evidence: caseEvidence(c),
  });
  return result.findings.filter((f) => f.ruleId === rule.id && (!c.target || f.address === c.target));
}
