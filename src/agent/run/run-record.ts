/** What `.codewright/runs/<id>/run.json` holds, and where a run's files live. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dataDirectory } from '../../atlas/store/database.ts';
import type { TaskRequest } from '../../core/task.ts';
import type { Usage } from '../types.ts';

/** How a run ended; `running` until it does (a run whose process died is shown as `interrupted`). */
export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** Replaces values that look like keys or tokens; `count` says how many were replaced. */
export type Redactor = (text: string) => { text: string; count: number };

/** Keeps text as it is (tests, and runs before a redactor is configured). */
export const keepText: Redactor = (text) => ({ text, count: 0 });

/** The limits a run was started with. */
export interface RunLimits {
  candidates?: number;
  rounds?: number;
  maxSteps?: number;
  /** US dollars. */
  maxCost?: number;
  maxTokens?: number;
  maxTimeMs?: number;
}

/** Tokens, money and wall time. */
export interface RunSpend extends Usage {
  milliseconds: number;
  steps?: number;
}

/** One candidate of a run. */
export interface RunCandidate {
  /** A, B, C, ... */
  id: string;
  round?: number;
  /** The candidate whose change seeded this one (refinement rounds). */
  parent?: string;
  /** `running`, then how the candidate ended (done, max-steps, limit, tool-errors, error). */
  status: string;
  spend?: RunSpend;
  /** `candidates/<id>.diff`, relative to the run folder, once saved. */
  diff?: string;
  /** Files the diff changes. */
  files?: number;
}

/** One `codewright apply` of this run. */
export interface RunApplication {
  candidate: string;
  appliedAt: string;
  /** The undo point's folder name under `.codewright/undo/`. */
  undoPoint: string;
  files: string[];
  undoneAt?: string;
}

/** `run.json`: everything about a run but its trajectory and diffs. */
export interface RunRecord {
  version: 1;
  id: string;
  task: TaskRequest;
  /** `provider:model`. */
  model: string;
  /** The commit holding the user's tree when the run started (uncommitted and untracked files included). */
  base: string;
  /** HEAD when the run started; null in a repository without commits. */
  head: string | null;
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  owner: { pid: number; hostname: string };
  limits: RunLimits;
  candidates: RunCandidate[];
  selected?: string;
  /** Why the selected candidate won, in words. */
  selection?: string;
  spend: RunSpend;
  /** Values replaced by the redactor in the trajectory and in this record. */
  redactions: number;
  /** Why the run failed or stopped early. */
  reason?: string;
  applications: RunApplication[];
}

/** `<root>/.codewright/runs`. */
export function runsDirectory(topLevel: string): string {
  return join(dataDirectory(topLevel), 'runs');
}

/** `<root>/.codewright/runs/<id>`. */
export function runDirectory(topLevel: string, id: string): string {
  return join(runsDirectory(topLevel), id);
}

/** The ref that keeps a run's base commit from being garbage-collected. */
export function baseRef(id: string): string {
  return `refs/codewright/runs/${id}`;
}

/** Names of candidates and run ids are used in paths and refs: letters, digits, `-` and `_` only. */
export const safeName = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const zeroSpend: RunSpend = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cost: 0, milliseconds: 0 };

let lastIdTime = 0;

/**
 * A new run id: UTC time to the millisecond, then random hex (`20250101T120000123-3fa9c2`).
 * Ids made by one process strictly increase, so they sort by start time.
 */
export function createRunId(now = Date.now()): string {
  lastIdTime = Math.max(now, lastIdTime + 1);
  const time = new Date(lastIdTime).toISOString().replace(/[-:.]/g, '').replace(/Z$/, '');
  return `${time}-${randomBytes(3).toString('hex')}`;
}
