/**
 * Benchmark worker (one process per measurement). Prints JSON: elapsed time, CPU time and peak RSS.
 *   parse FILE           reading the file and JSON.parse alone (the floor)
 *   check FORMAT FILE    `phikit check FILE --format FORMAT` as the CLI runs it, timed from before
 *                        phikit's modules are loaded until the report is written
 *   report FILE          `phikit report FILE` (HTML + Markdown + JSON reviewer reports)
 * Reports go to a temporary file or directory, so terminal speed does not count.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const NOW = '2026-11-28T00:00:00Z';
let tEnd: bigint | undefined;
let cpuEnd: NodeJS.CpuUsage | undefined;

async function run(mode: string, args: string[]): Promise<number> {
  if (mode === 'parse') {
    const doc: unknown = JSON.parse(fs.readFileSync(args[0], 'utf8'));
    return typeof doc === 'object' ? 0 : 1;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-bench-out-'));
  try {
    // Loaded here, inside the timed region: loading the rule catalogue is part of a check.
    const { main } = require('../policies/cli/main') as typeof import('../policies/cli/main');
    const argv =
      mode === 'report'
        ? ['report', args[0], '--out', dir, '--now', NOW, '--max-input-size', '2GiB']
        : ['check', args[1], '--format', args[0], '--output', path.join(dir, 'report'), '--now', NOW, '--max-input-size', '2GiB'];
    const code = await main(argv);
    tEnd = process.hrtime.bigint(); // removing the report is not part of the run
    cpuEnd = process.cpuUsage();
    if (code > 1) throw new Error(`phikit ${argv[0]} exited ${code}`);
    return code;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
run(mode, args).then(
  (code) => {
    const ms = Number((tEnd ?? process.hrtime.bigint()) - t0) / 1e6;
    // CPU time (user + system, all threads) since start-up: on a shared machine it varies much
    // less than the elapsed time, which includes waiting for a core.
    const cpu = cpuEnd ?? process.cpuUsage();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.stdout.write(JSON.stringify({ mode, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode: code }));
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  },
);
