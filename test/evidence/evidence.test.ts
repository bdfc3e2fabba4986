/** Evidence loader, templates, `phikit evidence init` and the case harness's validation. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../policies/cli/main';
import { EVIDENCE_FILES, evidenceFromObjects, loadEvidence, recency } from '../../policies/evidence';
import { evidenceTemplates } from '../../policies/evidence/templates';
import { InputError } from '../../policies/model/errors';
import { findRule } from '../../policies/rules';
import { toPlan } from '../support/cases';
import { runCase } from '../support/run-case';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-evidence-'));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('evidence templates', () => {
  const templates = evidenceTemplates('2026-11-28');

  it('cover every known evidence file', () => {
    expect(Object.keys(templates).sort()).toEqual(EVIDENCE_FILES.map((k) => k.file).sort());
  });

  it.each(Object.keys(templates))('%s is valid against its schema as written', (name) => {
    const set = evidenceFromObjects({ [name]: templates[name] });
    expect(set.files.get(name)?.error).toBeUndefined();
    expect(set.files.get(name)?.data).toBeDefined();
  });
});

describe('loadEvidence', () => {
  it('loads valid files, records schema errors without values, and ignores unknown files', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'security-official.json'), JSON.stringify({ name: 'Pat Smith', title: 'Security Officer', email: 'pat@example.org', appointed_at: '2026-01-05' }));
    fs.writeFileSync(path.join(dir, 'training.json'), JSON.stringify({ records: [{ principal: 'alice', course: 'x', completed_at: 'SECRET-not-a-date', attested_by: 'lms' }] }));
    fs.writeFileSync(path.join(dir, 'risk-assessment.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'notes.json'), '{}');
    const set = loadEvidence(dir);
    expect(set.files.get('security-official.json')?.data).toMatchObject({ name: 'Pat Smith' });
    const training = set.files.get('training.json');
    expect(training?.data).toBeUndefined();
    expect(training?.error).toMatch(/training\.json does not match evidence\/training\.schema\.json: \/records\/0\/completed_at/);
    expect(training?.error).not.toContain('SECRET');
    expect(set.files.get('risk-assessment.json')?.error).toMatch(/is not valid JSON/);
    expect(set.files.has('notes.json')).toBe(false);
    expect(set.files.has('baa-register.json')).toBe(false);
  });

  it('rejects a directory that does not exist with a hint to run evidence init', () => {
    expect(() => loadEvidence(path.join(tmp(), 'nope'))).toThrow(InputError);
    expect(() => loadEvidence(path.join(tmp(), 'nope'))).toThrow(/phikit evidence init/);
  });
});

describe('recency', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  it('passes at exactly the limit and fails the day after, naming the expiry date', () => {
    expect(recency('2025-11-28', 365, 'tabletop exercise', 'ev/ir.json', now, 'last_tabletop_at').status).toBe('pass');
    const v = recency('2025-11-27', 365, 'tabletop exercise', 'ev/ir.json', now, 'last_tabletop_at');
    expect(v.status).toBe('fail');
    expect(v.message).toContain('expired on 2026-11-27');
  });
  it('fails when no date is recorded', () => {
    expect(recency(undefined, 90, 'security reminder', 'ev/r.json', now, 'sent_at').status).toBe('fail');
  });
});

describe('evidence rules through the case harness', () => {
  it('invalid case evidence fails the rule instead of passing (validated like --evidence DIR)', () => {
    const rule = findRule('COL-06b')!;
    const findings = runCase(rule, { description: 'x', resources: {}, evidence: { 'security-official.json': { name: 'Pat' } } }, 'plan');
    expect(findings.map((f) => f.status)).toEqual(['fail']);
    expect(findings[0].message).toMatch(/invalid evidence: .*security-official\.schema\.json/);
  });

  it('missing evidence names the file to add', () => {
    const findings = runCase(findRule('IR-07')!, { description: 'x', resources: {} }, 'synth');
    expect(findings[0].status).toBe('fail');
    expect(findings[0].message).toMatch(/add evidence\/incident-response\.json/);
  });

  it('BAA register: an account trusted by a bucket policy fails without an agreement and passes with an executed, unexpired one', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
    });
    const resources = { 'aws_s3_bucket_policy.p': { bucket: 'b', policy } };
    const rule = findRule('COL-02')!;
    const none = runCase(rule, { description: 'x', resources, evidence: { 'baa-register.json': { agreements: [] } } }, 'plan');
    expect(none.some((f) => f.status === 'fail' && f.message.includes('444455556666'))).toBe(true);
    const agreement = { party: 'Vendor', aws_account_ids: ['444455556666'], executed_at: '2026-01-01', expires_at: '2028-01-01', scope: 'analytics' };
    const ok = runCase(rule, { description: 'x', resources, evidence: { 'baa-register.json': { agreements: [agreement] } } }, 'synth');
    expect(ok.map((f) => f.status)).toEqual(['pass']);
    const withUnknown = runCase(
      rule,
      { description: 'x', resources: { ...resources, 'aws_sqs_queue_policy.q': { queue_url: 'u', policy: '{}' } }, unknown: { 'aws_sqs_queue_policy.q': ['policy'] }, evidence: { 'baa-register.json': { agreements: [agreement] } } },
      'plan',
    );
    expect(withUnknown.map((f) => `${f.status} ${f.address}`).sort()).toEqual(['pass aws_s3_bucket_policy.p', 'unknown aws_sqs_queue_policy.q']);
  });
});

describe('phikit evidence init', () => {
  it('writes valid templates and never overwrites an existing file', async () => {
    const dir = path.join(tmp(), 'evidence');
    const first = await cli(['evidence', 'init', dir]);
    expect(first.code).toBe(0);
    for (const k of EVIDENCE_FILES) expect(fs.existsSync(path.join(dir, k.file))).toBe(true);
    const set = loadEvidence(dir);
    for (const k of EVIDENCE_FILES) expect(set.files.get(k.file)?.error).toBeUndefined();

    fs.writeFileSync(path.join(dir, 'training.json'), '{"records": []}');
    const second = await cli(['evidence', 'init', dir]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/kept .*training\.json \(exists\)/);
    expect(fs.readFileSync(path.join(dir, 'training.json'), 'utf8')).toBe('{"records": []}');
  });

  it('phikit check --evidence with a missing directory is a usage error (exit 2, one line)', async () => {
    const r = await cli(['check', path.join(__dirname, 'no-such-plan.json'), '--evidence', path.join(tmp(), 'missing')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('phikit check --evidence DIR reads the files: unedited templates fail naming the placeholder, filled ones pass the recency rules; without a directory they are not assessed (failing with --strict)', async () => {
    const dir = tmp();
    const plan = path.join(dir, 'plan.json');
    fs.writeFileSync(plan, JSON.stringify(toPlan({ description: 'x', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } } })));
    const ev = path.join(dir, 'evidence');
    expect((await cli(['evidence', 'init', ev])).code).toBe(0);
    const ids = 'TRN-03,COL-05,COL-06b,IR-07,BAK-14';
    const statuses = (out: string) => (JSON.parse(out).findings as Array<{ ruleId: string; status: string; message: string }>).map((f) => `${f.ruleId} ${f.status}`).sort();
    const unedited = await cli(['check', plan, '--rule', ids, '--format', 'json', '--evidence', ev]);
    expect(unedited.code).toBe(1);
    const uneditedFindings = JSON.parse(unedited.out).findings as Array<{ ruleId: string; status: string; message: string }>;
    expect(uneditedFindings.map((f) => `${f.ruleId} ${f.status}`).sort()).toEqual(['BAK-14 fail', 'COL-05 fail', 'COL-06b fail', 'IR-07 fail', 'TRN-03 fail']);
    for (const f of uneditedFindings) expect(f.message).toMatch(/^unfilled evidence template: .*\.json still has the placeholder at /);
    expect(uneditedFindings.find((f) => f.ruleId === 'TRN-03')?.message).toMatch(/security-reminders\.json still has the placeholder at reminders\[0\]/);
    // Filled in (here: the placeholders' $comment removed, as a team does after replacing the values).
    for (const k of EVIDENCE_FILES) {
      const file = path.join(ev, k.file);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^\s*"\$comment": "PLACEHOLDER[^\n]*\n/gm, ''));
    }
    const withEvidence = await cli(['check', plan, '--rule', ids, '--format', 'json', '--evidence', ev]);
    expect(withEvidence.code).toBe(0);
    expect(statuses(withEvidence.out)).toEqual(['BAK-14 pass', 'COL-05 pass', 'COL-05 pass', 'COL-06b pass', 'IR-07 pass', 'TRN-03 pass']);
    const without = await cli(['check', plan, '--rule', ids, '--format', 'json']);
    expect(without.code).toBe(0);
    expect(statuses(without.out)).toEqual(['BAK-14 not_assessed', 'COL-05 not_assessed', 'COL-06b not_assessed', 'IR-07 not_assessed', 'TRN-03 not_assessed']);
    expect(JSON.parse(without.out).findings.every((f: { message: string }) => /^not assessed: no evidence directory was given/.test(f.message))).toBe(true);
    expect((await cli(['check', plan, '--rule', ids, '--strict'])).code).toBe(1);
    // an empty evidence directory is given: its missing files fail
    const empty = tmp();
    const missing = await cli(['check', plan, '--rule', ids, '--format', 'json', '--evidence', empty]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).findings.every((f: { message: string }) => /missing evidence: add /.test(f.message))).toBe(true);
  });
});
