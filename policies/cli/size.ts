/** `--max-input-size` values: `256MiB`, `2GiB`, `512k`, plain bytes. */
import { UsageError } from '../model/errors';

export function parseSize(s: string, flag = '--max-input-size'): number {
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`${flag}: "${s}" is not a size (e.g. 256MiB)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}

/** `--max-resources` and other counts: a whole number ≥ 1. */
export function parseCount(s: string, flag: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag}: "${s}" is not a whole number ≥ 1`);
  return n;
}
