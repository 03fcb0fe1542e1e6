/** The success check of test: only test files change, they pass, and they kill enough mutants of the target's code. */
import type { Hunk } from '../../core/change.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeMutant, makeMutants, type MutantResult, type MutationTestHooks, runMutants, selectMutants } from '../../evidence/mutation/index.ts';
import { runTestsIn } from '../scaling/run-tests-in.ts';
import { changedTestFiles, readDiffFiles } from './shared/common-diff.ts';
import { failedReport, listNames } from './shared/common-report.ts';
import { describeFileRun, runFilesIn } from './shared/common-test-runs.ts';
import { locateTarget, type TargetRange } from './test-family-target.ts';
import type { SuccessCheckInput, SuccessReport } from './types.ts';

/** The share of judged mutants the new tests must kill for the task to pass. */
export const minimumMutationScore = 0.5;

/** Limits of the mutation run. */
export interface TestTaskOptions {
  /** Mutants run at most (default 30), spread over operators. */
  maxMutants?: number;
  /** Time for all mutants, ms (default 10 minutes); mutants not started by then are skipped. */
  mutationTimeMs?: number;
}

/** A hunk that adds every line of the range, so that mutation testing mutates the whole target. */
function targetHunk(range: TargetRange, index: number): Hunk {
  const count = range.end - range.start + 1;
  const lines = Array.from({ length: count }, (_, offset) => ({ type: '+' as const, text: '', newLine: range.start + offset }));
  return { id: `${range.path}#target${index}`, path: range.path, oldStart: 0, oldLines: 0, newStart: range.start, newLines: count, header: range.name, lines };
}

const isPython = (file: string) => file.endsWith('.py');

/**
 * When the target is declared in several places: those in the tests' language, then those whose module the
 * tests name (`src/grade`, `calc.grade`), then whose file name they mention.
 */
function preferTested(root: string, ranges: readonly TargetRange[], tests: readonly string[]): TargetRange[] {
  const sameLanguage = ranges.filter((range) => tests.some((file) => isPython(file) === isPython(range.path)));
  const candidates = sameLanguage.length > 0 ? sameLanguage : [...ranges];
  const texts = tests.map((file) => readFileSync(path.join(root, file), 'utf8')).join('\n');
  const module = (range: TargetRange) => range.path.replace(/\.[^./]+$/, '');
  const named = candidates.filter((range) => texts.includes(module(range)) || texts.includes(module(range).replaceAll('/', '.')));
  if (named.length > 0) return named;
  const mentioned = candidates.filter((range) => texts.includes(path.posix.basename(module(range))));
  return mentioned.length > 0 ? mentioned : candidates;
}

function hooksFor(tests: readonly string[], signal: AbortSignal | undefined): MutationTestHooks {
  return {
    async runTests(dir, testFiles, timeoutMs) {
      const run = await runTestsIn(dir, testFiles, { timeoutMs, ...(signal ? { signal } : {}) });
      const failures = run.outcomes.filter((outcome) => outcome.status === 'fail' || outcome.status === 'timeout').map((outcome) => `${outcome.file} > ${outcome.name}`);
      const passed = testFiles.every((file) => run.files.get(file) === true);
      return { passed, timedOut: run.outcomes.some((outcome) => outcome.status === 'timeout'), failures: failures.length > 0 || passed ? failures : run.problems };
    },
    testFilesFor: () => [...tests],
  };
}

function count(results: readonly MutantResult[], ...statuses: MutantResult['status'][]): number {
  return results.filter((result) => statuses.includes(result.status)).length;
}

/** The check with its limits. */
export function createTestFamilyCheck(options: TestTaskOptions = {}): (input: SuccessCheckInput) => Promise<SuccessReport> {
  return async (input) => {
    const set = readDiffFiles(input.diff);
    if (!set.success) return failedReport(set.error);
    if (set.value.files.length === 0) return failedReport('the candidate changed nothing');
    const root = input.workspace.root;
    const tests = await changedTestFiles(root, set.value, input.timeoutMs);
    const others = [...set.value.present.filter((file) => !tests.includes(file)), ...set.value.deleted];
    if (others.length > 0) return failedReport(`the change touches files that are not tests: ${listNames(others)}`, [`test files: ${listNames(tests)}`]);
    const runs = await runFilesIn(root, tests, { timeoutMs: input.timeoutMs, ...(input.signal ? { signal: input.signal } : {}) });
    const testDetails = [...tests.map((file) => `${file}: ${describeFileRun(runs, file)}`), ...runs.problems];
    const failing = tests.filter((file) => runs.passed.get(file) !== true);
    if (failing.length > 0) return failedReport(`the new tests fail: ${listNames(failing)}`, testDetails);
    const target = input.request.target ?? input.request.text;
    const ranges = preferTested(root, await locateTarget(root, target, input.timeoutMs), tests);
    if (ranges.length === 0) return failedReport(`\`${target}\` was not found in the repository, so no mutant of it could be made`, testDetails);
    const where = ranges.map((range) => `${range.path}:${range.start}-${range.end}`);
    const { mutants } = await makeMutants(root, ranges.map(targetHunk));
    const selected = selectMutants(mutants, options.maxMutants ?? 30);
    if (selected.length === 0) {
      return { passed: true, score: 0.5, summary: `the new tests pass; \`${target}\` (${listNames(where)}) has no code to mutate`, details: testDetails, measures: { testFiles: tests.length, mutants: 0 } };
    }
    const results = await runMutants(selected, { dir: root, hooks: hooksFor(tests, input.signal), maxTimeoutMs: input.timeoutMs, deadline: Date.now() + (options.mutationTimeMs ?? 600_000), ...(input.signal ? { signal: input.signal } : {}) });
    const killed = count(results, 'killed', 'timeout');
    const judged = killed + count(results, 'survived');
    const survivors = results.filter((result) => result.status === 'survived').map((result) => `survived: ${result.mutant.path} ${describeMutant(result.mutant)}`);
    const unjudged = results.filter((result) => result.status === 'error' || result.status === 'skipped').map((result) => `not judged: ${result.mutant.path} ${describeMutant(result.mutant)}: ${result.details[0] ?? result.status}`);
    const details = [`target: ${listNames(where)}`, ...testDetails, `${killed} of ${judged} judged mutants killed (${mutants.length} made, ${selected.length} run)`, ...survivors, ...unjudged.slice(0, 5)];
    if (judged === 0) return failedReport(`no mutant of \`${target}\` could be judged`, details, { testFiles: tests.length, mutants: selected.length });
    const mutationScore = killed / judged;
    const measures = { mutationScore, killedMutants: killed, judgedMutants: judged, testFiles: tests.length };
    const percent = `${Math.round(mutationScore * 100)}%`;
    const passed = mutationScore >= minimumMutationScore;
    const summary = passed ? `the new tests pass and kill ${percent} of the mutants of \`${target}\`` : `the new tests pass but kill only ${percent} of the mutants of \`${target}\` (at least ${minimumMutationScore * 100}% needed)`;
    return { passed, score: mutationScore, summary, details, measures };
  };
}
