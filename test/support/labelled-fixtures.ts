/**
 * Labelled plan fixtures (test/fixtures/modules/<name>/ and test/fixtures/peers/<case>/): a plan
 * built offline from a community module or a peer scanner's test case, and the (resource, strategy)
 * verdicts a HIPAA reviewer expects. See test/fixtures/modules/README.md for the label policy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Strategy } from '../../policies/engine/types';
import { loadSources, runCheck } from '../../policies/pipeline';
import { RULES } from '../../policies/rules';

/** test/fixtures, from the sources or from the compiled copy in dist/test/support. */
export const FIXTURES_ROOT = [path.resolve(__dirname, '../fixtures'), path.resolve(__dirname, '../../../test/fixtures')].find((d) => fs.existsSync(path.join(d, 'modules', 'known-gaps.json'))) ?? path.resolve(__dirname, '../fixtures');
/** Fixture groups, relative to FIXTURES_ROOT. */
export const GROUPS = ['modules', 'peers'] as const;
/** One fixed clock so time-dependent rules give the same verdicts on every run. */
export const NOW = new Date('2026-11-28T00:00:00Z');

export interface Label {
  /** A Terraform address, or an address prefix (a module call, a resource without its index). */
  readonly resource: string;
  readonly strategy: Strategy;
  readonly expect: 'fail' | 'clean';
  readonly why: string;
}

/**
 * `plan`: plan.json alone (what CI and most users have). `source`: plan.json with the Terraform
 * source beside it (`--source`, joins through locals, issue 11 item 4). `hcl`: the .tf
 * configuration itself, no plan (source mode, `phikit check DIR`).
 */
export type Mode = 'plan' | 'source' | 'hcl';

export interface KnownGap {
  /** `modules/<name>` or `peers/<case>`. */
  readonly fixture: string;
  readonly resource: string;
  readonly strategy: Strategy;
  readonly expect: 'fail' | 'clean';
  /** The modes the gap is seen in; both when absent. */
  readonly modes?: readonly Mode[];
  /** Rule id(s) and cause, one line. */
  readonly why: string;
}

export interface Fixture {
  /** `modules/<name>` or `peers/<case>`. */
  readonly id: string;
  readonly dir: string;
  readonly plan: string;
  readonly labels: readonly Label[];
}

export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of GROUPS) {
    const root = path.join(FIXTURES_ROOT, group);
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const plan = path.join(dir, 'plan.json');
      const expected = path.join(dir, 'expected.json');
      if (!fs.existsSync(plan) || !fs.existsSync(expected)) continue;
      out.push({ id: `${group}/${name}`, dir, plan, labels: JSON.parse(fs.readFileSync(expected, 'utf8')) as Label[] });
    }
  }
  return out;
}

export function readKnownGaps(): KnownGap[] {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_ROOT, 'modules', 'known-gaps.json'), 'utf8')) as KnownGap[];
}

/** Is `address` the labelled resource or inside it (module call, indexed instance, nested module)? */
export function under(address: string, prefix: string): boolean {
  if (address === prefix) return true;
  if (!address.startsWith(prefix)) return false;
  const next = address[prefix.length];
  return next === '.' || next === '[';
}

/**
 * Local module directories the fixture's configuration calls (`source = "../…"`). Module sources are
 * never committed (test/fixtures/modules/README.md); they exist only where someone exported them.
 */
export function moduleSources(fx: Fixture): string[] {
  const main = path.join(fx.dir, 'main.tf');
  if (!fs.existsSync(main)) return [];
  const dirs = new Set<string>();
  for (const m of fs.readFileSync(main, 'utf8').matchAll(/^\s*source\s*=\s*"(\.{1,2}\/[^"]+)"/gm)) dirs.add(path.resolve(fx.dir, m[1]));
  return [...dirs];
}

/**
 * Can the fixture be checked with its Terraform source (modes `source` and `hcl`)? Its root
 * configuration is committed; every local module it calls must exist on this machine.
 * `PHIKIT_FIXTURE_SOURCE=0` turns the source runs off.
 */
export function sourceAvailable(fx: Fixture): boolean {
  if (process.env.PHIKIT_FIXTURE_SOURCE === '0') return false;
  return fs.existsSync(path.join(fx.dir, 'main.tf')) && moduleSources(fx).every((d) => fs.existsSync(d));
}

/** The plan alone. */
export function checkPlan(fx: Fixture): readonly Finding[] {
  return runCheck([fx.plan], { now: NOW }).result.findings;
}

/** The plan with the Terraform source beside it (fx.dir, whose module calls point at moduleSources(fx)). */
export async function checkWithSource(fx: Fixture): Promise<readonly Finding[]> {
  const sources = await loadSources([fx.plan], [fx.dir]);
  return runCheck([fx.plan], { now: NOW, sources }).result.findings;
}

/** The .tf configuration without a plan (source mode reads main.tf and the local modules it calls). */
export function checkHcl(fx: Fixture): readonly Finding[] {
  const run = runCheck([fx.dir], { now: NOW });
  if (run.unassessedModules.length) throw new Error(`${fx.id}: modules not assessed in source mode: ${run.unassessedModules.map((m) => JSON.stringify(m)).join(', ')}`);
  return run.result.findings;
}

export async function check(mode: Mode, fx: Fixture): Promise<readonly Finding[]> {
  return mode === 'plan' ? checkPlan(fx) : mode === 'source' ? checkWithSource(fx) : checkHcl(fx);
}

const RULE_LEVEL = new Map(RULES.map((r) => [r.id, (r as { level?: string }).level]));

/**
 * Does this failing finding count against a label? Only `required` findings once rules carry a
 * level (the default report level); every failing finding while they do not.
 */
export function counts(f: Finding): boolean {
  if (f.status !== 'fail') return false;
  const level = (f as { level?: string }).level ?? RULE_LEVEL.get(f.ruleId);
  return level === undefined || level === 'required';
}

export interface Verdict {
  readonly label: Label;
  readonly holds: boolean;
  /** The counted failing findings of the label's strategy on the labelled resource. */
  readonly failing: readonly Finding[];
}

export function judge(labels: readonly Label[], findings: readonly Finding[]): Verdict[] {
  return labels.map((label) => {
    const failing = findings.filter((f) => f.strategy === label.strategy && counts(f) && under(f.address, label.resource));
    return { label, failing, holds: label.expect === 'fail' ? failing.length > 0 : failing.length === 0 };
  });
}

/** Managed resource addresses the plan declares (a label must name at least one). */
export function planAddresses(plan: string): string[] {
  const doc = JSON.parse(fs.readFileSync(plan, 'utf8')) as { resource_changes?: { address: string; mode: string }[] };
  return (doc.resource_changes ?? []).filter((r) => r.mode === 'managed').map((r) => r.address);
}

export const gapKey = (fixture: string, l: { resource: string; strategy: number; expect: string }) => `${fixture} | ${l.resource} | ${l.strategy} | ${l.expect}`;
