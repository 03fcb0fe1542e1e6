/** Run ids and the owner file of each run's worktrees, so a later run can tell a crashed run from a live one. */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { dataDirectory } from '../../atlas/store/database.ts';

/** Who made a run's worktrees. */
export interface RunOwner {
  pid: number;
  hostname: string;
  createdAt: string;
}

/** `<root>/.codewright/worktrees`. */
export function worktreesDirectory(topLevel: string): string {
  return join(dataDirectory(topLevel), 'worktrees');
}

/** A new run id: UTC time to the second, then random hex (`20250101T120000-3fa9c2`). */
export function createRunId(now = new Date()): string {
  const time = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  return `${time}-${randomBytes(3).toString('hex')}`;
}

/** The owner file of a run, written before its worktrees and removed after them. */
export function ownerFile(directory: string, runId: string): string {
  return join(directory, `${runId}.pid`);
}

/** Records this process as the owner of `runId`. */
export function writeOwner(directory: string, runId: string): void {
  const owner: RunOwner = { pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString() };
  writeFileSync(ownerFile(directory, runId), `${JSON.stringify(owner)}\n`);
}

function readOwner(path: string): RunOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunOwner>;
    return typeof value.pid === 'number' && typeof value.hostname === 'string' ? (value as RunOwner) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the run's owner may still be working: its process is alive, or it ran on another
 * machine (a shared folder), where its pid means nothing here. A missing or unreadable owner file
 * means a crashed run (the file is written before any worktree).
 */
export function ownerMayBeAlive(directory: string, runId: string): boolean {
  const owner = readOwner(ownerFile(directory, runId));
  if (!owner) return false;
  if (owner.hostname !== hostname()) return true;
  return isAlive(owner.pid);
}
