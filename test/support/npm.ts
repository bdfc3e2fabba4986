/** Running npm, node and the compiler in a scratch project, for the package end-to-end tests. */
import { spawnSync } from 'node:child_process';

export const TSC = require.resolve('typescript/bin/tsc');

export function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env, npm_config_update_notifier: 'false' }, timeout: 240_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Why npm cannot install `pkg` here ('' when it can): no npm, or neither registry nor cache. */
export function npmSkipReason(pkg: string, cwd: string): string {
  if (run('npm', ['--version'], cwd).code !== 0) return 'npm is not available';
  const view = run('npm', ['view', '--prefer-offline', pkg, 'version'], cwd);
  if (view.code !== 0) return `npm cannot resolve ${pkg} (no registry and no cache): ${view.out.trim().split('\n').pop()}`;
  return '';
}
