import { attr, num, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, joined, noneJoined, pass, unknown, unknownMessage } from '../helpers';

const ROT = 'aws_secretsmanager_secret_rotation';
const MAX_DAYS = 90;

export const secretsRotation: ResourceRule = {
  id: 'ACC-12',
  control: 'ACC-12',
  title: 'Secrets Manager secrets rotate automatically at least every 90 days',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_secretsmanager_secret'],
  scope: 'resource',
  rationale: 'Database passwords and API keys that guard PHI are credentials like any other; automatic rotation limits how long a leaked secret works and is what secretsmanager-rotation-enabled-check expects.',
  remediation: 'Add an aws_secretsmanager_secret_rotation for the secret with rotation_rules { automatically_after_days ≤ 90 } (or a schedule_expression at least that often); HipaaDatabase uses RDS-managed rotating master passwords.',
  anchors: {
    cdkNag: ['HIPAA.Security-SecretsManagerRotationEnabled'],
    awsConfig: ['secretsmanager-rotation-enabled-check', 'secretsmanager-secret-periodic-rotation', 'secretsmanager-scheduled-rotation-success-check', 'secretsmanager-secret-unused'],
    checkov: ['CKV2_AWS_57', 'CKV_AWS_304'],
  },
  check(secret, ctx) {
    const rotations = joined(ctx, secret, ROT, 'secret_id');
    if (!rotations.length) return noneJoined(ctx, secret, ROT, 'secret_id', fail(`no ${ROT} refers to this secret; it never rotates`, ev(ROT, { state: 'absent' })));
    const r = rotations[0];
    const days = attr(r, 'rotation_rules.automatically_after_days');
    const sched = attr(r, 'rotation_rules.schedule_expression');
    if (days.state === 'unknown' || sched.state === 'unknown') return unknown(unknownMessage('rotation_rules'), ev(`${r.address}.rotation_rules`, days.state === 'unknown' ? days : sched));
    const d = num(days);
    if (d !== undefined) return d <= MAX_DAYS ? pass(`rotates every ${d} days`, ev(`${r.address}.rotation_rules.automatically_after_days`, days)) : fail(`automatically_after_days is ${d}, more than ${MAX_DAYS}`, ev(`${r.address}.rotation_rules.automatically_after_days`, days));
    const s = str(sched);
    const rate = s ? /^rate\((\d+)\s+days?\)$/i.exec(s) : null;
    if (rate) return Number(rate[1]) <= MAX_DAYS ? pass(`rotates on ${s}`) : fail(`schedule_expression ${s} is less often than every ${MAX_DAYS} days`, ev(`${r.address}.rotation_rules.schedule_expression`, sched));
    if (s && /^(cron|rate)\(/i.test(s)) return pass(`rotates on ${s}`, ev(`${r.address}.rotation_rules.schedule_expression`, sched));
    return fail('rotation_rules sets no schedule', ev(`${r.address}.rotation_rules`, days));
  },
  examples: {
    pass: [
      {
        description: 'passes with rotation every 30 days joined by reference',
        resources: { 'aws_secretsmanager_secret.s': { name: 'db' }, 'aws_secretsmanager_secret_rotation.r': { secret_id: '${aws_secretsmanager_secret.s.id}', rotation_lambda_arn: 'arn:aws:lambda:us-east-1:111122223333:function:rot', rotation_rules: [{ automatically_after_days: 30 }] } },
        target: 'aws_secretsmanager_secret.s',
      },
      {
        description: 'passes with schedule_expression rate(7 days) joined by literal name',
        resources: { 'aws_secretsmanager_secret.s': { name: 'db' }, 'aws_secretsmanager_secret_rotation.r': { secret_id: 'db', rotation_rules: [{ schedule_expression: 'rate(7 days)' }] } },
        target: 'aws_secretsmanager_secret.s',
      },
    ],
    fail: [
      { description: 'fails when no rotation refers to the secret', resources: { 'aws_secretsmanager_secret.s': { name: 'db' } } },
      {
        description: 'fails when automatically_after_days is 365',
        resources: { 'aws_secretsmanager_secret.s': { name: 'db' }, 'aws_secretsmanager_secret_rotation.r': { secret_id: '${aws_secretsmanager_secret.s.id}', rotation_rules: [{ automatically_after_days: 365 }] } },
        target: 'aws_secretsmanager_secret.s',
      },
    ],
    unknown: [
      {
        description: 'is unknown when automatically_after_days is known only after apply',
        resources: { 'aws_secretsmanager_secret.s': { name: 'db' }, 'aws_secretsmanager_secret_rotation.r': { secret_id: '${aws_secretsmanager_secret.s.id}', rotation_rules: [{ automatically_after_days: 30 }] } },
        unknown: { 'aws_secretsmanager_secret_rotation.r': ['rotation_rules.automatically_after_days'] },
        target: 'aws_secretsmanager_secret.s',
      },
    ],
  },
};
