/**
 * Benchmark worker (one process per measurement). Prints JSON: time and peak RSS.
 *   parse FILE        reading the file and JSON.parse alone (the floor)
 *   check FILE        `phikit check FILE` as the CLI runs it (text report), timed from before
 *                     phikit's modules are loaded until the report is written
 *   check-json FILE   the same with `--format json` (every finding, passes included)
 * Reports go to a temporary file, so terminal speed does not count.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

async function run(mode: string, file: string): Promise<number> {
  if (mode === 'parse') {
    const doc: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof doc === 'object' ? 0 : 1;
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-bench-out-')), 'report');
  // Loaded here, inside the timed region: loading the rule catalogue is part of a check.
  const { main } = require('../policies/cli/main') as typeof import('../policies/cli/main');
  const format = mode === 'check-json' ? 'json' : 'text';
  const code = await main(['check', file, '--format', format, '--output', out, '--now', '2026-11-28T00:00:00Z', '--max-input-size', '2GiB']);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (code > 1) throw new Error(`phikit check exited ${code}`);
  return code;
}

const [mode, file] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
run(mode, file).then(
  (code) => {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(JSON.stringify({ mode, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode: code }));
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  },
);
