/** The one error type codewright throws, with a stable code, structured data and a cause. */

const marker = Symbol.for('codewright.error');

export type ErrorCode =
  | 'NOT_A_DIRECTORY'
  | 'NOT_INDEXED'
  | 'INDEX_LOCKED'
  | 'INDEX_CORRUPT'
  | 'INDEX_SCHEMA'
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'GIT_FAILED'
  | 'PARSE_FAILED'
  | 'TIMEOUT'
  | 'APPLY_CONFLICT'
  | 'UNDO_CONFLICT'
  | 'CONFIG_INVALID'
  | 'MODEL_NOT_CONFIGURED'
  | 'MODEL_KEY_MISSING'
  | 'MODEL_AUTH'
  | 'MODEL_NOT_FOUND'
  | 'MODEL_RATE_LIMITED'
  | 'MODEL_UNAVAILABLE'
  | 'MODEL_TIMEOUT'
  | 'MODEL_UNREACHABLE'
  | 'MODEL_FAILED'
  | 'DISK_FULL'
  | 'BENCH_RUN_BUSY'
  | 'INTERNAL';

export interface CodewrightErrorOptions {
  code: ErrorCode;
  message: string;
  data?: Record<string, unknown>;
  cause?: unknown;
}

/** Thrown for unexpected failures and for bad input; the message says what to do next. */
export class CodewrightError extends Error {
  readonly code: ErrorCode;
  readonly data: Record<string, unknown>;
  private readonly [marker] = true;

  constructor({ code, message, data, cause }: CodewrightErrorOptions) {
    super(message, { cause });
    this.name = 'CodewrightError';
    this.code = code;
    this.data = data ?? {};
  }

  /** Recognises codewright errors across copies of the package. */
  static isInstance(error: unknown): error is CodewrightError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}
