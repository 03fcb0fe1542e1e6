/** The facts history mining produces and the shapes history queries return. */

/** One file changed by a commit, from `git log --numstat`. */
export interface FileChange {
  /** Path relative to the repository root; after `followRenames`, the file's name at HEAD. */
  path: string;
  /** For a rename, the name before this commit. */
  previousPath?: string;
  added: number;
  deleted: number;
  /** Binary files report no line counts (`-\t-`); added and deleted are 0. */
  binary: boolean;
}

/** One non-merge commit. */
export interface CommitFact {
  sha: string;
  /** `Name <email>`, mailmap applied. */
  author: string;
  /** Committer time, Unix seconds: when the change landed. */
  time: number;
  subject: string;
  /** The full message, subject included, trailing whitespace removed. */
  message: string;
  isFix: boolean;
  /** Linked issues in order of first mention: `#12`, `owner/repo#7`, `ABC-123`. */
  issues: string[];
  files: FileChange[];
}

/** A stored commit as queries return it. */
export interface CommitSummary {
  sha: string;
  author: string;
  time: number;
  subject: string;
  isFix: boolean;
  issues: string[];
}

/** A stored commit seen from one file: the file's own line counts. */
export interface FileCommit extends CommitSummary {
  added: number;
  deleted: number;
  /** Lines the commit added (in all files) that HEAD still attributes to it; null when not computed. */
  surviving: number | null;
}

/** A file that changes together with another. */
export interface CoChange {
  path: string;
  /** Commits (of at most 50 files) that changed both files. */
  count: number;
  /** `count` over the commits (of at most 50 files) that changed the queried file. */
  share: number;
}
