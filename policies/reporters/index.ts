/** Report formats by name. One file per format. */
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { sarifReporter } from './sarif';
import { textReporter } from './text';
import type { Reporter } from './types';

export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
};

export type { Reporter, ReportOptions } from './types';
