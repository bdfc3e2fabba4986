/**
 * Reporter scaling: every format written (to a sink that only counts characters) for synthetic
 * runs of 10k and 40k findings over one plan file with a line per resource, in this process,
 * CPU time (steadier than elapsed time on a shared machine), medians of 5. Four times the findings should take about four times as long; a quadratic
 * reporter (a scan of the input per finding, a copy per finding) shows as ~16x. The bench flags
 * any format above 8x (`superLinear`), without failing: the machine is shared and timings vary.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, RunResult, Status } from '../policies/engine/types';
import { REPORTERS, writeReport } from '../policies/reporters';
import { RULES } from '../policies/rules';

const STATUSES: Status[] = ['fail', 'pass', 'unknown', 'pass', 'waived', 'error', 'pass', 'pass'];
const opts = { toolVersion: 'bench', catalogueVersion: 'bench', generatedAt: new Date('2026-11-28T00:00:00Z') };

function syntheticRun(n: number, dir: string): RunResult {
  const rules = RULES.slice(0, 40);
  const resources = Math.ceil(n / 4);
  const address = (i: number) => `module.m${i % 17}.aws_s3_bucket.b${i % resources}`;
  const file = path.join(dir, `plan-${n}.json`);
  const lines = Array.from({ length: resources }, (_, i) => `    {"address": ${JSON.stringify(address(i))}, "type": "aws_s3_bucket"}`);
  fs.writeFileSync(file, `{\n  "resource_changes": [\n${lines.join(',\n')}\n  ]\n}\n`);
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const rule = rules[i % rules.length];
    const status = STATUSES[i % STATUSES.length];
    findings.push({
      ruleId: rule.id,
      title: rule.title,
      strategy: rule.strategy,
      severity: rule.severity,
      level: rule.level,
      citations: rule.citations,
      status,
      message: `bucket ${i} is ${status}`,
      address: address(i),
      resourceType: 'aws_s3_bucket',
      file,
      unitId: file,
      remediation: rule.remediation,
      ...(status === 'waived' ? { waiver: { source: 'file' as const, reason: 'accepted risk', approvedBy: 'sec@example.org', expires: '2027-01-01', expired: false, origin: 'waivers.yaml#0' } } : {}),
    });
  }
  findings.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { findings, staleWaivers: [], units: [{ id: file, file, format: 'plan', sha256: '0'.repeat(64) }], rules, now: opts.generatedAt };
}

export interface ReporterScaling {
  readonly format: string;
  readonly ms: Record<string, number>;
  readonly ratio: number;
  readonly superLinear: boolean;
}

export function measureReporterScaling(sizes: readonly [number, number] = [10000, 40000], repeat = 5): ReporterScaling[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-bench-reporters-'));
  try {
    const runs = sizes.map((n) => syntheticRun(n, dir));
    return Object.keys(REPORTERS).map((format) => {
      const ms: Record<string, number> = {};
      runs.forEach((run, k) => {
        const times: number[] = [];
        for (let i = 0; i < repeat; i++) {
          let chars = 0;
          const t0 = process.cpuUsage();
          // rowsPerRule 0: the Markdown/HTML list every finding here, so their scaling shows.
          writeReport(format, run, { ...opts, rowsPerRule: 0 }, (c) => {
            chars += c.length;
          });
          const dt = process.cpuUsage(t0);
          times.push((dt.user + dt.system) / 1000);
          if (!chars) throw new Error(`${format}: empty report`);
        }
        ms[String(sizes[k])] = +times.sort((a, b) => a - b)[Math.floor(times.length / 2)].toFixed(1);
      });
      const ratio = +(ms[String(sizes[1])] / ms[String(sizes[0])]).toFixed(2);
      return { format, ms, ratio, superLinear: ratio > 2 * (sizes[1] / sizes[0]) };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) process.stdout.write(`${JSON.stringify(measureReporterScaling(), null, 2)}\n`);
