/** Report formats by name. One file per format. */
import { htmlReporter, writeHtmlReport } from './html';
import { jsonReporter, writeJsonReport } from './json';
import { junitReporter, writeJunitReport } from './junit';
import { markdownReporter, writeMarkdownReport } from './markdown';
import { sarifReporter, writeSarifReport } from './sarif';
import { textReporter, writeTextReport } from './text';
import type { ReportOptions, Reporter, StreamingReporter, Write } from './types';
import type { RunResult } from '../engine/types';

export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};

/** Formats that list what needs attention and only count passes: they accept `passes: 'count'` runs. */
export const COUNTS_PASSES: ReadonlySet<string> = new Set(['text', 'sarif']);

/** Every format is written chunk by chunk: its size grows with the findings. */
const STREAMING: Readonly<Record<string, StreamingReporter>> = {
  json: writeJsonReport,
  text: writeTextReport,
  sarif: writeSarifReport,
  junit: writeJunitReport,
  markdown: writeMarkdownReport,
  html: writeHtmlReport,
};

/** Produce the report of `format` through `write`, in chunks where the format supports it. */
export function writeReport(format: string, result: RunResult, opts: ReportOptions, write: Write): void {
  const streaming = Object.prototype.hasOwnProperty.call(STREAMING, format) ? STREAMING[format] : undefined;
  if (streaming) streaming(result, opts, write);
  else write(REPORTERS[format](result, opts));
}

export { writeComplianceReports } from './files';
export { buffered, writeFileChunked } from './sink';

export type { Reporter, ReportOptions, StreamingReporter, Write } from './types';
