/** Where chunked reports go: gathered into ~1 MiB pieces, then written to a file or a stream. */
import * as fs from 'node:fs';
import type { Write } from './types';

const PIECE = 1 << 20;

/** A `Write` that hands `flush` pieces of at least `PIECE` characters; call `end()` last. */
export function buffered(flush: (piece: string) => void): { write: Write; end: () => void } {
  let parts: string[] = [];
  let size = 0;
  const drain = () => {
    if (!parts.length) return;
    flush(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write: (chunk) => {
      parts.push(chunk);
      size += chunk.length;
      if (size >= PIECE) drain();
    },
    end: drain,
  };
}

/** Write what `produce` writes into `file` (created or truncated), through a 1 MiB byte buffer. Throws what fs throws. */
export function writeFileChunked(file: string, produce: (write: Write) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    let buf = Buffer.allocUnsafe(PIECE);
    let used = 0;
    const flush = () => {
      if (used) fs.writeSync(fd, buf, 0, used);
      used = 0;
    };
    produce((chunk) => {
      // A UTF-8 character is at most 3 bytes per UTF-16 code unit.
      if (used + chunk.length * 3 > buf.length) {
        flush();
        if (chunk.length * 3 > buf.length) buf = Buffer.allocUnsafe(chunk.length * 3);
      }
      used += buf.write(chunk, used);
    });
    flush();
  } finally {
    fs.closeSync(fd);
  }
}
