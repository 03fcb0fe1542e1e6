/** Turns stored commit rows into the shapes history queries return. */
import type { CommitSummary, FileCommit } from './types.ts';

/** The columns every commit query selects. */
export interface CommitRow {
  sha: string;
  author: string;
  time: number;
  subject: string;
  is_fix: number;
  issues: string;
}

/** A file_commits row joined with its commit. */
export interface FileCommitRow extends CommitRow {
  added: number;
  deleted: number;
  surviving: number | null;
}

/** The SELECT list matching `FileCommitRow`, for `file_commits f JOIN commits c`. */
export const fileCommitColumns =
  'c.sha AS sha, c.author AS author, c.time AS time, c.subject AS subject, c.is_fix AS is_fix, c.issues AS issues, f.added AS added, f.deleted AS deleted, c.surviving AS surviving';

/** Maps a commit row to a summary; `issues` is stored comma-separated. */
export function toCommitSummary(row: CommitRow): CommitSummary {
  return {
    sha: row.sha,
    author: row.author,
    time: row.time,
    subject: row.subject,
    isFix: row.is_fix === 1,
    issues: row.issues === '' ? [] : row.issues.split(','),
  };
}

/** Maps a file commit row, keeping the file's own line counts. */
export function toFileCommit(row: FileCommitRow): FileCommit {
  return { ...toCommitSummary(row), added: row.added, deleted: row.deleted, surviving: row.surviving };
}
