/** Problems confined to one config or program, as plain data that crosses worker threads. */
import { CodewrightError, type ErrorCode } from '../../core/errors.ts';
import type { PreciseProblem, PreciseProblemSeverity } from './backend.ts';

/** Builds a problem; `code` is a `CodewrightError` code so consumers can turn it into one. */
export function createProblem(
  severity: PreciseProblemSeverity,
  code: ErrorCode,
  message: string,
  data: Record<string, unknown> = {},
): PreciseProblem {
  return { severity, code, message, data };
}

/** The problem as a `CodewrightError`, for callers that report or throw errors. */
export function problemToError(problem: PreciseProblem): CodewrightError {
  return new CodewrightError({
    code: problem.code as ErrorCode,
    message: problem.message,
    data: { ...problem.data, severity: problem.severity },
  });
}

/** A short description of an unexpected failure, safe to send across threads. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
