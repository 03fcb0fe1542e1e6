/** Runs a candidate's test files in its worktree, or in a fresh worktree of its base with those files copied in. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withBaseWorktree } from '../benchmark/base-worktree.ts';
import { runTestsIn } from '../../scaling/run-tests-in.ts';
import type { CandidateWorkspace } from '../../types.ts';

/** Per test file: passed when every test in it passed and at least one ran; failures name the test and its message. */
export interface FileRuns {
  passed: Map<string, boolean>;
  failures: Map<string, string[]>;
  /** Whole-run trouble: no runner for a file, a crash. */
  problems: string[];
  /** Set when the files could not run at all (the base could not be checked out): their outcomes mean nothing. */
  unavailable?: string;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Runs `files` in `dir`. */
export async function runFilesIn(dir: string, files: readonly string[], options: RunOptions): Promise<FileRuns> {
  const result = await runTestsIn(dir, files, options);
  const failures = new Map<string, string[]>();
  for (const outcome of result.outcomes) {
    if (outcome.status !== 'fail' && outcome.status !== 'timeout') continue;
    const list = failures.get(outcome.file) ?? [];
    list.push(`${outcome.name}${outcome.message ? `: ${outcome.message.split('\n')[0]}` : ` (${outcome.status})`}`);
    failures.set(outcome.file, list);
  }
  return { passed: result.files, failures, problems: result.problems };
}

/** Copies `files` from the candidate's worktree into a worktree of its base commit and runs them there. Never throws. */
export async function runFilesOnBase(workspace: CandidateWorkspace, files: readonly string[], options: RunOptions): Promise<FileRuns> {
  try {
    return await withBaseWorktree(workspace, options.timeoutMs, async (directory) => {
      for (const file of files) {
        const target = path.join(directory, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, await readFile(path.join(workspace.root, file)));
      }
      return runFilesIn(directory, files, options);
    });
  } catch (error) {
    const reason = `the base ${workspace.base.slice(0, 12)} could not be checked out: ${error instanceof Error ? error.message : String(error)}`;
    return { passed: new Map(), failures: new Map(), problems: [reason], unavailable: reason };
  }
}

/** `passes` or `fails (name: message; …)` for one file of a run. */
export function describeFileRun(runs: FileRuns, file: string): string {
  if (runs.passed.get(file)) return 'passes';
  const failures = runs.failures.get(file) ?? [];
  const why = failures.length > 0 ? failures.slice(0, 3).join('; ') : (runs.problems[0] ?? 'no test ran');
  return `fails (${why})`;
}
