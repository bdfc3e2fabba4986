/**
 * Write the reviewer reports (HTML + Markdown + JSON) into a directory. The HTML and Markdown list
 * up to `opts.rowsPerRule` findings per rule and status and count the rest; the JSON lists all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunResult } from '../engine/types';
import { writeHtmlReport } from './html';
import { writeJsonReport } from './json';
import { writeMarkdownReport } from './markdown';
import { writeFileReplacing } from './sink';
import { InputError } from '../model/errors';
import type { ReportOptions } from './types';

export interface WrittenReports {
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
}

export function writeComplianceReports(result: RunResult, outDir: string, opts: ReportOptions, baseName = 'phikit-report'): WrittenReports {
  const files = {
    html: path.join(outDir, `${baseName}.html`),
    markdown: path.join(outDir, `${baseName}.md`),
    json: path.join(outDir, `${baseName}.json`),
  };
  try {
    fs.mkdirSync(outDir, { recursive: true });
    if (!fs.statSync(outDir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    // Each written as it is produced: at 100k resources no report is ever one string in memory.
    // Through a temporary file renamed into place: a symlink planted in the directory is replaced, never followed.
    writeFileReplacing(files.html, (write) => writeHtmlReport(result, opts, write));
    writeFileReplacing(files.markdown, (write) => writeMarkdownReport(result, opts, write));
    writeFileReplacing(files.json, (write) => writeJsonReport(result, opts, write));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'is not a directory (or is below a file)' : code === 'ENOSPC' ? 'no space left on the device' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be written (${code})`;
    throw new InputError(`${outDir}: --out ${why}`);
  }
  return files;
}
