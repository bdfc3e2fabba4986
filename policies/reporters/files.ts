/** Write the reviewer reports (HTML + Markdown + JSON) into a directory. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunResult } from '../engine/types';
import { htmlReporter } from './html';
import { writeJsonReport } from './json';
import { markdownReporter } from './markdown';
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
  fs.writeFileSync(files.html, htmlReporter(result, opts));
  fs.writeFileSync(files.markdown, markdownReporter(result, opts));
  writeFileChunked(files.json, (write) => writeJsonReport(result, opts, write));
  return files;
}
