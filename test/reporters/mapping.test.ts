/**
 * The reviewer reports (Markdown + HTML): every strategy section, a failing resource under the
 * right citation, a waived finding with reason and expiry, the coverage matrix listing every
 * Security Rule specification, byte-identical output for identical input, and no sensitive value.
 */
import { evaluate } from '../../policies/engine/evaluate';
import type { RunResult } from '../../policies/engine/types';
import { parseWaivers } from '../../policies/engine/waivers';
import { HIPAA_SPECS } from '../../policies/hipaa/specs';
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { REPORTERS } from '../../policies/reporters';
import { RULES } from '../../policies/rules';
import { toPlan } from '../support/cases';

const CANARY = 'CANARY-7f3a9e-do-not-print';
const now = new Date('2026-11-28T12:00:00Z');
const opts = { toolVersion: '0.0.0-test', catalogueVersion: 'test', generatedAt: now };

function build(): RunResult {
  const plan = toPlan({
    description: 'mapping',
    resources: {
      'aws_s3_bucket.phi': { bucket: 'phi-data' },
      'aws_s3_bucket_server_side_encryption_configuration.sse': {
        bucket: '${aws_s3_bucket.phi.id}',
        rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }],
      },
      'aws_kms_key.k': { enable_key_rotation: true },
      'aws_kms_key.legacy': { description: 'legacy key' },
      'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', password: CANARY, storage_encrypted: true },
      'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', is_multi_region_trail: true },
    },
    unknown: { 'aws_cloudtrail.t': ['is_multi_region_trail'] },
  });
  // Mark the password sensitive, as Terraform does.
  const rc = (plan.resource_changes as Array<{ address: string; change: { after_sensitive: Record<string, unknown> } }>).find((r) => r.address === 'aws_db_instance.db')!;
  rc.change.after_sensitive = { password: true };
  const text = JSON.stringify(plan);
  const graph = Graph.from([parseDocument(JSON.parse(text), 'plans/platform.json', text)]);
  const waivers = parseWaivers(
    JSON.stringify({ version: 1, waivers: [{ rule: 'ENC-02', resource: 'aws_kms_key.legacy', reason: 'Legacy key kept for decrypt-only during migration', approved_by: 'security@example.org', expires: '2027-02-28' }] }),
    'waivers.json',
  );
  return evaluate(graph, { rules: RULES, now, waivers });
}

const result = build();
const markdown = REPORTERS.markdown(result, opts);
const html = REPORTERS.html(result, opts);

describe('compliance mapping reports', () => {
  it.each([
    ['markdown', markdown],
    ['html', html],
  ])('%s has a section for every strategy', (_name, text) => {
    for (const name of ['Encryption', 'Access Control', 'Regular Security Audits', 'Employee Training', 'Secure Communication', 'Data Backup and Recovery', 'Collaboration with Cybersecurity Experts', 'Incident Response Plan']) {
      expect(text).toContain(name);
    }
    for (let s = 1; s <= 8; s++) expect(text).toMatch(new RegExp(`Strategy ${s}: `));
  });

  it('lists the failing bucket under 164.312(a)(2)(iv) → ENC-01', () => {
    const section = markdown.split('### 45 CFR 164.312(a)(2)(iv)')[1].split('\n### ')[0];
    expect(section).toContain('#### ENC-01');
    expect(section).toMatch(/✗ Fail \| `aws_s3_bucket.phi` \|/);
    expect(section).toContain('AES256');
  });

  it('shows the waived finding with its reason, approver and expiry in the waivers table', () => {
    const waivers = markdown.split('## Waivers')[1];
    expect(waivers).toContain('Legacy key kept for decrypt-only during migration');
    expect(waivers).toContain('security@example.org');
    expect(waivers).toContain('2027-02-28');
    expect(html).toContain('Legacy key kept for decrypt-only during migration');
    expect(html).toMatch(/data-status="waived"/);
  });

  it('shows unknown findings as unknown, never as pass', () => {
    expect(result.findings.find((f) => f.ruleId === 'AUD-01')?.status).toBe('unknown');
    expect(markdown).toMatch(/\? Unknown \| `aws_cloudtrail.t/);
  });

  it('has a coverage matrix row for every Security Rule specification', () => {
    const matrix = markdown.split('## HIPAA Security Rule coverage matrix')[1].split('\n## ')[0];
    for (const spec of HIPAA_SPECS) expect(matrix).toContain(`| ${spec.citation} |`);
    expect(matrix).toMatch(/164\.310\(a\)\(2\)\(ii\) \| Facility security plan \| A \| Outside infrastructure-as-code scope/);
    expect(matrix).toMatch(/164\.312\(a\)\(2\)\(iv\) \| Encryption and decryption \| A \| \d+ technical rules? checked in the plan/);
  });

  it('records provenance: versions, input file and its SHA-256, run time', () => {
    const sha = result.units[0].sha256;
    for (const text of [markdown, html]) {
      expect(text).toContain(sha);
      expect(text).toContain('plans/platform.json');
      expect(text).toContain('2026-11-28T12:00:00.000Z');
      expect(text).toContain('0.0.0-test');
    }
  });

  it('renders byte-identical output for identical input and a fixed run time', () => {
    const again = build();
    expect(REPORTERS.markdown(again, opts)).toBe(markdown);
    expect(REPORTERS.html(again, opts)).toBe(html);
  });

  it('never prints a sensitive value in any format', () => {
    for (const [name, reporter] of Object.entries(REPORTERS)) {
      expect({ name, leaked: reporter(result, opts).includes(CANARY) }).toEqual({ name, leaked: false });
    }
  });

  it('HTML is self-contained and accessible', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/);
    expect(html).toContain('<svg id="score-chart" role="img"');
    expect(html).toMatch(/<th scope="col">Status<\/th>/);
    expect((html.match(/<h1>/g) ?? []).length).toBe(1);
    expect(html).toContain('@media print');
  });
});
