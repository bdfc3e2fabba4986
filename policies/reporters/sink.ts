/** Where chunked reports go: gathered into ~1 MiB pieces, then written to a file or a stream. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Write } from './types';

const PIECE = 1 << 20;
/** The most UTF-16 code units written to the byte buffer at once (3 bytes each at most). */
const SLICE = Math.floor(PIECE / 3);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

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
export function writeFileChunked(file: string, produce: (write: Write) => void, flags = 'w'): void {
  const fd = fs.openSync(file, flags);
  try {
    const buf = Buffer.allocUnsafe(PIECE);
    let used = 0;
    const flush = () => {
      for (let done = 0; done < used; ) done += fs.writeSync(fd, buf, done, used - done);
      used = 0;
    };
    const put = (text: string) => {
      // A UTF-16 code unit is at most 3 bytes of UTF-8.
      if (used + text.length * 3 > buf.length) flush();
      used += buf.write(text, used);
    };
    produce((chunk) => {
      // A chunk too large for the buffer goes in pieces that never split a surrogate pair.
      for (let at = 0; at < chunk.length; ) {
        let end = Math.min(chunk.length, at + SLICE);
        if (end < chunk.length && isHighSurrogate(chunk.charCodeAt(end - 1))) end--;
        put(at === 0 && end === chunk.length ? chunk : chunk.slice(at, end));
        at = end;
      }
    });
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A stand-in for building `parts` and returning `parts.join(separator)`: what is pushed goes out
 * through `write` as it comes (gathered into ~1 MiB pieces); call `end()` last.
 */
export function joined(write: Write, separator = '\n'): { push: (...parts: string[]) => void; end: (tail?: string) => void } {
  const out = buffered(write);
  let first = true;
  return {
    push: (...parts) => {
      for (const p of parts) {
        if (!first) out.write(separator);
        out.write(p);
        first = false;
      }
    },
    end: (tail = '') => {
      if (tail) out.write(tail);
      out.end();
    },
  };
}

/**
 * Write `file` through a new temporary file beside it (created exclusively: never an existing
 * file or a planted symlink), renamed over `file` at the end. A symlink at `file` is replaced,
 * never followed, and a failed write leaves no half-written report.
 */
export function writeFileReplacing(file: string, produce: (write: Write) => void): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileChunked(tmp, produce, 'wx');
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
