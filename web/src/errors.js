// The one error type of the engine API.

/** An engine call that failed; `code` is a stable name such as "unreadable_file". */
export class BasketliftError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'BasketliftError';
    this.code = code;
  }
}

/** Throws a BasketliftError for a failed engine call result ({ok, code, message}). */
export function check(result) {
  if (!result.ok) throw new BasketliftError(result.code, result.message);
}
