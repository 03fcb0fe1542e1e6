/** Results for expected failures: parsing, configs, patches. */

export type Result<T, E = Error> = { success: true; value: T } | { success: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { success: true, value };
}

export function fail<E>(error: E): Result<never, E> {
  return { success: false, error };
}

/** Parses untrusted JSON text without throwing. */
export function parseJson(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(error instanceof Error ? error : new Error(String(error)));
  }
}
