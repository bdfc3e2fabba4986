/** `--source` / `--no-source` of check and report: read the Terraform source beside the plans before the (synchronous) check. */
import type { SourceSet } from '../model/source';
import { loadSources } from '../pipeline';

/** The Terraform source beside the plans (`--source DIR…`, default: each plan's directory; `--no-source`: none); warnings go to stderr. */
export async function sourcesFor(paths: string[], source: string[] | false | undefined): Promise<SourceSet | undefined> {
  if (source === false) return undefined;
  const set = await loadSources(paths, source);
  const warnings = [...new Set([...set.values()].flatMap((s) => s.warnings))];
  for (const w of warnings.slice(0, 20)) process.stderr.write(`phikit: warning: ${w.split('\n')[0]}\n`);
  if (warnings.length > 20) process.stderr.write(`phikit: warning: ${warnings.length - 20} more source warnings\n`);
  return set;
}
