/**
 * Sensitive values never reach any output: canaries in after_sensitive attributes, sensitive
 * variables, sensitive outputs, configuration constants of sensitive attributes, and in malformed
 * input, checked in every report format and every error message.
 */
import { REPORTERS } from '../../policies/reporters';
import { toPlan, toSynth } from '../support/cases';
import { runOnce } from '../fuzz/harness';

const CANARY = 'CANARY-d41d8cd98f00-SENSITIVE';

function sensitivePlan(): Record<string, unknown> {
  const plan = toPlan({
    description: 'canary',
    resources: {
      'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', username: 'admin', password: CANARY, storage_encrypted: false },
      'aws_secretsmanager_secret_version.v': { secret_id: 'x', secret_string: CANARY },
      'aws_iam_access_key.k': { user: 'ci' },
    },
  });
  const rcs = plan.resource_changes as Array<{ address: string; change: Record<string, unknown> }>;
  rcs.find((r) => r.address === 'aws_db_instance.db')!.change.after_sensitive = { password: true };
  rcs.find((r) => r.address === 'aws_secretsmanager_secret_version.v')!.change.after_sensitive = { secret_string: true };
  const key = rcs.find((r) => r.address === 'aws_iam_access_key.k')!.change;
  (key.after as Record<string, unknown>).secret = CANARY;
  key.after_sensitive = { secret: true };
  const pv = (plan.planned_values as { root_module: { resources: Array<{ address: string; values: Record<string, unknown>; sensitive_values: unknown }> } }).root_module.resources;
  pv.find((r) => r.address === 'aws_db_instance.db')!.sensitive_values = { password: true };
  pv.find((r) => r.address === 'aws_secretsmanager_secret_version.v')!.sensitive_values = { secret_string: true };
  Object.assign(plan, {
    variables: { db_password: { value: CANARY } },
    output_changes: { conn: { actions: ['create'], before: null, after: `postgres://admin:${CANARY}@db`, after_unknown: false, before_sensitive: false, after_sensitive: true } },
  });
  (plan.configuration as { root_module: Record<string, unknown> }).root_module.variables = { db_password: { sensitive: true } };
  return plan;
}

const formats = Object.keys(REPORTERS);

describe('sensitive canaries', () => {
  it.each(formats)('never appear in the %s report of a plan', async (format) => {
    const o = await runOnce(Buffer.from(JSON.stringify(sensitivePlan())), [], format);
    expect([0, 1]).toContain(o.code);
    expect(o.output.length).toBeGreaterThan(100);
    expect(o.output).not.toContain(CANARY);
    expect(o.stderr).not.toContain(CANARY);
  });

  it.each(formats)('never appear in the %s report of cdk.tf.json with sensitive variables', async (format) => {
    const synth = toSynth({ description: 'c', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', password: '${var.db_password}' } } });
    Object.assign(synth, { variable: { db_password: { type: 'string', sensitive: true, default: CANARY } }, output: { conn: { value: CANARY, sensitive: true } } });
    const o = await runOnce(Buffer.from(JSON.stringify(synth)), [], format);
    expect(o.output).not.toContain(CANARY);
  });

  it('never appear in error messages about malformed input', async () => {
    const text = JSON.stringify(sensitivePlan());
    const at = text.indexOf(CANARY);
    const bad = [
      text.slice(0, at + 10), // truncated inside the canary
      text.replace(`"${CANARY}"`, `${CANARY}`), // canary as a bare token
      `{"${CANARY}": 1}`, // canary as the only key
      `{"format_version":"${CANARY}"}`, // canary as a version string
      text.replace('"resource_changes":[', `"resource_changes":{"${CANARY}":[`), // wrong type near the canary
      `[${JSON.stringify(CANARY)}]`,
    ];
    for (const b of bad) {
      const o = await runOnce(Buffer.from(b));
      expect(o.code).toBe(2);
      expect(o.stderr).not.toContain(CANARY);
      expect(o.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
