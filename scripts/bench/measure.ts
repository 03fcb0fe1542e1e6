/** Timing helpers for benchmark scripts: child processes with wall time and peak RSS, medians, percentiles. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ProcessRun {
  seconds: number;
  peakMegabytes: number | null;
  stdout: string;
  stderr: string;
  status: number | null;
}

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command to completion, measuring wall time and (with /usr/bin/time) peak RSS. */
export function runMeasured(command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): ProcessRun {
  const started = performance.now();
  const wrapped = timeBinary ? [timeBinary, ['-f', '__peak_kb=%M', command, ...args]] as const : [command, args] as const;
  const result = spawnSync(wrapped[0], [...wrapped[1]], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 30 * 60_000,
    killSignal: 'SIGKILL',
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /__peak_kb=(\d+)/.exec(result.stderr ?? '');
  return {
    seconds,
    peakMegabytes: peak ? Number(peak[1]) / 1024 : null,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '').replace(/__peak_kb=\d+\n?/, ''),
    status: result.status,
  };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** A deterministic pseudo-random generator (mulberry32) so query samples repeat across runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Formats a figure with a fixed number of decimals. */
export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
