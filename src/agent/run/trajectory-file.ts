/** A run's trajectory on disk: an append-only JSONL file of time-stamped, redacted events. */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import { parseJson } from '../../core/result.ts';
import type { TrajectoryEvent, TrajectorySink } from '../types.ts';
import { redactValue } from './redact-value.ts';
import type { Redactor } from './run-record.ts';
import { keepText } from './run-record.ts';

/** A trajectory event as stored: stamped with the time it was recorded. */
export type StoredEvent = TrajectoryEvent & { time: string };

/** Writes a trajectory; `record` never throws (a failed write is logged once and counted). */
export interface TrajectoryWriter extends TrajectorySink {
  readonly path: string;
  /** Values the redactor replaced so far. */
  redactions(): number;
  /** Events that could not be written. */
  failures(): number;
  /** Closes the file; later events are dropped. */
  close(): void;
}

export interface TrajectoryWriterOptions {
  redact?: Redactor;
  logger?: Logger;
  now?: () => Date;
}

/** Opens `path` for appending (creating it) and returns a writer; each event becomes one line. */
export function createTrajectoryWriter(path: string, options: TrajectoryWriterOptions = {}): TrajectoryWriter {
  const redact = options.redact ?? keepText;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  let fd: number | undefined = openSync(path, 'a');
  let redactions = 0;
  let failures = 0;
  return {
    path,
    record(event) {
      if (fd === undefined) return;
      try {
        const time = now().toISOString();
        // `time` first in each line, and always the recording time.
        const redacted = redactValue(Object.assign({ time }, event, { time }), redact);
        redactions += redacted.count;
        writeSync(fd, `${JSON.stringify(redacted.value)}\n`);
      } catch (error) {
        if (failures++ === 0) logger.warn(`codewright: could not write to the trajectory ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    redactions: () => redactions,
    failures: () => failures,
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/**
 * Reads a trajectory. Lines that are not a JSON event (a line cut short when the process died)
 * are skipped and counted in `damaged`. A missing file gives no events.
 */
export function readTrajectory(path: string): { events: StoredEvent[]; damaged: number } {
  if (!existsSync(path)) return { events: [], damaged: 0 };
  const events: StoredEvent[] = [];
  let damaged = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseJson(line);
    const value = parsed.success ? parsed.value : undefined;
    if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') events.push(value as StoredEvent);
    else damaged += 1;
  }
  return { events, damaged };
}
