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
import { writeFileChunked } from './sink';
import type { ReportOptions } from './types';

export interface WrittenReports {
  readonly html: string;
  readonly markdown: string;
  readonly json: string;
}

export function writeComplianceReports(result: RunResult, outDir: string, opts: ReportOptions, baseName = 'phikit-report'): WrittenReports {
  fs.mkdirSync(outDir, { recursive: true });
  const files = {
    html: path.join(outDir, `${baseName}.html`),
    markdown: path.join(outDir, `${baseName}.md`),
    json: path.join(outDir, `${baseName}.json`),
  };
  // Each written as it is produced: at 100k resources no report is ever one string in memory.
  writeFileChunked(files.html, (write) => writeHtmlReport(result, opts, write));
  writeFileChunked(files.markdown, (write) => writeMarkdownReport(result, opts, write));
  writeFileChunked(files.json, (write) => writeJsonReport(result, opts, write));
  return files;
}
