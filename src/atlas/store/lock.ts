/** A lock file so that one indexer at a time writes a repository's index. */
import { openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CodewrightError } from '../../core/errors.ts';
import { readJsonObject } from '../../core/result.ts';
import { ensureDataDirectory } from './database.ts';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface IndexLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  return readJsonObject(path) as LockHolder | undefined;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes `.codewright/index.lock`. A lock whose process is gone (killed, crashed) is taken over.
 * A live holder is waited for up to `waitMs`, then INDEX_LOCKED names it.
 */
export async function acquireIndexLock(root: string, options: { waitMs: number; command: string }): Promise<IndexLock> {
  const path = join(ensureDataDirectory(root), 'index.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: options.command };
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    const stale = !holder || (holder.host === me.host && !isAlive(holder.pid));
    if (stale) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new CodewrightError({
        code: 'INDEX_LOCKED',
        message: `Another codewright (pid ${holder.pid} on ${holder.host}, \`${holder.command}\`, since ${holder.startedAt}) is writing this index. Wait for it to finish, or pass --wait <seconds> to wait longer.`,
        data: { ...holder },
      });
    }
    await sleep(100);
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const holder = readHolder(path);
      if (holder?.pid === me.pid) rmSync(path, { force: true });
    },
  };
}
