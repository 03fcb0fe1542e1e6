/** Results for expected failures: parsing, configs, patches. */
import { readFileSync } from 'node:fs';

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

/** The JSON object in the file at `path`, or undefined when it is missing, unreadable, not JSON or not an object. */
export function readJsonObject(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  return parsed.success && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : undefined;
}
