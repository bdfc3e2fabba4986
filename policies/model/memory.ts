/**
 * Give back the memory of large parsed documents before the rules run.
 *
 * A plan is parsed whole, but the model keeps only part of it (each resource's planned values;
 * not `planned_values`, `prior_state` or the configuration's expressions). V8 frees the rest
 * only at its next full collection, which on a large heap comes late — so the discarded
 * document, the model and the findings would all count towards peak memory at once. After
 * loading large inputs phikit asks for one full collection.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Inputs at least this large (in characters, all files together) are followed by a collection. */
export const COLLECT_AFTER_CHARS = 32 * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** Run a full garbage collection when the runtime allows it; otherwise do nothing. */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const fn: unknown = vm.runInNewContext('gc');
      collect = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
