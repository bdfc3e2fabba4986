import type { Level, RunResult } from '../engine/types';

export interface ReportOptions {
  /** Use ANSI colours (text only; the CLI sets this only on a TTY). */
  readonly color?: boolean;
  /** phikit version for provenance. */
  readonly toolVersion: string;
  /** Rule catalogue version. */
  readonly catalogueVersion: string;
  /** Fixed run time for reproducible output (default: result.now). */
  readonly generatedAt?: Date;
  /**
   * Markdown and HTML reviewer reports: findings listed per rule and status (default 100; 0 = all).
   * The rest are counted beside the rule's table; the JSON report lists every finding.
   */
  readonly rowsPerRule?: number;
  /** The gating level of the run (`--level`, default `required`): recommended failures are marked as not gating below it. */
  readonly level?: Level;
  /** Text: every finding with its full detail instead of grouped by rule. */
  readonly verbose?: boolean;
}

export type Reporter = (result: RunResult, opts: ReportOptions) => string;

/** Receives a report chunk by chunk; the chunks concatenated are the report. */
export type Write = (chunk: string) => void;

/** A reporter that writes its output in chunks instead of returning one string. */
export type StreamingReporter = (result: RunResult, opts: ReportOptions, write: Write) => void;
