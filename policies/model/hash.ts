/**
 * SHA-256 of an input file's bytes (its provenance in every report), computed beside the parse.
 *
 * Hashing a 200 MB plan takes about as long as reading it. The bytes are not needed once they are
 * decoded, so for a large file they are moved (not copied) to a worker thread that hashes them
 * on the second core while the main thread parses the text; the answer is waited for only when
 * the unit is built. Small files, and any failure to start the worker, are hashed in place.
 */
import * as crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Hex SHA-256 of bytes or of a string's UTF-8; one-shot `crypto.hash` where Node has it (20.12+, about twice as fast for short inputs). */
export const sha256 = (data: string | Uint8Array): string => (typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex'));

/** Files smaller than this are hashed in place: starting a thread would cost more than it saves. */
export const HASH_IN_WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** How long the main thread waits for the worker before hashing the file again itself. */
const WAIT_MS = 60_000;

// The worker: hash the bytes it is given, write the hex digest to `out`, then set `flag` (1 done, 2 failed).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.once('message', ({ bytes, length }) => {
  const flag = new Int32Array(workerData.flag);
  try {
    const hex = createHash('sha256').update(new Uint8Array(bytes, 0, length)).digest('hex');
    Buffer.from(workerData.out).write(hex, 'latin1');
    Atomics.store(flag, 0, 1);
  } catch {
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
  parentPort.close();
});
`;

/**
 * Start hashing `buf` (its memory is handed over: do not use `buf` afterwards) and return a
 * function giving the hex digest. `again` reads the bytes anew, for the rare case the worker
 * gives no answer.
 */
export function hashAside(buf: Buffer, again: () => Buffer): () => string {
  const whole = buf.buffer;
  if (buf.length < HASH_IN_WORKER_MIN_BYTES || buf.byteOffset !== 0 || !(whole instanceof ArrayBuffer)) {
    const hex = sha256(buf);
    return () => hex;
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const out = new SharedArrayBuffer(64);
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { eval: true, workerData: { flag: flag.buffer, out } });
    // Never keeps the process alive, and an error only means the main thread hashes instead.
    worker.unref();
    worker.on('error', () => undefined);
    worker.postMessage({ bytes: whole, length: buf.length }, [whole]);
  } catch {
    const hex = sha256(buf);
    return () => hex;
  }
  let hex: string | undefined;
  return () => {
    if (hex === undefined) {
      Atomics.wait(flag, 0, 0, WAIT_MS);
      hex = Atomics.load(flag, 0) === 1 ? Buffer.from(out).toString('latin1') : sha256(again());
      void worker.terminate();
    }
    return hex;
  };
}
