/**
 * Best-effort line numbers for findings, so code-scanning UIs can point into the input file.
 * Plan JSON: the line with `"address": "<address>"`. cdk.tf.json: the line that opens the
 * resource's name key under its type. Line 1 when nothing matches or the file cannot be read.
 */
import * as fs from 'node:fs';

export class LineLocator {
  private readonly cache = new Map<string, string[] | null>();

  private lines(file: string): string[] | null {
    if (!this.cache.has(file)) {
      let lines: string[] | null = null;
      try {
        const buf = fs.readFileSync(file);
        const text = buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2).toString('utf16le') : buf.toString('utf8');
        lines = text.split(/\r?\n/);
      } catch {
        lines = null;
      }
      this.cache.set(file, lines);
    }
    return this.cache.get(file) ?? null;
  }

  /** 1-based line of the resource `address` in `file`. */
  line(file: string, address: string, resourceType?: string): number {
    const lines = this.lines(file);
    if (!lines || address.startsWith('(')) return 1;
    const needle = `"address": ${JSON.stringify(address)}`;
    const compact = `"address":${JSON.stringify(address)}`;
    for (let i = 0; i < lines.length; i++) if (lines[i].includes(needle) || lines[i].includes(compact)) return i + 1;
    if (resourceType) {
      const name = address.split('.').pop() ?? '';
      const typeKey = `${JSON.stringify(resourceType)}:`;
      const nameKey = `${JSON.stringify(name)}:`;
      const t = lines.findIndex((l) => l.includes(typeKey));
      if (t >= 0) for (let i = t; i < lines.length; i++) if (lines[i].includes(nameKey)) return i + 1;
    }
    return 1;
  }
}
