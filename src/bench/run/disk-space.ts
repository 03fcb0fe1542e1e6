/** The free-disk check made before each task: a run stops with a clear message instead of filling the disk. */
import { statfsSync } from 'node:fs';
import { CodewrightError } from '../../core/errors.ts';

/** Default: stop below 1 GiB free. */
export const defaultMinFreeBytes = 1024 ** 3;

/** Bytes available to this user on the file system holding `path`. */
export function freeBytes(path: string): number {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / 1024 ** 2)} MB`;
}

/** Throws DISK_FULL naming the folder, what is free, the threshold and how to go on, when less than `minFreeBytes` is free. */
export function checkFreeSpace(path: string, minFreeBytes: number, runId: string): void {
  const free = freeBytes(path);
  if (free >= minFreeBytes) return;
  throw new CodewrightError({
    code: 'DISK_FULL',
    message: `Only ${megabytes(free)} free on the disk holding ${path}, below the ${megabytes(minFreeBytes)} a task needs (--min-free-mb). Free some space, then continue with \`codewright bench run --resume ${runId}\`.`,
    data: { path, free, minFreeBytes },
  });
}
