/** Synthesize a cdktf stack and run the phikit checker over it (as `cdktf synth` + `phikit check` would). */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { evaluate } from '../../policies/engine/evaluate';
import type { Finding, RunResult } from '../../policies/engine/types';
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { RULES } from '../../policies/rules';

export function newStack(name = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, name);
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  return stack;
}

/** Synthesized JSON (with "//" metadata, as in cdktf.out). */
export function synthJson(stack: TerraformStack): Record<string, unknown> {
  return JSON.parse(JSON.stringify(stack.toTerraform()));
}

export function check(stack: TerraformStack, now = new Date('2026-11-28T00:00:00Z')): RunResult {
  const text = JSON.stringify(synthJson(stack));
  return evaluate(Graph.from([parseDocument(JSON.parse(text), `${stack.node.id}/cdk.tf.json`, text)]), { rules: RULES, now });
}

/** Failing (or error/unknown) findings on resources (account-scope and evidence findings excluded). */
export function resourceProblems(result: RunResult, statuses: Finding['status'][] = ['fail', 'error']): string[] {
  return result.findings.filter((f) => statuses.includes(f.status) && !f.address.startsWith('(')).map((f) => `${f.ruleId} ${f.address}: ${f.message}`);
}

export { App };
