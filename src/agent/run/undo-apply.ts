/** `undo`: restores the files of the last apply exactly, unless they were edited since (then only with force). */
import { CodewrightError } from '../../core/errors.ts';
import { repositoryTopLevel } from '../../evidence/workspace/repository.ts';
import { readFileState, sameState } from './file-state.ts';
import { loadRun, saveStoredRun } from './load-run.ts';
import { restoreFiles } from './restore-files.ts';
import { listUndoPoints, saveUndoPoint } from './undo-point.ts';

export interface UndoOptions {
  /** Restore even files that changed since the apply (those later edits are lost). */
  force?: boolean;
}

/** What an undo restored. */
export interface UndoResult {
  undoPoint: string;
  runId: string;
  candidate: string;
  /** Files put back as they were before the apply (deleted ones included). */
  restored: string[];
  /** Files the apply had created, now removed. */
  removed: string[];
  /** Files that had changed since the apply and were overwritten because of `force`. */
  overwritten: string[];
}

/**
 * Restores the newest undo point not used yet: bytes and modes of changed and deleted files,
 * created files removed. Refuses with UNDO_CONFLICT, writing nothing, when a file no longer
 * holds what the apply left (unless `force`); NOT_FOUND when there is nothing to undo. The
 * point is then marked used and the run's `run.json` notes the undo.
 */
export async function undo(root: string, options: UndoOptions = {}): Promise<UndoResult> {
  const topLevel = await repositoryTopLevel(root);
  const point = listUndoPoints(topLevel).find((item) => !item.used);
  if (!point) {
    throw new CodewrightError({ code: 'NOT_FOUND', message: `There is nothing to undo in ${topLevel}: no apply is recorded in .codewright/undo/, or all were undone. Apply a run with \`codewright apply\`.`, data: { root: topLevel } });
  }
  const changed = point.files.filter((entry) => !entry.after || !sameState(entry.after, readFileState(topLevel, entry.path))).map((entry) => entry.path);
  if (changed.length > 0 && !options.force) {
    const unfinished = point.files.some((entry) => !entry.after);
    const why = unfinished ? `the apply of run ${point.runId} at ${point.createdAt} did not finish, so codewright cannot tell whether these files were edited since` : `these files changed since run ${point.runId} was applied at ${point.createdAt}`;
    throw new CodewrightError({
      code: 'UNDO_CONFLICT',
      message: `Nothing was undone: ${why}: ${changed.join(', ')}. Look at them, then run \`codewright undo --force\` to restore the versions from before the apply (edits made since are lost).`,
      data: { undoPoint: point.id, runId: point.runId, files: changed },
    });
  }
  restoreFiles(topLevel, point);
  const at = new Date().toISOString();
  point.used = { at, forced: changed.length > 0 };
  saveUndoPoint(topLevel, point);
  try {
    const run = await loadRun(topLevel, point.runId);
    const application = run.record.applications.find((item) => item.undoPoint === point.id);
    if (application) {
      application.undoneAt = at;
      saveStoredRun(run);
    }
  } catch (error) {
    // The run folder may have been deleted; the files are restored all the same.
    if (!CodewrightError.isInstance(error)) throw error;
  }
  return {
    undoPoint: point.id,
    runId: point.runId,
    candidate: point.candidate,
    restored: point.files.filter((entry) => entry.before.type !== 'missing').map((entry) => entry.path),
    removed: point.files.filter((entry) => entry.before.type === 'missing').map((entry) => entry.path),
    overwritten: changed,
  };
}
