/** `apply`: puts a run's chosen change into the user's tree, all or nothing, after saving an undo point. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodewrightError } from '../../core/errors.ts';
import { git, gitError } from '../../evidence/workspace/git.ts';
import { defaultGitTimeoutMs } from '../../evidence/workspace/repository.ts';
import { conflictsWithBase } from './base-conflicts.ts';
import { diffFiles } from './diff-files.ts';
import { readFileState } from './file-state.ts';
import { loadRun, saveStoredRun } from './load-run.ts';
import type { StoredRun } from './load-run.ts';
import { restoreFiles } from './restore-files.ts';
import { discardUndoPoint, saveUndoPoint, writeUndoPoint } from './undo-point.ts';

export interface ApplyOptions {
  /** The candidate to apply (default: the run's selected candidate). */
  candidate?: string;
  timeoutMs?: number;
}

/** What an apply changed. */
export interface ApplyResult {
  runId: string;
  candidate: string;
  /** Every path the change touched, sorted. */
  files: string[];
  created: string[];
  deleted: string[];
  /** The undo point's name under `.codewright/undo/`. */
  undoPoint: string;
}

const applyArguments = ['apply', '--binary', '--whitespace=nowarn'];

function invalid(message: string, data: Record<string, unknown> = {}): CodewrightError {
  return new CodewrightError({ code: 'INVALID_ARGUMENT', message, data });
}

function chooseCandidate(run: StoredRun, wanted: string | undefined): { candidate: string; diffPath: string } {
  const { record } = run;
  const withDiff = record.candidates.filter((item) => item.diff).map((item) => item.id);
  const candidate = wanted ?? record.selected;
  if (!candidate) {
    const hint = withDiff.length > 0 ? `choose one with \`--candidate ${withDiff[0]}\` (candidates with a change: ${withDiff.join(', ')})` : 'no candidate left a change';
    throw invalid(`Run ${record.id} selected no candidate; ${hint}.`, { runId: record.id, candidates: withDiff });
  }
  const entry = record.candidates.find((item) => item.id === candidate);
  const diffPath = join(run.directory, 'candidates', `${candidate}.diff`);
  if (!entry || !existsSync(diffPath)) {
    throw new CodewrightError({ code: 'NOT_FOUND', message: `Run ${record.id} has no saved change of candidate ${candidate}. Candidates with a change: ${withDiff.join(', ') || 'none'}.`, data: { runId: record.id, candidate } });
  }
  return { candidate, diffPath };
}

/**
 * Applies the change of `candidate` (default: the selected one) of run `id` (default: the last)
 * to the user's working tree (`git apply --binary`; the index is not touched). Refuses with
 * APPLY_CONFLICT, writing nothing, when any file the change touches differs from the run's base.
 * Otherwise saves an undo point first, checks the whole patch, applies it, and records the
 * apply in `run.json`; if git fails half-way, the undo point is restored and the error thrown.
 */
export async function applyRun(root: string, id = 'last', options: ApplyOptions = {}): Promise<ApplyResult> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs;
  const run = await loadRun(root, id);
  const { record } = run;
  if (record.status === 'running') throw invalid(`Run ${record.id} is still running (process ${record.owner.pid}); apply it when it has ended.`, { runId: record.id });
  const { candidate, diffPath } = chooseCandidate(run, options.candidate);
  const active = record.applications.find((item) => !item.undoneAt);
  if (active) throw invalid(`Run ${record.id} (candidate ${active.candidate}) is already applied (${active.appliedAt}). Run \`codewright undo\` first to apply another candidate.`, { runId: record.id });
  const diff = readFileSync(diffPath, 'utf8');
  if (diff.trim() === '') throw invalid(`Candidate ${candidate} of run ${record.id} changed nothing; there is nothing to apply.`, { runId: record.id, candidate });
  const files = diffFiles(diff, diffPath);
  const conflicts = await conflictsWithBase(run.root, record.base, files.paths, timeoutMs);
  if (conflicts.length > 0) {
    const list = conflicts.map((item) => `${item.path} (${item.change})`).join(', ');
    throw new CodewrightError({
      code: 'APPLY_CONFLICT',
      message: `Nothing was applied: these files changed since run ${record.id} started: ${list}. Commit, stash or undo your edits to them and apply again, or start a new run from the current tree.`,
      data: { runId: record.id, candidate, files: conflicts },
    });
  }
  const gitRun = { cwd: run.root, timeoutMs, input: diff };
  const check = await git([...applyArguments, '--check', '-'], gitRun);
  if (check.timedOut || check.spawnError) throw gitError(applyArguments, check);
  if (check.code !== 0) {
    throw new CodewrightError({ code: 'APPLY_CONFLICT', message: `Nothing was applied: the change of candidate ${candidate} does not apply to your tree: ${check.stderr.trim()}`, data: { runId: record.id, candidate, stderr: check.stderr.trim() } });
  }
  const point = writeUndoPoint(run.root, { runId: record.id, candidate, paths: files.paths });
  const applied = await git([...applyArguments, '-'], gitRun);
  if (applied.code !== 0 || applied.timedOut || applied.spawnError) {
    restoreFiles(run.root, point);
    discardUndoPoint(run.root, point);
    throw gitError([...applyArguments, '-'], applied);
  }
  for (const entry of point.files) entry.after = readFileState(run.root, entry.path);
  saveUndoPoint(run.root, point);
  record.applications.push({ candidate, appliedAt: point.createdAt, undoPoint: point.id, files: files.paths });
  saveStoredRun(run);
  return { runId: record.id, candidate, files: files.paths, created: files.created, deleted: files.deleted, undoPoint: point.id };
}
