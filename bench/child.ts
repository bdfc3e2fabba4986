/**
 * Benchmark worker (one process per measurement): `parse FILE` times JSON.parse of the file alone;
 * `check FILE` times the whole phikit check (load, model, every rule, JSON report). Prints JSON.
 */
import * as fs from 'node:fs';
import { runCheck } from '../policies/cli/main';
import { jsonReporter } from '../policies/reporters/json';
import { CATALOGUE_VERSION } from '../policies/rules';

const [mode, file] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
let findings = 0;
if (mode === 'parse') {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  findings = typeof doc === 'object' ? 1 : 0;
} else {
  // The same pipeline as `phikit check` (load, model, every rule), then the JSON report.
  const { result } = runCheck([file], { maxBytes: 2 * 1024 ** 3, now: new Date('2026-11-28T00:00:00Z') });
  const report = jsonReporter(result, { toolVersion: 'bench', catalogueVersion: CATALOGUE_VERSION });
  findings = result.findings.length + (report.length > 0 ? 0 : 1);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ mode, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, findings }));
