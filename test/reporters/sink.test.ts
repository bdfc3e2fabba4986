import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buffered, writeFileChunked } from '../../policies/reporters/sink';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-sink-')), 'out.txt');

describe('chunked report writing', () => {
  it('writes exactly the concatenated chunks, including chunks larger than its buffer and astral characters on every boundary', () => {
    // 😀 is a surrogate pair; a 3 MiB chunk of them must be cut between pairs, never inside one.
    const chunks = ['{"a":', '😀'.repeat(1_600_000), 'é\n', 'x'.repeat((1 << 20) + 7), '🩺'.repeat(3), ''];
    const file = tmp();
    writeFileChunked(file, (write) => chunks.forEach(write));
    const written = fs.readFileSync(file);
    expect(written.equals(Buffer.from(chunks.join(''), 'utf8'))).toBe(true);
    expect(written.toString('utf8')).not.toContain('\uFFFD');
  });

  it('truncates an existing file and writes an empty report as an empty file', () => {
    const file = tmp();
    fs.writeFileSync(file, 'old content');
    writeFileChunked(file, () => undefined);
    expect(fs.readFileSync(file, 'utf8')).toBe('');
  });

  it('buffered() hands on pieces of at least 1 MiB except the last, in order', () => {
    const pieces: string[] = [];
    const out = buffered((p) => pieces.push(p));
    for (let i = 0; i < 5000; i++) out.write(`${'y'.repeat(499)}\n`);
    out.end();
    expect(pieces.join('')).toBe(`${'y'.repeat(499)}\n`.repeat(5000));
    expect(pieces.slice(0, -1).every((p) => p.length >= 1 << 20)).toBe(true);
    expect(pieces.length).toBe(3);
  });
});
