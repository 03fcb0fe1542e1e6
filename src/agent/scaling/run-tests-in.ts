/** Runs given test files in a worktree with the runner each language uses there; the agent's one way to run tests. */
import type { TestOutcome } from '../../evidence/tests/index.ts';
import { detectRunners, runTestFiles } from '../../evidence/tests/index.ts';
import { isTestFileFor } from '../../evidence/tests/test-file-patterns.ts';
import { gitOutput } from '../../evidence/workspace/git.ts';

export interface TestFilesResult {
  /** Per test file: passed when every test in it passed (and at least one ran). */
  files: Map<string, boolean>;
  outcomes: TestOutcome[];
  /** Why some files could not run (no runner, crash); empty when all ran. */
  problems: string[];
}

/** Tracked and untracked files of a worktree, relative paths. */
export async function worktreeFiles(dir: string, timeoutMs: number): Promise<string[]> {
  const output = await gitOutput(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: dir, timeoutMs });
  return output.split('\0').filter((path) => path !== '' && !path.startsWith('.codewright/'));
}

/** The test files among `paths`, by the conventions of the runners found in `dir`. */
export async function testFilesAmong(dir: string, paths: readonly string[], timeoutMs: number): Promise<string[]> {
  const detections = await detectRunners(dir, dir, await worktreeFiles(dir, timeoutMs));
  const runners = detections.flatMap((detection) => (detection.status === 'found' ? [detection.runner] : []));
  return paths.filter((path) => runners.some((runner) => isTestFileFor(runner.name, path)));
}

/** Runs `files` in `dir`; files of a language with no runner are reported in `problems`. */
export async function runTestsIn(dir: string, files: readonly string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<TestFilesResult> {
  const result: TestFilesResult = { files: new Map(), outcomes: [], problems: [] };
  if (files.length === 0) return result;
  const detections = await detectRunners(dir, dir, await worktreeFiles(dir, options.timeoutMs));
  let remaining = [...files];
  for (const detection of detections) {
    if (detection.status !== 'found') continue;
    const mine = remaining.filter((file) => isTestFileFor(detection.runner.name, file));
    remaining = remaining.filter((file) => !mine.includes(file));
    if (mine.length === 0) continue;
    const run = await runTestFiles(detection.runner, dir, mine, { timeoutMs: options.timeoutMs, signal: options.signal });
    if (run.error) result.problems.push(`${detection.runner.name}: ${run.error}`);
    result.outcomes.push(...run.outcomes);
    for (const file of mine) {
      const outcomes = run.outcomes.filter((outcome) => outcome.file === file);
      result.files.set(file, outcomes.length > 0 && outcomes.every((outcome) => outcome.status === 'pass' || outcome.status === 'skip'));
    }
  }
  for (const file of remaining) {
    result.problems.push(`no test runner found for ${file}`);
    result.files.set(file, false);
  }
  return result;
}
