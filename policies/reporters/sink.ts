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

/** Write what `produce` writes into `file` (created or truncated). Throws what fs throws. */
export function writeFileChunked(file: string, produce: (write: Write) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    const out = buffered((piece) => fs.writeSync(fd, piece));
    produce(out.write);
    out.end();
  } finally {
    fs.closeSync(fd);
  }
}
