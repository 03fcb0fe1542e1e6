/** Starts a run: its folder under `.codewright/runs/<id>/`, its base commit, `run.json` and the trajectory writer. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { silentLogger } from '../../core/logger.ts';
import type { TaskRequest } from '../../core/task.ts';
import { cleanupStaleWorkspaces } from '../../evidence/workspace/cleanup-stale.ts';
import { captureBase } from './capture-base.ts';
import { redactValue } from './redact-value.ts';
import type { Redactor, RunLimits, RunRecord } from './run-record.ts';
import { createRunId, keepText, runDirectory, safeName, zeroSpend } from './run-record.ts';
import { createTrajectoryWriter } from './trajectory-file.ts';
import type { TrajectoryWriter } from './trajectory-file.ts';
import { writeJsonAtomic } from '../../core/write-atomic.ts';

export interface CreateRunOptions {
  task: TaskRequest;
  /** `provider:model`. */
  model: string;
  limits?: RunLimits;
  /** Applied to every string of the trajectory, the task in `run.json` and the report (default: none). */
  redact?: Redactor;
  logger?: Logger;
  /** Time limit of each git command, ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A run in progress. `record` is this process's copy of `run.json`; change it with `update`. */
export interface Run {
  readonly id: string;
  /** The repository's top level. */
  readonly root: string;
  /** `.codewright/runs/<id>`. */
  readonly directory: string;
  /** The base commit (the user's tree when the run started). */
  readonly base: string;
  readonly trajectory: TrajectoryWriter;
  readonly redact: Redactor;
  readonly record: RunRecord;
  /** Changes the record and writes `run.json` atomically. */
  update(change: (record: RunRecord) => void): RunRecord;
  /** Writes `candidates/<candidate>.diff` (byte-exact, not redacted: apply needs it whole) and notes it in the record. */
  saveDiff(candidate: string, diff: string): string;
  /** Writes the report (`report.md`, or another name) with secrets redacted; returns its path. */
  saveReport(text: string, name?: string): string;
}

// Any plain file name but the run's own files.
const reportName = /^(?!run\.json$|trajectory\.jsonl$)[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function checkName(kind: string, name: string, pattern: RegExp): void {
  if (!pattern.test(name)) throw new CodewrightError({ code: 'INVALID_ARGUMENT', message: `The ${kind} name \`${name}\` cannot be used; use a plain file name of letters, digits, \`-\`, \`_\` and \`.\` (not run.json or trajectory.jsonl).`, data: { name } });
}

function changedFiles(diff: string): number {
  return diff.match(/^diff --git /gm)?.length ?? 0;
}

/**
 * Creates `.codewright/runs/<id>/` (id: UTC time to the millisecond and a random suffix, so ids sort
 * by time) in the repository around `root`, captures the base commit (see captureBase), removes
 * worktrees of crashed runs, writes `run.json` (status `running`) and records `run-start`.
 */
export async function createRun(root: string, options: CreateRunOptions): Promise<Run> {
  const logger = options.logger ?? silentLogger;
  const redact = options.redact ?? keepText;
  const id = createRunId();
  const base = await captureBase(root, id, { ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  await cleanupStaleWorkspaces(base.topLevel, { logger });
  const directory = runDirectory(base.topLevel, id);
  mkdirSync(join(directory, 'candidates'), { recursive: true });
  const task = redactValue(options.task, redact);
  const record: RunRecord = {
    version: 1,
    id,
    task: task.value as TaskRequest,
    model: options.model,
    base: base.commit,
    head: base.head,
    startedAt: new Date().toISOString(),
    status: 'running',
    owner: { pid: process.pid, hostname: hostname() },
    limits: options.limits ?? {},
    candidates: [],
    spend: { ...zeroSpend },
    redactions: task.count,
    applications: [],
  };
  const recordPath = join(directory, 'run.json');
  let reportRedactions = 0;
  writeJsonAtomic(recordPath, record);
  const trajectory = createTrajectoryWriter(join(directory, 'trajectory.jsonl'), { redact, logger });
  const run: Run = {
    id,
    root: base.topLevel,
    directory,
    base: base.commit,
    trajectory,
    redact,
    record,
    update(change) {
      change(record);
      record.redactions = task.count + trajectory.redactions() + reportRedactions;
      writeJsonAtomic(recordPath, record);
      return record;
    },
    saveDiff(candidate, diff) {
      checkName('candidate', candidate, safeName);
      const relativePath = `candidates/${candidate}.diff`;
      writeFileSync(join(directory, relativePath), diff);
      run.update((current) => {
        let entry = current.candidates.find((item) => item.id === candidate);
        if (!entry) current.candidates.push((entry = { id: candidate, status: 'running' }));
        entry.diff = relativePath;
        entry.files = changedFiles(diff);
      });
      return join(directory, relativePath);
    },
    saveReport(text, name = 'report.md') {
      checkName('report', name, reportName);
      const path = join(directory, name);
      const redacted = redact(text);
      writeFileSync(path, redacted.text);
      reportRedactions += redacted.count;
      if (redacted.count > 0) run.update(() => {});
      return path;
    },
  };
  trajectory.record({ type: 'run-start', id, task: options.task, model: options.model, base: base.commit, head: base.head, limits: record.limits });
  return run;
}
