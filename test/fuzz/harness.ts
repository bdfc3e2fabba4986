/**
 * Run phikit in-process on one input and classify the outcome. Output goes to a file, stderr is
 * captured; an uncaught exception or an exit code other than 0/1/2 is a crash.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../policies/cli/main';

export interface Outcome {
  code: number;
  stderr: string;
  output: string;
  crashed?: string;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-fuzz-'));

export async function runOnce(input: Buffer | string, args: string[] = [], format = 'json'): Promise<Outcome> {
  const file = typeof input === 'string' ? input : path.join(dir, 'case.json');
  if (typeof input !== 'string') fs.writeFileSync(file, input);
  const out = path.join(dir, `out.${format}`);
  try {
    fs.rmSync(out, { force: true });
  } catch {
    /* ignore */
  }
  let stderr = '';
  const orig = process.stderr.write.bind(process.stderr);
  (process.stderr as unknown as { write: (s: string | Uint8Array) => boolean }).write = (s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  };
  let code: number;
  let crashed: string | undefined;
  try {
    code = await main(['check', file, '--format', format, '--output', out, '--now', '2026-11-28T00:00:00Z', ...args]);
  } catch (e) {
    code = -1;
    crashed = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } finally {
    (process.stderr as unknown as { write: typeof orig }).write = orig;
  }
  const output = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  return { code, stderr, output, crashed };
}

/** Problems with an outcome (empty when it is acceptable). */
export function problems(o: Outcome): string[] {
  const p: string[] = [];
  if (o.crashed) p.push(`uncaught: ${o.crashed}`);
  if (![0, 1, 2].includes(o.code)) p.push(`exit code ${o.code}`);
  if (o.code === 2 && o.stderr.trim().split('\n').length !== 1) p.push(`stderr is not one line: ${JSON.stringify(o.stderr.slice(0, 300))}`);
  if (/\n\s+at /.test(o.stderr)) p.push('stack trace on stderr');
  if (({} as Record<string, unknown>).polluted !== undefined) p.push('prototype polluted');
  return p;
}
