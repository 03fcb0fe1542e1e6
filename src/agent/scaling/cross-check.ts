/** Cross-checking: every candidate's tests run against every candidate's code; passing others' tests is a vote. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CandidateWorkspace } from '../types.ts';
import { runTestsIn } from './run-tests-in.ts';

/** A suite of tests written by a candidate (or by the user's answers): file paths and their contents. */
export interface TestSuiteSource {
  /** Candidate id, or `answers` for tests made from the user's answers. */
  author: string;
  files: Map<string, string>;
}

export interface CrossCheckCell {
  /** Whose code ran. */
  candidate: string;
  /** Whose tests ran. */
  author: string;
  passed: number;
  total: number;
  /** Failing test names with their messages, a few. */
  failures: string[];
}

/** Reads `paths` of a workspace into a suite. */
export function suiteOf(author: string, workspace: CandidateWorkspace, paths: readonly string[]): TestSuiteSource {
  const files = new Map<string, string>();
  for (const path of paths) {
    const absolute = join(workspace.root, path);
    if (existsSync(absolute)) files.set(path, readFileSync(absolute, 'utf8'));
  }
  return { author, files };
}

/** Writes `suite` into `workspace`, runs it, and puts the workspace's own files back exactly. */
async function runSuiteIn(workspace: CandidateWorkspace, suite: TestSuiteSource, options: { timeoutMs: number; signal?: AbortSignal }): Promise<CrossCheckCell> {
  const saved = new Map<string, string | undefined>();
  for (const [path, content] of suite.files) {
    const absolute = join(workspace.root, path);
    saved.set(path, existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  try {
    const result = await runTestsIn(workspace.root, [...suite.files.keys()], options);
    const passed = result.outcomes.filter((outcome) => outcome.status === 'pass').length;
    const failures = result.outcomes
      .filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout')
      .slice(0, 5)
      .map((outcome) => `${outcome.file} > ${outcome.name}${outcome.message ? `: ${outcome.message.split('\n')[0]}` : ''}`);
    failures.push(...result.problems.slice(0, 2));
    return { candidate: workspace.id, author: suite.author, passed, total: Math.max(result.outcomes.length, passed + failures.length, suite.files.size > 0 ? 1 : 0), failures };
  } finally {
    for (const [path, content] of saved) {
      const absolute = join(workspace.root, path);
      if (content === undefined) rmSync(absolute, { force: true });
      else writeFileSync(absolute, content);
    }
  }
}

/** Runs every suite against every workspace: workspaces in parallel, suites one at a time within a workspace. */
export async function crossCheck(
  workspaces: readonly CandidateWorkspace[],
  suites: readonly TestSuiteSource[],
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<CrossCheckCell[]> {
  const rows = await Promise.all(
    workspaces.map(async (workspace) => {
      const cells: CrossCheckCell[] = [];
      for (const suite of suites) {
        if (suite.files.size === 0) continue;
        cells.push(await runSuiteIn(workspace, suite, options));
      }
      return cells;
    }),
  );
  return rows.flat();
}
