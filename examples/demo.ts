/**
 * `npm run demo`: synthesize the example PHI platform (with synth-time checks), check the
 * synthesized cdktf.out with the phikit CLI pipeline and its evidence directory, print the text
 * report, and write the reviewer report (HTML + Markdown + JSON).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyHipaaChecks } from '../constructs/checks';
import { exitCodeFor, runCheck } from '../policies/pipeline';
import { REPORTERS, writeComplianceReports } from '../policies/reporters';
import { CATALOGUE_VERSION } from '../policies/rules';
import { VERSION } from '../policies/version';
import { buildPlatform } from './phi-data-platform/platform';

const root = path.resolve(__dirname, '..', '..');
const outdir = path.join(root, 'cdktf.out');
const evidence = path.join(root, 'examples', 'phi-data-platform', 'evidence');
const reportDir = path.join(root, 'reports', 'phi-data-platform');

const t0 = Date.now();
const { app, stack } = buildPlatform(outdir);
applyHipaaChecks(stack);
app.synth();
const synthMs = Date.now() - t0;

const { result } = runCheck([outdir], { evidenceDir: evidence });
const opts = { toolVersion: VERSION, catalogueVersion: CATALOGUE_VERSION, color: !!process.stdout.isTTY };
const text = REPORTERS.text(result, opts);
// The full text report lists every non-passing finding; show its header and per-strategy summary table and where the rest is.
const lines = text.trimEnd().split('\n');
const plain = (l: string) => l.replace(/\u001b\[[0-9;]*m/g, '');
const tableEnd = lines.findIndex((l) => /^\s*total\s/.test(plain(l)));
process.stdout.write(`${lines.slice(0, tableEnd >= 0 ? tableEnd + 1 : 3).join('\n')}\n…\n${lines[lines.length - 1]}\n`);
const files = writeComplianceReports(result, reportDir, opts);
process.stdout.write(`\nsynthesized ${path.relative(root, outdir)} in ${synthMs} ms (${result.units.length} stack)\n`);
process.stdout.write(`reviewer report (HTML):     ${path.relative(root, files.html)}\n`);
process.stdout.write(`reviewer report (Markdown): ${path.relative(root, files.markdown)}\n`);
process.stdout.write(`JSON report:                ${path.relative(root, files.json)}\n`);
fs.writeFileSync(path.join(reportDir, 'phikit-report.txt'), REPORTERS.text(result, { ...opts, color: false }));
process.exitCode = exitCodeFor(result, 'low', false);
