/** Decides which runners to start and which test files each runs for a change. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../types.ts';
import { detectRunners } from './detect-runners.ts';
import { listWorktreeFiles } from './list-files.ts';
import { candidateTestFiles, selectTestFiles } from './select-tests.ts';
import { createTestReach, type TestReach } from './test-reach.ts';
import { readTestMap, selectByMap } from './test-map.ts';
import type { TestRunner } from './types.ts';

/** A runner to start, with the test files it runs on the change and the code hunks of its language. */
export interface PlannedRunner {
  runner: TestRunner;
  selected: string[] | 'all';
  hunks: string[];
  /** How the files were selected, when a recorded test map narrowed them. */
  selection?: string;
}

/** A language whose hunks no runner can test here, and why. */
export interface TestsProblem {
  reason: string;
  hunks: string[];
}

/** Runners to start, problems to report, and the reach of every test file. */
export interface TestPlan {
  runners: PlannedRunner[];
  problems: TestsProblem[];
  reach: TestReach;
}

/** The language family a path's tests are written in, or the file's own language for others. */
export function testLanguageOf(path: string): TestRunner['language'] | 'other' | undefined {
  if (/\.[cm]?[jt]sx?$/.test(path)) return 'javascript';
  if (/\.pyi?$/.test(path)) return 'python';
  return /\.(c|cc|cpp|cxx|h|hh|hpp|java|go|rs)$/.test(path) ? 'other' : undefined;
}

/** Lists the change worktree, detects runners, and selects the test files that reach the change (all of them with `full`). */
export async function planTests(context: CheckContext): Promise<TestPlan> {
  const files = await listWorktreeFiles(context.changeDir, Math.min(context.timeoutMs, 60_000));
  const reach = await createTestReach({ dir: context.changeDir, files, change: context.change, hunks: context.hunks, touched: context.touched, atlas: context.atlas });
  const hunksOf = (language: string) => context.hunks.filter((hunk) => testLanguageOf(hunk.path) === language).map((hunk) => hunk.id);
  const plan: TestPlan = { runners: [], problems: [], reach };
  const other = hunksOf('other');
  if (other.length > 0) plan.problems.push({ reason: 'no test runner for these files: codewright runs vitest, jest, mocha, tap, node:test, pytest and unittest', hunks: other });
  const handled = new Set<string>();
  for (const detection of await detectRunners(context.changeDir, context.root, files)) {
    const language = detection.status === 'found' ? detection.runner.language : detection.language;
    const hunks = hunksOf(language);
    handled.add(language);
    if (detection.status !== 'found') {
      if (hunks.length > 0) plan.problems.push({ reason: detection.reason, hunks });
    } else if (hunks.length > 0 || context.full) {
      const candidates = candidateTestFiles(detection.runner, context.changeDir, files, reach.atlasTestFiles);
      // unittest has no configuration that defines a suite (and its discovery skips folders without __init__.py).
      const whole = detection.runner.name === 'unittest' ? candidates : 'all';
      if (context.full) {
        plan.runners.push({ runner: detection.runner, selected: whole, hunks });
        continue;
      }
      const byImports = await selectTestFiles(candidates, reach);
      const mapped = narrowByTestMap(context, detection.runner, hunks, byImports, reach);
      if (mapped) {
        plan.reach = mapped.reach;
        plan.runners.push({ runner: detection.runner, selected: mapped.selected, hunks, selection: mapped.selection });
      } else {
        plan.runners.push({ runner: detection.runner, selected: [...byImports.keys()], hunks });
      }
    }
  }
  for (const language of ['javascript', 'python'].filter((name) => !handled.has(name))) {
    const hunks = hunksOf(language);
    if (hunks.length > 0) plan.problems.push({ reason: 'no test runner found: add a test script to package.json, or test_*.py files for pytest or unittest', hunks });
  }
  return plan;
}

/**
 * With a test map recorded at the base commit, keeps of the import-graph selection only the test files that
 * executed a changed line (and, for hunks the map does not cover, those that import them); the test files
 * the change adds or edits always run. Returns undefined when there is no map for this runner and base.
 */
function narrowByTestMap(
  context: CheckContext,
  runner: TestRunner,
  hunks: readonly string[],
  byImports: ReadonlyMap<string, string[]>,
  reach: TestReach,
): { selected: string[]; reach: TestReach; selection: string } | undefined {
  const map = readTestMap(context.root, context.change.base, runner.name);
  if (!map) return undefined;
  const oldPaths = new Map<string, string>();
  for (const file of context.change.files) if (file.newPath !== null && file.oldPath !== null) oldPaths.set(file.newPath, file.oldPath);
  const wanted = new Set(hunks);
  const { tests, mapped } = selectByMap(map, context.hunks.filter((hunk) => wanted.has(hunk.id)), (path) => oldPaths.get(path));
  const changedTests = new Set(context.change.files.flatMap((file) => (file.newPath !== null && file.kind !== 'deleted' ? [file.newPath] : [])));
  const hunksOf = new Map<string, string[]>();
  for (const [file, reached] of byImports) {
    const kept = changedTests.has(file) ? reached : reached.filter((id) => !mapped.has(id) || tests.get(file)?.includes(id));
    if (kept.length > 0) hunksOf.set(file, kept);
  }
  for (const [file, reached] of tests) if (!hunksOf.has(file) && existsSync(join(context.changeDir, file))) hunksOf.set(file, reached);
  const selection = `${hunksOf.size} of the ${byImports.size} test files that import the changed code execute it or are changed (test map recorded at ${map.base.slice(0, 12)})`;
  const narrowed: TestReach = {
    atlasTestFiles: reach.atlasTestFiles,
    async hunksOf(testFile) {
      const known = hunksOf.get(testFile);
      if (known) return known;
      return (await reach.hunksOf(testFile)).filter((id) => !mapped.has(id));
    },
  };
  return { selected: [...hunksOf.keys()], reach: narrowed, selection };
}
