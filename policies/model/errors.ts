/**
 * An input the checker cannot read. The CLI turns it into exit code 2 with the message on
 * one line. Messages never quote input content (it may hold secrets): they name the file,
 * the problem and, at most, a JSON path made of key names the checker itself expects.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message.replace(/[\r\n]+/g, ' '));
    this.name = 'InputError';
  }
}

/** A command-line usage error (bad flag value, unknown rule id): exit 2 with one line, like InputError. */
export class UsageError extends Error {}

/** Maximum nesting depth of any JSON value the model converts (guards recursion). */
export const MAX_DEPTH = 256;

export function tooDeep(where: string): InputError {
  return new InputError(`${where}: values nested deeper than ${MAX_DEPTH} levels`);
}
