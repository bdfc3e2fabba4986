/**
 * Every file phikit reads — plans, cdk.tf.json, manifest.json, and the auxiliary inputs
 * (`--waivers`, `--baseline`, `--config`, evidence files) — is read here, under the same rules:
 *
 *  - a regular file only: a FIFO (which would block forever), a character device (`/dev/zero`,
 *    endless), a directory or a socket is refused with a reason. The file is opened without
 *    blocking and checked on the open descriptor, so it cannot be swapped for a FIFO between
 *    the check and the read;
 *  - at most `maxBytes` bytes (`--max-input-size`), also when the file grows while it is read;
 *  - every byte read counts towards the run's {@link Budget} (`--max-total-input-size`), so a
 *    manifest listing one stack 300 times or 50 inputs of the largest allowed size is refused
 *    before it exhausts memory.
 *
 * Errors are InputErrors (exit 2, one line) naming the file and what is wrong, never its content.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { InputError } from './errors';

/** Largest single input file accepted by default (`--max-input-size`). */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** Largest sum of every file one run reads (`--max-total-input-size`). */
export const DEFAULT_MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** Most resources (managed and data, all inputs together) one run models (`--max-resources`). */
export const DEFAULT_MAX_RESOURCES = 250_000;

export interface BudgetLimits {
  readonly totalBytes: number;
  readonly resources: number;
}

/** What one run may still read and model. Shared by every loader of the run. */
export class Budget {
  private bytes = 0;
  private resources = 0;
  readonly limits: BudgetLimits;

  constructor(limits: Partial<BudgetLimits> = {}) {
    this.limits = { totalBytes: limits.totalBytes ?? DEFAULT_MAX_TOTAL_BYTES, resources: limits.resources ?? DEFAULT_MAX_RESOURCES };
  }

  /** Count bytes read from `file`; an input error once the run's total is over the limit. */
  addBytes(n: number, file: string): void {
    this.bytes += n;
    if (this.bytes > this.limits.totalBytes) {
      throw new InputError(`${file}: the inputs of this run add up to more than ${this.limits.totalBytes} bytes (--max-total-input-size)`);
    }
  }

  /** Count resources about to be modelled from `file`. */
  addResources(n: number, file: string): void {
    this.resources += n;
    if (this.resources > this.limits.resources) {
      throw new InputError(`${file}: the inputs of this run hold more than ${this.limits.resources} resources (--max-resources)`);
    }
  }

  get bytesRead(): number {
    return this.bytes;
  }
}

export interface ReadOptions {
  /** What the file is, for messages: `waivers file`, `baseline`, `evidence file`, `config file`. */
  readonly what?: string;
  /** Largest file accepted, in bytes (default {@link DEFAULT_MAX_INPUT_BYTES}). */
  readonly maxBytes?: number;
  /** The run's budget; every byte read counts towards it. */
  readonly budget?: Budget;
}

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The bytes of a regular file, within the size limit and the run's budget. */
export function readInputBytes(file: string, opts: ReadOptions = {}): Buffer {
  const what = opts.what ? `${opts.what} ` : '';
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${file}: ${what}no such file or directory`);
    if (code === 'ELOOP') throw new InputError(`${file}: ${what}symlink loop`);
    if (code === 'EISDIR') throw new InputError(`${file}: ${what}is a directory, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${file}: ${what}permission denied`);
    throw new InputError(`${file}: ${what}cannot be opened`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new InputError(`${file}: ${what}is ${kindOf(st)}, not a regular file`);
    if (st.size > maxBytes) throw new InputError(`${file}: ${what}${st.size} bytes is over the input limit of ${maxBytes} bytes (--max-input-size)`);
    opts.budget?.addBytes(st.size, file);
    // Read to the end, never more than the limit (the file may grow meanwhile).
    let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let used = 0;
    for (;;) {
      if (used === buf.length) {
        if (used > maxBytes) throw new InputError(`${file}: ${what}grew past the input limit of ${maxBytes} bytes while being read (--max-input-size)`);
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, used);
        buf = bigger;
      }
      let n: number;
      try {
        n = fs.readSync(fd, buf, used, buf.length - used, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw new InputError(`${file}: ${what}cannot be read`);
      }
      if (n === 0) break;
      used += n;
    }
    if (used > st.size) opts.budget?.addBytes(used - st.size, file);
    return used === buf.length ? buf : buf.subarray(0, used);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decode file bytes: UTF-8 (with or without BOM) or UTF-16 LE/BE with BOM; strict. `json`: the
 * text is JSON, so a few non-ASCII characters may be written as `\u` escapes (see {@link asciiJson}).
 */
export function decode(buf: Buffer, file: string, json = false): string {
  if (buf.length === 0) throw new InputError(`${file}: file is empty`);
  let text: string;
  try {
    if (buf[0] === 0xff && buf[1] === 0xfe) {
      text = new TextDecoder('utf-16le', { fatal: true }).decode(buf.subarray(2));
    } else if (buf[0] === 0xfe && buf[1] === 0xff) {
      text = new TextDecoder('utf-16be', { fatal: true }).decode(buf.subarray(2));
    } else if (buf.length >= 4 && buf[0] !== 0 && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) {
      // UTF-16LE without a BOM (`{\0"\0`).
      text = new TextDecoder('utf-16le', { fatal: true }).decode(buf);
    } else {
      // UTF-8 encodes U+0000 as a 0 byte and no other character holds one: look in the bytes
      // (memchr speed) rather than in the text. ASCII bytes decode as Latin-1, a plain copy.
      const body = buf.subarray(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
      if (body.indexOf(0) >= 0) throw new InputError(`${file}: contains NUL characters, not a text file`);
      if (isAscii(body)) return body.toString('latin1');
      if (!isUtf8(body)) throw new InputError(`${file}: not valid UTF-8 or UTF-16 text`);
      return (json && asciiJson(body)?.toString('latin1')) || body.toString('utf8');
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: not valid UTF-8 or UTF-16 text`);
  }
  if (text.indexOf('\u0000') >= 0) throw new InputError(`${file}: contains NUL characters, not a text file`);
  return text;
}

/**
 * The text is one line (a final line break allowed): no 0x0a byte before the last one. A line
 * feed is that byte in UTF-8 and holds it in UTF-16, so the answer errs only towards "more lines".
 */
export function isOneLine(buf: Uint8Array): boolean {
  const nl = buf.indexOf(0x0a);
  return nl < 0 || nl === buf.length - 1;
}

/** Bytes per block looked at by {@link asciiJson}. */
const BLOCK = 64 * 1024;
/** The most characters {@link asciiJson} escapes (each costs two small buffers until joined). */
const MAX_ESCAPED = 64 * 1024;

/**
 * Valid UTF-8 JSON with a few non-ASCII characters, as ASCII: each of them written as a `\u`
 * escape (two for a character beyond the BMP), which JSON reads as the same character inside a
 * string and rejects outside one, as it rejects the character itself. One em dash would
 * otherwise make V8 keep the whole text two bytes per character: twice the memory, and slower
 * to parse. Undefined for small inputs and when non-ASCII text is common (more than one block
 * in 16 holds some, or more than {@link MAX_ESCAPED} such characters): then the text is decoded
 * as it is.
 */
function asciiJson(body: Buffer): Buffer | undefined {
  const blocks = Math.ceil(body.length / BLOCK);
  if (blocks < 16) return undefined;
  const mixed: number[] = [];
  for (let b = 0; b < blocks; b++) {
    if (isAscii(body.subarray(b * BLOCK, (b + 1) * BLOCK))) continue;
    mixed.push(b);
    if (mixed.length * 16 > blocks) return undefined;
  }
  const parts: Buffer[] = [];
  let copied = 0;
  let i = 0;
  for (const b of mixed) {
    for (i = Math.max(i, b * BLOCK); i < Math.min(body.length, (b + 1) * BLOCK); i++) {
      const c = body[i];
      if (c < 0x80) continue;
      if (parts.length >= 2 * MAX_ESCAPED) return undefined;
      // Valid UTF-8 (checked by the caller): a lead byte and its continuation bytes.
      const n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      let cp = c & (0xff >> (n + 1));
      for (let k = 1; k < n; k++) cp = (cp << 6) | (body[i + k] & 0x3f);
      parts.push(body.subarray(copied, i), Buffer.from(cp > 0xffff ? escapeUnit(0xd800 + ((cp - 0x10000) >> 10)) + escapeUnit(0xdc00 + ((cp - 0x10000) & 0x3ff)) : escapeUnit(cp), 'latin1'));
      i += n - 1;
      copied = i + 1;
    }
  }
  parts.push(body.subarray(copied));
  return Buffer.concat(parts);
}

const escapeUnit = (u: number) => `\\u${u.toString(16).padStart(4, '0')}`;

/**
 * Text of a regular file (UTF-8 with or without BOM, or UTF-16 with BOM; strict), read under
 * the same rules as every input. For auxiliary inputs: waivers, baselines, config, evidence.
 */
export function readInputFile(file: string, opts: ReadOptions = {}): string {
  return decode(readInputBytes(file, opts), file);
}
