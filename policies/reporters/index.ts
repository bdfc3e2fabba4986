/** Report formats by name. One file per format. */
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { markdownReporter } from './markdown';
import { sarifReporter } from './sarif';
import { textReporter } from './text';
import type { Reporter } from './types';

export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};

export { writeComplianceReports } from './files';

export type { Reporter, ReportOptions } from './types';
