import type { RunResult } from '../engine/types';

export interface ReportOptions {
  /** Use ANSI colours (text only; the CLI sets this only on a TTY). */
  readonly color?: boolean;
  /** phikit version for provenance. */
  readonly toolVersion: string;
  /** Rule catalogue version. */
  readonly catalogueVersion: string;
  /** Fixed run time for reproducible output (default: result.now). */
  readonly generatedAt?: Date;
}

export type Reporter = (result: RunResult, opts: ReportOptions) => string;

/** Receives a report chunk by chunk; the chunks concatenated are the report. */
export type Write = (chunk: string) => void;

/** A reporter that writes its output in chunks instead of returning one string. */
export type StreamingReporter = (result: RunResult, opts: ReportOptions, write: Write) => void;
