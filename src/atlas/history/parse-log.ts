/** Parses `git log -z --numstat --format=<logFormat>` output token by token, as it streams. */
import { isFixMessage } from './classify-fix.ts';
import { extractIssues } from './issue-refs.ts';
import type { CommitFact, FileChange } from './types.ts';

const recordMark = '\x1e';

/** The `--format` the parser expects: a record mark, then sha, author, time, subject, message, NUL-separated. */
export const logFormat = '%x1e%H%x00%aN <%aE>%x00%ct%x00%s%x00%B';

/** Feed NUL-separated tokens with `token`; `end` flushes the last commit when the output was complete. */
export interface LogParser {
  token(token: string): void;
  /** Pass `complete: false` when git was stopped early: the last commit may be cut short and is dropped. */
  end(complete: boolean): void;
  /** Tokens that matched no expected shape (a sign of an unexpected git output format). */
  readonly skipped: number;
}

interface Draft {
  fields: string[];
  files: FileChange[];
  renameCounts?: { added: number; deleted: number; binary: boolean };
  renameFrom?: string;
}

const headerFields = 5;
const numstat = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/;

function toCommit(draft: Draft): CommitFact {
  const [sha = '', author = '', time = '0', subject = '', rawMessage = ''] = draft.fields;
  const message = rawMessage.trimEnd();
  return {
    sha,
    author,
    time: Number(time),
    subject,
    message,
    isFix: isFixMessage(subject, message),
    issues: extractIssues(message),
    files: draft.files,
  };
}

/** Creates a parser that calls `onCommit` for every complete commit, in output order. */
export function createLogParser(onCommit: (commit: CommitFact) => void): LogParser {
  let draft: Draft | undefined;
  let skipped = 0;

  const flush = (): void => {
    if (draft && draft.fields.length === headerFields && draft.renameCounts === undefined) onCommit(toCommit(draft));
    draft = undefined;
  };

  const fileToken = (current: Draft, token: string): void => {
    if (current.renameCounts) {
      if (current.renameFrom === undefined) {
        current.renameFrom = token;
        return;
      }
      current.files.push({ path: token, previousPath: current.renameFrom, ...current.renameCounts });
      current.renameCounts = undefined;
      current.renameFrom = undefined;
      return;
    }
    const text = token.startsWith('\n') ? token.slice(1) : token;
    if (text === '') return;
    const match = numstat.exec(text);
    if (!match) {
      skipped++;
      return;
    }
    const binary = match[1] === '-';
    const counts = { added: binary ? 0 : Number(match[1]), deleted: binary ? 0 : Number(match[2]), binary };
    // An empty path announces a rename: the old and new paths follow as two tokens.
    if (match[3] === '') current.renameCounts = counts;
    else current.files.push({ path: match[3] ?? '', ...counts });
  };

  return {
    token(token) {
      if (draft === undefined || (draft.fields.length === headerFields && draft.renameCounts === undefined)) {
        if (token.startsWith(recordMark)) {
          flush();
          draft = { fields: [token.slice(1)], files: [] };
          return;
        }
      }
      if (draft === undefined) {
        if (token !== '') skipped++;
        return;
      }
      if (draft.fields.length < headerFields) draft.fields.push(token);
      else fileToken(draft, token);
    },
    end(complete) {
      if (complete) flush();
      draft = undefined;
    },
    get skipped() {
      return skipped;
    },
  };
}
