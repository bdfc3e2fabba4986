/** `--max-input-size` values: `256MiB`, `2GiB`, `512k`, plain bytes. */
import { UsageError } from '../model/errors';

export function parseSize(s: string): number {
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-input-size: "${s}" is not a size (e.g. 256MiB)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}
