/** Builds (and caches) the two corpora of the check benchmark: verified refactors and mutants that survive the whole suite. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../../src/core/process.ts';
import { parseJson } from '../../../src/core/result.ts';
import { seededRandom } from '../measure.ts';
import { describeWrongChange, mutantCandidates, mutatedText } from './mutants.ts';
import { applyEdits, refactorCandidates, type RefactorCandidate } from './refactors.ts';
import type { Scratch } from './scratch.ts';
import { coverageByTestFile, firstFailingFile, runsFileByFile, suiteOrder, type Suite } from './suite.ts';

/** One change of a corpus: a patch against the checkout's HEAD. */
export interface CorpusChange {
  id: string;
  /** The refactor kind, or the mutation operator. */
  kind: string;
  path: string;
  line: number;
  description: string;
  patch: string;
}

/** What is cached in `<stateDir>/corpus-<head>.json`: the corpora and every candidate tried so far. */
export interface Corpus {
  version: 1;
  head: string;
  refactors: CorpusChange[];
  wrong: CorpusChange[];
  /** Refactor id -> `passed`, `lint` (new lint errors) or `failed` (a test failed). */
  refactorTrials: Record<string, 'passed' | 'lint' | 'failed'>;
  /** Mutant id -> `killed` (with the first failing test file) or `survived`. */
  mutantTrials: Record<string, string>;
  refactorCandidates: number;
  mutantCandidates: number;
  buildSeconds: number;
}

/** Interleaves groups: the first of each, then the second of each, and so on. */
function roundRobin<T>(groups: T[][]): T[] {
  const result: T[] = [];
  for (let round = 0; groups.some((group) => round < group.length); round++) for (const group of groups) if (round < group.length) result.push(group[round]!);
  return result;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/** Reads the cached corpus of `head`, or a new empty one. */
export function loadCorpus(file: string, head: string): Corpus {
  const parsed = existsSync(file) ? parseJson(readFileSync(file, 'utf8')) : undefined;
  const cached = parsed?.success ? (parsed.value as Corpus) : undefined;
  if (cached?.version === 1 && cached.head === head) return cached;
  return { version: 1, head, refactors: [], wrong: [], refactorTrials: {}, mutantTrials: {}, refactorCandidates: 0, mutantCandidates: 0, buildSeconds: 0 };
}

export function saveCorpus(file: string, corpus: Corpus): void {
  writeFileSync(file, `${JSON.stringify(corpus, null, 1)}\n`);
}

/** Files (relative) with new lint errors, by the project's own ESLint; empty when it has none installed. */
async function filesWithLintErrors(dir: string, paths: readonly string[]): Promise<Set<string>> {
  const eslint = join(dir, 'node_modules/eslint/bin/eslint.js');
  if (!existsSync(eslint) || paths.length === 0) return new Set();
  const run = await runProcess(process.execPath, [eslint, '--format', 'json', ...paths], { cwd: dir, timeoutMs: 120_000, maxOutputBytes: 16 * 1024 * 1024 });
  const parsed = parseJson(run.stdout);
  if (!parsed.success) throw new Error(`eslint printed no JSON: ${run.stderr.slice(0, 300)}`);
  const results = parsed.value as { filePath: string; errorCount: number }[];
  return new Set(results.filter((result) => result.errorCount > 0).map((result) => result.filePath.slice(dir.length + 1)));
}

export interface BuildOptions {
  scratch: Scratch;
  suite: Suite;
  sources: string[];
  wanted: number;
  save: (corpus: Corpus) => void;
  log: (line: string) => void;
}

/**
 * Refactors, tried in batches of at most one per file: the batch is applied, files with new lint errors
 * drop their refactors, then the whole suite runs once; when it fails, each
 * refactor of the batch runs the suite on its own.
 */
export async function buildRefactors(corpus: Corpus, options: BuildOptions, deadline: number): Promise<void> {
  const { scratch } = options;
  scratch.reset();
  const all = refactorCandidates(scratch.dir, options.sources);
  corpus.refactorCandidates = all.length;
  const ordered = roundRobin(groupBy(shuffled(all, 7), (item) => item.kind)).filter((item) => corpus.refactorTrials[item.id] === undefined);
  const baseLint = await filesWithLintErrors(scratch.dir, options.sources);
  while (corpus.refactors.length < options.wanted && ordered.length > 0 && Date.now() < deadline) {
    const batch: RefactorCandidate[] = [];
    const room = Math.min(25, options.wanted - corpus.refactors.length + 3);
    for (let index = 0; index < ordered.length && batch.length < room; index++) {
      if (batch.some((item) => item.path === ordered[index]!.path)) continue;
      batch.push(...ordered.splice(index--, 1));
    }
    for (const item of batch) scratch.write(item.path, applyEdits(scratch.read(item.path), item.edits));
    const linted = await filesWithLintErrors(scratch.dir, batch.map((item) => item.path));
    const clean = batch.filter((item) => baseLint.has(item.path) || !linted.has(item.path));
    for (const item of batch.filter((entry) => !clean.includes(entry))) corpus.refactorTrials[item.id] = 'lint';
    const whole = scratch.diff();
    const patches = new Map(clean.map((item) => [item.id, pathDiff(whole, item.path)]));
    scratch.reset();
    const passing = await passingRefactors(clean, patches, options);
    for (const item of clean) {
      const passed = passing.has(item.id);
      corpus.refactorTrials[item.id] = passed ? 'passed' : 'failed';
      if (passed && corpus.refactors.length < options.wanted) {
        corpus.refactors.push({ id: item.id, kind: item.kind, path: item.path, line: item.line, description: `${item.path}:${item.line} ${item.description}`, patch: patches.get(item.id)! });
      }
    }
    options.log(`refactors: ${corpus.refactors.length}/${options.wanted} verified (${Object.keys(corpus.refactorTrials).length} of ${all.length} candidates tried)`);
    options.save(corpus);
  }
}

/** The part of a multi-file diff about `path`. */
function pathDiff(whole: string, path: string): string {
  const start = whole.indexOf(`diff --git a/${path} b/${path}\n`);
  const end = whole.indexOf('\ndiff --git ', start + 1);
  return whole.slice(start, end < 0 ? undefined : end + 1);
}

async function passingRefactors(batch: readonly RefactorCandidate[], patches: ReadonlyMap<string, string>, options: BuildOptions): Promise<Set<string>> {
  const { scratch, suite } = options;
  const apply = (items: readonly RefactorCandidate[]) => {
    scratch.reset();
    for (const item of items) scratch.apply(patches.get(item.id)!);
  };
  apply(batch);
  const failing = batch.length > 0 ? await firstFailingFile(suite, scratch.dir, suite.testFiles) : undefined;
  if (failing === undefined) {
    scratch.reset();
    return new Set(batch.map((item) => item.id));
  }
  options.log(`refactors: a batch of ${batch.length} fails ${failing}; ${runsFileByFile(suite) ? 'trying each on its own' : 'halving it'}`);
  const passing = new Set<string>();
  if (!runsFileByFile(suite)) {
    // A whole-suite run costs the same for one refactor as for many: halve failing groups (a flaky failure costs two runs, not one per refactor).
    const halve = async (group: readonly RefactorCandidate[]): Promise<void> => {
      const half = Math.ceil(group.length / 2);
      for (const part of [group.slice(0, half), group.slice(half)]) {
        if (part.length === 0) continue;
        apply(part);
        const failed = await firstFailingFile(suite, scratch.dir, suite.testFiles);
        if (failed === undefined) for (const item of part) passing.add(item.id);
        else if (part.length > 1) await halve(part);
      }
    };
    await halve(batch);
    scratch.reset();
    return passing;
  }
  for (const item of batch) {
    apply([item]);
    if ((await firstFailingFile(suite, scratch.dir, suite.testFiles)) === undefined) passing.add(item.id);
  }
  scratch.reset();
  return passing;
}

/** Rewrites the patches of cached wrong changes with the current {@link mutatedText} (same behaviour, cleaner text). */
export async function refreshWrongPatches(corpus: Corpus, options: BuildOptions): Promise<void> {
  const { scratch } = options;
  scratch.reset();
  const byId = new Map((await mutantCandidates(scratch.dir, options.sources, scratch.read)).map((mutant) => [mutant.id, mutant]));
  for (const change of corpus.wrong) {
    const mutant = byId.get(change.id);
    if (!mutant) continue;
    const original = scratch.read(mutant.path);
    scratch.write(mutant.path, mutatedText(original, mutant));
    change.patch = scratch.diff();
    scratch.write(mutant.path, original);
  }
  scratch.reset();
  options.save(corpus);
}

/**
 * Mutants in a seeded order spread over files; each runs the suite file by file (the test named after the
 * source first, then the files that execute the mutated line) and stops at the first failure. A mutant no
 * test file of the whole suite fails on joins the corpus.
 */
export async function buildWrongChanges(corpus: Corpus, options: BuildOptions, deadline: number): Promise<void> {
  const { scratch, suite } = options;
  scratch.reset();
  const all = await mutantCandidates(scratch.dir, options.sources, scratch.read);
  corpus.mutantCandidates = all.length;
  const ordered = roundRobin(groupBy(shuffled(all, 11), (mutant) => mutant.path)).filter((mutant) => corpus.mutantTrials[mutant.id] === undefined);
  options.log(`wrong changes: ${all.length} mutants of ${options.sources.length} files; per-test-file coverage of the suite…`);
  const coverage = await coverageByTestFile(suite, scratch.dir, options.sources);
  let tried = 0;
  for (const mutant of ordered) {
    if (corpus.wrong.length >= options.wanted || Date.now() >= deadline) break;
    const original = scratch.read(mutant.path);
    scratch.write(mutant.path, mutatedText(original, mutant));
    const patch = scratch.diff();
    const failing = await firstFailingFile(suite, scratch.dir, suiteOrder(suite, coverage, mutant.path, [mutant.line]));
    scratch.write(mutant.path, original);
    corpus.mutantTrials[mutant.id] = failing === undefined ? 'survived' : `killed by ${failing}`;
    if (failing === undefined) {
      corpus.wrong.push({ id: mutant.id, kind: mutant.operator, path: mutant.path, line: mutant.line, description: describeWrongChange(mutant), patch });
      options.log(`wrong changes: ${corpus.wrong.length}/${options.wanted} survivors after ${Object.keys(corpus.mutantTrials).length} mutants (${describeWrongChange(mutant)})`);
    }
    if (++tried % 20 === 0) options.save(corpus);
    if (tried % 100 === 0) options.log(`wrong changes: ${corpus.wrong.length}/${options.wanted} survivors after ${Object.keys(corpus.mutantTrials).length} of ${all.length} mutants`);
  }
  scratch.reset();
  options.save(corpus);
}
