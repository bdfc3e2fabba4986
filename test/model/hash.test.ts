/** Input hashes: a large file's bytes are hashed on another thread, with the same digest, and never keep the process alive. */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { HASH_IN_WORKER_MIN_BYTES, hashAside } from '../../policies/model/hash';

const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('hashAside', () => {
  it('hashes a large buffer on a worker thread: the same digest, the bytes handed over (detached)', () => {
    const buf = Buffer.allocUnsafe(HASH_IN_WORKER_MIN_BYTES + 12_345);
    randomBytes(4096).copy(buf);
    buf.fill(7, 4096);
    const expected = hex(buf);
    let again = 0;
    const digest = hashAside(buf, () => {
      again++;
      return Buffer.alloc(0);
    });
    expect(buf.length).toBe(0); // moved to the worker
    expect(digest()).toBe(expected);
    expect(digest()).toBe(expected);
    expect(again).toBe(0);
  });

  it('hashes a small buffer in place', () => {
    const buf = Buffer.from('{"format_version":"1.2"}');
    expect(hashAside(buf, () => Buffer.alloc(0))()).toBe(hex(Buffer.from('{"format_version":"1.2"}')));
    expect(buf.length).toBeGreaterThan(0);
  });

  it('does not keep the process alive', () => {
    const dist = path.resolve(__dirname, '..', '..', 'dist', 'policies', 'model', 'hash.js');
    const code = `const { hashAside } = require(${JSON.stringify(dist)}); const d = hashAside(Buffer.alloc(${HASH_IN_WORKER_MIN_BYTES + 1}, 1), () => Buffer.alloc(0)); process.stdout.write(d());`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(hex(Buffer.alloc(HASH_IN_WORKER_MIN_BYTES + 1, 1)));
  });
});
