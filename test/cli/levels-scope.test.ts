/**
 * Issue 12 end to end: a four-resource application plan (test/fixtures/levels) checked with
 * `scope.account: elsewhere` in a project config file and no evidence. Account-level and
 * evidence rules are not assessed (never failing, never passing), --strict fails them, the
 * text report is grouped and short, and every format carries `level` and `not_assessed`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exitCodeFor, runCheck } from '../../policies/pipeline';
import { parseConfig, STARTER_CONFIG } from '../../policies/config';
import { compileSchema } from '../../policies/schemas';
import { ACCOUNT, EVIDENCE, NOT_ASSESSED_ELSEWHERE } from '../../policies/engine/evaluate';
import { RULES } from '../../policies/rules';
import { toPlan } from '../support/cases';

const BIN = path.resolve(__dirname, '../../bin/phikit.js');
const PLAN = path.resolve(__dirname, '../fixtures/levels/app-plan.json');
const REASON = 'The organization baseline stack (platform/aws-baseline) owns account-level controls';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-levels-'));
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd });

/** A project directory with the plan and a config file at its top, and a nested working directory. */
function project(config: string, name = 'phikit.config.yaml'): { root: string; nested: string } {
  const root = fs.mkdtempSync(path.join(tmp, 'proj-'));
  fs.copyFileSync(PLAN, path.join(root, 'plan.json'));
  fs.writeFileSync(path.join(root, name), config);
  const nested = path.join(root, 'app', 'src');
  fs.mkdirSync(nested, { recursive: true });
  return { root, nested };
}

const ELSEWHERE = `version: 1\ninputs: [plan.json]\nscope:\n  account: elsewhere\n  reason: ${REASON}\n`;
const accountRules = new Set(RULES.filter((r) => r.scope === 'account').map((r) => r.id));
const evidenceRules = new Set(RULES.filter((r) => r.scope === 'evidence').map((r) => r.id));

beforeAll(() => {
  if (!fs.existsSync(path.resolve(__dirname, '../../dist/policies/cli/main.js'))) throw new Error('run `npm run build` first (npm test does)');
});

describe('the four-resource application plan (library)', () => {
  const scope = { account: { reason: REASON } };

  it('has four resources', () => {
    const plan = JSON.parse(fs.readFileSync(PLAN, 'utf8'));
    expect(plan.resource_changes.filter((c: { mode: string }) => c.mode === 'managed')).toHaveLength(4);
  });

  it('without a declared scope, account-level controls fail; evidence rules are not assessed', () => {
    const { result } = runCheck([PLAN], {});
    expect(result.findings.some((f) => f.address === ACCOUNT && f.status === 'fail')).toBe(true);
    const ev = result.findings.filter((f) => evidenceRules.has(f.ruleId));
    expect(ev.length).toBe(evidenceRules.size);
    for (const f of ev) {
      expect(f.status).toBe('not_assessed');
      expect(f.address).toBe(EVIDENCE);
    }
  });

  it('with account: elsewhere and no evidence: zero failing account-level or evidence findings, each not assessed with the reason', () => {
    const { result } = runCheck([PLAN], { scope });
    const gaps = result.findings.filter((f) => f.address === ACCOUNT || f.address === EVIDENCE);
    expect(gaps.filter((f) => f.status === 'fail' || f.status === 'unknown')).toEqual([]);
    const na = gaps.filter((f) => f.status === 'not_assessed');
    expect(na.length).toBeGreaterThanOrEqual(16);
    for (const f of na.filter((x) => x.address === ACCOUNT)) {
      expect(accountRules.has(f.ruleId)).toBe(true);
      expect(f.message.startsWith(`${NOT_ASSESSED_ELSEWHERE}${REASON}`)).toBe(true);
    }
    // never counted as a pass
    expect(result.findings.filter((f) => f.status === 'pass' && (f.address === ACCOUNT || f.address === EVIDENCE)).every((f) => !na.some((n) => n.ruleId === f.ruleId))).toBe(true);
    // --strict fails them; the default does not fail on them
    const onlyGaps = { ...result, findings: na };
    expect(exitCodeFor(onlyGaps, 'low', false)).toBe(0);
    expect(exitCodeFor(onlyGaps, 'low', true)).toBe(1);
  });

  it('scope.controls limits the declaration to the listed account rules', () => {
    const { result } = runCheck([PLAN], { scope: { account: { reason: REASON, controls: ['AUD-01', 'IR-01'] } } });
    const byRule = new Map(result.findings.filter((f) => f.address === ACCOUNT).map((f) => [f.ruleId, f.status]));
    expect(byRule.get('AUD-01')).toBe('not_assessed');
    expect(byRule.get('IR-01')).toBe('not_assessed');
    expect(byRule.get('ACC-07')).toBe('fail');
  });

  it('a known failure at a resource is never hidden by the declaration', () => {
    const { result } = runCheck([PLAN], { scope });
    expect(result.findings.some((f) => f.address === 'aws_db_instance.app' && f.status === 'fail' && f.level === 'required')).toBe(true);
  });
});

describe('levels gate the run', () => {
  const plan = path.join(tmp, 'sqs.json');
  beforeAll(() => fs.writeFileSync(plan, JSON.stringify(toPlan({ description: 'x', resources: { 'aws_sqs_queue.q': { name: 'q', sqs_managed_sse_enabled: true } } }))));

  it('a recommended failure is reported but does not fail the run unless --level recommended', () => {
    const { result } = runCheck([plan], { rule: ['ENC-10b'] });
    const f = result.findings.find((x) => x.ruleId === 'ENC-10b')!;
    expect(f.status).toBe('fail');
    expect(f.level).toBe('recommended');
    expect(exitCodeFor(result, 'low', false, false, 'required')).toBe(0);
    expect(exitCodeFor(result, 'low', false, false, 'recommended')).toBe(1);
  });

  it('a required failure fails at either level', () => {
    const { result } = runCheck([plan], { rule: ['COM-13b'] });
    expect(result.findings.some((x) => x.status === 'fail')).toBe(true);
    const required = { ...result, findings: result.findings.map((x) => ({ ...x, level: 'required' as const })) };
    expect(exitCodeFor(required, 'low', false, false, 'required')).toBe(1);
  });
});

describe('phikit.config.yaml on the command line', () => {
  it('is found from a nested working directory; inputs come from it; account rules are not assessed; --strict fails them', () => {
    const { nested } = project(ELSEWHERE);
    const r = run(nested, 'check', '--format', 'json');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const gaps = report.findings.filter((f: { address: string }) => f.address === ACCOUNT || f.address === EVIDENCE);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((f: { status: string }) => f.status === 'not_assessed' || f.status === 'pass')).toBe(true);
    const strict = run(nested, 'check', '--strict', '--rule', 'AUD-01');
    expect(strict.status).toBe(1);
    const lenient = run(nested, 'check', '--rule', 'AUD-01');
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/NOT ASSESSED not assessed here — declared elsewhere: The organization baseline stack/);
  });

  it('config keys fill options; command-line flags win', () => {
    const { root } = project(`${ELSEWHERE}strict: true\nrule: [AUD-01]\n`);
    expect(run(root, 'check').status).toBe(1); // strict from the config fails the not-assessed AUD-01
    const other = path.join(root, 'other.yaml');
    fs.writeFileSync(other, ELSEWHERE);
    expect(run(root, 'check', '--config', other, '--rule', 'AUD-01').status).toBe(0); // --config names another file
    const lvl = project(`version: 1\ninputs: [plan.json]\nlevel: recommended\nrule: [ENC-10b]\n`);
    expect(run(lvl.root, 'check').status).toBe(1);
    expect(run(lvl.root, 'check', '--level', 'required').status).toBe(0);
  });

  it.each([
    ['an unknown key', 'version: 1\nfailOn: high\n', /invalid config: failOn: is not a phikit config key/],
    ['a bad enum', 'version: 1\nfail-on: severe\n', /invalid config: fail-on: must be one of critical, high, medium, low/],
    ['a scope without reason', 'version: 1\nscope:\n  account: elsewhere\n', /invalid config: scope: needs reason too/],
    ['a bad list item', 'version: 1\nscope:\n  account: elsewhere\n  reason: owned by the platform team\n  controls: [AUD-01, 7]\n', /invalid config: scope\.controls\[1\]: must be string/],
    ['a non-account control', 'version: 1\nscope:\n  account: elsewhere\n  reason: owned by the platform team\n  controls: [ENC-01]\n', /scope\.controls\[0\]: ENC-01 is not an account-level rule/],
    ['no version', 'inputs: [plan.json]\n', /invalid config: version: is required/],
    ['invalid YAML', 'version: [1\n', /config file is not valid YAML/],
  ])('%s exits 2 with the key path in one line', (_name, text, reason) => {
    const { root } = project(text);
    const r = run(root, 'check', 'plan.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads phikit.config.json too, and refuses a config that is not a regular file', () => {
    const { root } = project(JSON.stringify({ version: 1, inputs: ['plan.json'], rule: ['AUD-01'], scope: { account: 'elsewhere', reason: REASON } }), 'phikit.config.json');
    expect(run(root, 'check').status).toBe(0);
    const r = run(root, 'check', '--config', root);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });

  it('phikit init writes a commented starter that is a valid config, and does not overwrite it', () => {
    const d = fs.mkdtempSync(path.join(tmp, 'init-'));
    const r = run(d, 'init');
    expect(r.status).toBe(0);
    const text = fs.readFileSync(path.join(d, 'phikit.config.yaml'), 'utf8');
    expect(text).toBe(STARTER_CONFIG);
    expect(text).toMatch(/# scope:\n#   account: elsewhere/);
    expect(parseConfig(text, path.join(d, 'phikit.config.yaml')).level).toBe('required');
    // every key of the schema is mentioned in the starter
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../policies/schemas/config.schema.json'), 'utf8'));
    for (const key of Object.keys(schema.properties)) if (key !== 'source') expect(text).toContain(`${key}:`);
    const again = run(d, 'init');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists/);
  });
});

describe('reports of the application plan with account: elsewhere', () => {
  let root: string;
  beforeAll(() => {
    root = project(ELSEWHERE).root;
  });

  it('text: grouped by rule, fix once per rule, one line per resource, one screen per strategy', () => {
    const r = run(root, 'check');
    const out = r.stdout;
    expect(out).toMatch(/Summary/);
    expect(out).toMatch(/strategy\s+required\s+recommended\s+unknown\s+not assessed\s+waived\s+error\s+pass/);
    const sections = out.split(/\n(?=\d\. )/).slice(1);
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.trimEnd().split('\n').length).toBeLessThanOrEqual(30);
    // each rule's fix is printed once, however many resources it lists
    const fixes = out.split('\n').filter((l) => l.trim().startsWith('fix: '));
    expect(new Set(fixes).size).toBe(fixes.length);
    expect(out).toMatch(/- aws_db_instance\.app: /);
    const verbose = run(root, 'check', '--verbose').stdout;
    expect(verbose.split('\n').length).toBeGreaterThan(out.split('\n').length);
  });

  it('json: level and not_assessed, valid against the published schema', () => {
    const report = JSON.parse(run(root, 'check', '--format', 'json').stdout);
    const validate = compileSchema('report.schema.json');
    expect(validate(report)).toBe(true);
    expect(report.summary.not_assessed).toBeGreaterThan(0);
    expect(report.findings.every((f: { level: string }) => f.level === 'required' || f.level === 'recommended')).toBe(true);
    expect(report.rules['AUD-01'].level).toBe('required');
  });

  it('sarif: recommended findings are warnings or notes, not-assessed ones open with level none', () => {
    const log = JSON.parse(run(root, 'check', '--format', 'sarif').stdout);
    const results = log.runs[0].results as Array<{ ruleId: string; level: string; kind: string; properties: { status: string; level: string } }>;
    const na = results.filter((x) => x.properties.status === 'not_assessed');
    expect(na.length).toBeGreaterThan(0);
    for (const x of na) expect([x.kind, x.level]).toEqual(['open', 'none']);
    const rec = results.filter((x) => x.properties.status === 'fail' && x.properties.level === 'recommended');
    expect(rec.length).toBeGreaterThan(0);
    for (const x of rec) expect(['warning', 'note']).toContain(x.level);
    const rule = log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'ENC-10b');
    expect(rule.properties.level).toBe('recommended');
  });

  it('junit: recommended failures and not-assessed findings are skipped with their reason; required failures fail', () => {
    const xml = run(root, 'check', '--format', 'junit').stdout;
    expect(xml).toMatch(/<skipped message="not assessed here — declared elsewhere: /);
    expect(xml).toMatch(/<skipped message="recommended \(phikit hardening/);
    expect(xml).toMatch(/<failure message="[A-Z]+-\d+[a-z]? \(required\)/);
    const gated = run(root, 'check', '--format', 'junit', '--level', 'recommended').stdout;
    expect(gated).toMatch(/<failure message="ENC-10b \(recommended\)/);
  });

  it('markdown and html: gaps listed, required and recommended apart, addresses in code spans', () => {
    const out = path.join(root, 'report');
    const r = run(root, 'report', '--out', out);
    expect(r.stderr).toBe('');
    const md = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.md'))!), 'utf8');
    expect(md).toMatch(/### Gaps: not assessed here/);
    expect(md).toMatch(/\| AUD-01 \| required \| critical \|/);
    expect(md).toMatch(/\| Fail: required \| Fail: recommended \|/);
    expect(md).toMatch(/\| Required results \| Recommended results \|/);
    expect(md).toContain('`aws_db_instance.app`');
    expect(md).not.toMatch(/\| aws\\_db\\_instance\.app \|/);
    const html = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.html'))!), 'utf8');
    expect(html).toMatch(/Gaps: not assessed here/);
    expect(html).toMatch(/data-status="not_assessed"|<td>AUD-01<\/td><td>required<\/td>/);
  });
});
