/** A small injected logger with levels; library code never writes to the console. */
import type { Writable } from 'node:stream';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Writes lines at or above `level` to a stream (stderr by default). */
export function createLogger(options: { level?: LogLevel; stream?: Writable } = {}): Logger {
  const level = rank[options.level ?? 'info'];
  const stream = options.stream ?? process.stderr;
  const write = (at: LogLevel) => (message: string) => {
    if (rank[at] >= level) stream.write(`${message}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = createLogger({ level: 'silent' });
