/** Report formats by name. One file per format. */
import { jsonReporter } from './json';
import { textReporter } from './text';
import type { Reporter } from './types';

export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
};

export type { Reporter, ReportOptions } from './types';
