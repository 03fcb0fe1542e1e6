/**
 * `npm run bench -- check <checkout>`: how well `codewright check` separates wrong changes that the
 * project's own test suite misses from behaviour-preserving refactors, and how long it takes against the
 * suite. Corpora are built from the checkout (cached in `<checkout>/../check-bench/`), applied one at a
 * time in a scratch clone there; the checkout itself is never written.
 *
 * Intents: refactors are checked as `--intent refactor` (what they claim). Wrong changes are checked as
 * `--intent fix`: a tool that makes a wrong change claims to fix something, and under a fix a behaviour
 * difference is expected, so only evidence about the tests themselves can catch it.
 *
 * Environment: BENCH_CHECK_CHANGES (changes per corpus, default 50), BENCH_CHECK_BUILD_SECONDS (time to
 * build missing corpora, default 1500), BENCH_CHECK_DIR (state folder), BENCH_CHECK_SOURCES (source
 * folders to change, default functions,classes,ranges,internal), BENCH_RUNS (whole-suite runs, default 3),
 * BENCH_CHECK_RESUME=1 (keep the outcomes already in the state folder and check only the rest: use it only when
 * the evidence code has not changed since they were made), BENCH_CHECK_KINDS (the corpora to build and check,
 * default `refactors,wrong`; `refactors` alone suits a slow suite, since every mutant tried costs up to a whole
 * suite run, and it is the only corpus for runners other than tap and node:test), BENCH_CHECK_RECORD_TESTS=0 (skip
 * recording the test map of HEAD before the checks: then each check selects tests through the import graph;
 * `keep` uses a map an earlier run recorded for HEAD, when there is one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Intent } from '../../src/core/change.ts';
import { isTestFileFor } from '../../src/evidence/tests/test-file-patterns.ts';
import { readTestMap } from '../../src/evidence/tests/test-map.ts';
import { buildRefactors, buildWrongChanges, loadCorpus, refreshWrongPatches, saveCorpus, type Corpus, type CorpusChange } from './check/corpus.ts';
import { checkChange, recordTestMap, type CheckOutcome } from './check/run-checks.ts';
import { git, openScratch } from './check/scratch.ts';
import { openSuite, runWholeSuite } from './check/suite.ts';
import { fixed, median, percentile } from './measure.ts';

const perCorpus = Number(process.env.BENCH_CHECK_CHANGES ?? 50);
const buildSeconds = Number(process.env.BENCH_CHECK_BUILD_SECONDS ?? 1500);
const suiteRuns = Number(process.env.BENCH_RUNS ?? 3);
const sourceFolders = (process.env.BENCH_CHECK_SOURCES ?? 'functions,classes,ranges,internal').split(',').filter(Boolean);
const kinds = new Set((process.env.BENCH_CHECK_KINDS ?? 'refactors,wrong').split(',').filter(Boolean));
for (const kind of kinds) if (kind !== 'refactors' && kind !== 'wrong') throw new Error(`BENCH_CHECK_KINDS takes refactors and wrong, not ${kind}`);
const wantedRefactors = kinds.has('refactors') ? perCorpus : 0;
const wantedWrong = kinds.has('wrong') ? perCorpus : 0;

const log = (line: string) => process.stderr.write(`${line}\n`);
const percent = (part: number, whole: number) => `${fixed((100 * part) / Math.max(1, whole), 0)}%`;

function counts(values: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const value of values) tally.set(value, (tally.get(value) ?? 0) + 1);
  return [...tally].sort((left, right) => right[1] - left[1]).map(([value, count]) => `${value} ${count}`).join(', ');
}

function verdicts(outcomes: readonly CheckOutcome[]): string {
  return counts(outcomes.map((outcome) => outcome.verdict));
}

/** Label of the evidence that flagged a wrong change, named by what it found. */
function catchLabel(outcome: CheckOutcome): string {
  const labels: Record<string, string> = {
    'tests fail': 'a failing test',
    'tests warn': 'no test reaches the hunk',
    'tests warn undemonstrated': 'no test that fails without the change (the same tests pass before and after)',
    'coverage warn': 'an uncovered line',
    'mutation warn': 'surviving mutants (no test checks the lines)',
    'differential fail': 'a counterexample input',
    'lint fail': 'a new lint error',
    'build fail': 'a build error',
    'api fail': 'a missing API',
  };
  return `${outcome.verdict} by ${labels[outcome.decidedBy] ?? outcome.decidedBy}`;
}

function printWrong(say: (line: string) => void, outcomes: readonly CheckOutcome[]): void {
  const flagged = outcomes.filter((outcome) => ['broken', 'suspicious', 'unverified'].includes(outcome.verdict) && outcome.concrete);
  say(`wrong changes (--intent fix): ${flagged.length}/${outcomes.length} (${percent(flagged.length, outcomes.length)}) marked suspicious, broken or unverified with a concrete reason [target >= 60%; the test suite alone: 0% by construction]`);
  say(`  verdicts: ${verdicts(outcomes)}`);
  if (flagged.length > 0) say(`  caught: ${counts(flagged.map(catchLabel))}`);
  const unflagged = outcomes.filter((outcome) => !flagged.includes(outcome));
  const withoutReason = unflagged.filter((outcome) => ['broken', 'suspicious', 'unverified'].includes(outcome.verdict));
  if (withoutReason.length > 0) say(`  flagged without a concrete reason (not counted): ${counts(withoutReason.map((outcome) => `${outcome.verdict}: ${outcome.reason}`))}`);
  const noted = unflagged.filter((outcome) => outcome.survivingMutants).length;
  say(`  missed: ${unflagged.length - withoutReason.length} (${counts(unflagged.filter((outcome) => !withoutReason.includes(outcome)).map((outcome) => outcome.verdict))}); ${noted} of them with surviving mutants noted in the reason`);
  const counterexamples = outcomes.filter((outcome) => outcome.counterexample).length;
  say(`  differential testing found a counterexample for ${counterexamples}/${outcomes.length} (under --intent fix a difference is "to review", not suspicious)`);
}

function printRefactors(say: (line: string) => void, outcomes: readonly CheckOutcome[]): void {
  const alarms = outcomes.filter((outcome) => outcome.verdict === 'suspicious' || outcome.verdict === 'broken');
  say(`refactors (--intent refactor): ${alarms.length}/${outcomes.length} (${percent(alarms.length, outcomes.length)}) marked suspicious or broken [target <= 5%]`);
  say(`  verdicts: ${verdicts(outcomes)}`);
  for (const outcome of alarms) say(`  false alarm: ${outcome.change.description}: ${outcome.verdict}: ${outcome.reason}`);
  const errors = outcomes.filter((outcome) => outcome.verdict === 'error');
  for (const outcome of errors) say(`  check failed: ${outcome.change.description}: ${outcome.reason}`);
}

function printTimes(say: (line: string) => void, outcomes: readonly CheckOutcome[], suiteSeconds: readonly number[]): void {
  const checkSeconds = outcomes.map((outcome) => outcome.seconds);
  const suite = median(suiteSeconds);
  const check = median(checkSeconds);
  const ran = [...new Set(outcomes.map((outcome) => (outcome.intent === 'refactor' ? 'refactors' : 'wrong changes')))].join(' and ') || 'no corpus';
  say(`check time (${ran}): median ${fixed(check, 1)} s (p90 ${fixed(percentile(checkSeconds, 90), 1)} s, ${checkSeconds.length} checks) vs full suite median ${fixed(suite, 1)} s: ${fixed(check / suite, 2)}x [target <= 0.5x on a suite of 30 s or more]`);
  const stages = [...new Set(outcomes.flatMap((outcome) => Object.keys(outcome.timings)))];
  say(`  median per evidence kind: ${stages.map((stage) => `${stage} ${fixed(median(outcomes.map((outcome) => outcome.timings[stage] ?? 0)) / 1000, 1)} s`).join(', ')}`);
}

function corpusLine(corpus: Corpus): string[] {
  const refactorTrials = Object.values(corpus.refactorTrials);
  const mutantTrials = Object.values(corpus.mutantTrials);
  const survived = mutantTrials.filter((trial) => trial === 'survived').length;
  return [
    `corpus: ${corpus.refactors.length} refactors (${counts(corpus.refactors.map((change) => change.kind))}); ${refactorTrials.length} of ${corpus.refactorCandidates} candidates tried: ${counts(refactorTrials)}`,
    `        ${corpus.wrong.length} wrong changes (${counts(corpus.wrong.map((change) => change.kind))}); ${mutantTrials.length} of ${corpus.mutantCandidates} mutants tried: ${mutantTrials.length - survived} killed by the suite, ${survived} survived it`,
  ];
}

/** The commit of codewright itself, `+` when its tree has edits: figures belong to the code that made them. */
function codewrightRevision(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dirty = git(here, 'status', '--porcelain', '--', '../../src', '../../bin').trim() !== '';
  return `${git(here, 'rev-parse', '--short=12', 'HEAD').trim()}${dirty ? '+' : ''}`;
}

/** Builds what is missing of the corpora of `root`'s HEAD, checks each change, and prints the figures. */
export async function benchCheck(root: string): Promise<void> {
  const started = performance.now();
  const revision = codewrightRevision();
  const stateDir = process.env.BENCH_CHECK_DIR ?? join(dirname(root), 'check-bench');
  const scratch = openScratch(root, stateDir);
  const suite = await openSuite(scratch.dir);
  const files = git(scratch.dir, 'ls-files').split('\n');
  const sources = files.filter((path) => sourceFolders.some((folder) => path.startsWith(`${folder}/`)) && /\.[cm]?[jt]s$/.test(path) && !isTestFileFor(suite.runner.name, path));
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };

  log(`check bench: ${suiteRuns} runs of the whole suite (${suite.runner.name}, ${suite.testFiles.length} test files)…`);
  const suiteSeconds: number[] = [];
  for (let run = 0; run < suiteRuns; run++) {
    const result = await runWholeSuite(suite, scratch.dir);
    if (!result.passed) throw new Error(`the suite fails at HEAD, so it cannot judge changes: ${result.failures.slice(0, 3).join('; ')}`);
    suiteSeconds.push(result.seconds);
    log(`  whole suite run ${run + 1}/${suiteRuns}: ${fixed(result.seconds, 1)} s`);
  }

  const corpusFile = join(stateDir, `corpus-${scratch.head.slice(0, 12)}.json`);
  const corpus = loadCorpus(corpusFile, scratch.head);
  const options = { scratch, suite, sources, wanted: perCorpus, save: (value: Corpus) => saveCorpus(corpusFile, value), log };
  if (corpus.refactors.length < wantedRefactors || corpus.wrong.length < wantedWrong) {
    const buildStarted = performance.now();
    const deadline = Date.now() + buildSeconds * 1000;
    if (corpus.refactors.length < wantedRefactors) await buildRefactors(corpus, options, deadline);
    if (corpus.wrong.length < wantedWrong) await buildWrongChanges(corpus, options, deadline);
    corpus.buildSeconds += (performance.now() - buildStarted) / 1000;
    saveCorpus(corpusFile, corpus);
  } else if (wantedWrong > 0) {
    await refreshWrongPatches(corpus, options);
  }

  const refactors = corpus.refactors.slice(0, wantedRefactors);
  const wrong = corpus.wrong.slice(0, wantedWrong);
  const outcomesFile = join(stateDir, `outcomes-${scratch.head.slice(0, 12)}.json`);
  const previous = process.env.BENCH_CHECK_RESUME === '1' && existsSync(outcomesFile) ? (JSON.parse(readFileSync(outcomesFile, 'utf8')) as CheckOutcome[]) : [];
  const keyOf = (change: CorpusChange, intent: Intent) => `${intent} ${change.description}`;
  const done = new Map(previous.map((outcome) => [keyOf(outcome.change, outcome.intent), outcome]));
  const outcomes: CheckOutcome[] = [];
  // Alternate the corpora so that load on the shared machine spreads over both alike.
  const queue: [CorpusChange, Intent][] = [];
  for (let index = 0; index < Math.max(refactors.length, wrong.length); index++) {
    if (refactors[index]) queue.push([refactors[index]!, 'refactor']);
    if (wrong[index]) queue.push([wrong[index]!, 'fix']);
  }
  if (done.size > 0) log(`resuming: ${done.size} outcomes kept from ${outcomesFile}`);
  let recorded: ReturnType<typeof recordTestMap> | undefined;
  const keptMap = process.env.BENCH_CHECK_RECORD_TESTS === 'keep' ? readTestMap(scratch.dir, scratch.head, suite.runner.name) : undefined;
  if (keptMap) {
    recorded = { seconds: keptMap.seconds, notes: [`kept from ${keptMap.recordedAt}: ${Object.keys(keptMap.executed).length} test files over ${keptMap.sources.length} source files`], unavailable: [] };
    log(`test map of HEAD ${recorded.notes[0]}`);
  } else if (process.env.BENCH_CHECK_RECORD_TESTS !== '0') {
    log('recording the test map of HEAD (check --record-tests)…');
    recorded = recordTestMap(scratch);
    log(`  ${fixed(recorded.seconds, 1)} s: ${[...recorded.notes, ...recorded.unavailable].join('; ')}`);
  }
  for (const [index, [change, intent]] of queue.entries()) {
    const kept = done.get(keyOf(change, intent));
    if (kept) {
      outcomes.push(kept);
      continue;
    }
    const outcome = checkChange(scratch, change, intent);
    outcomes.push(outcome);
    writeFileSync(outcomesFile, `${JSON.stringify(outcomes, null, 1)}\n`);
    log(`check ${index + 1}/${queue.length} ${fixed(outcome.seconds, 1)} s --intent ${intent} ${change.description}: ${outcome.verdict} (${outcome.decidedBy}) ${outcome.reason.slice(0, 160)}`);
  }

  const revisionAtEnd = codewrightRevision();
  say(`# check benchmark: ${root} at ${scratch.head.slice(0, 12)} (${suite.runner.name}, ${suite.testFiles.length} test files; ${sources.length} source files in ${sourceFolders.join(', ')})`);
  say(`codewright ${revision}${revisionAtEnd === revision ? '' : ` (changed to ${revisionAtEnd} during the run: figures mix both)`}`);
  say(`full suite (${suite.runner.name}, coverage off, through codewright's ${suite.runner.name} adapter): median ${fixed(median(suiteSeconds), 1)} s of ${suiteSeconds.length} runs (${suiteSeconds.map((value) => fixed(value, 1)).join(', ')})`);
  for (const line of corpusLine(corpus)) say(line);
  if (recorded) say(`test map of HEAD recorded once before the checks in ${fixed(recorded.seconds, 1)} s (not in the check times): ${[...recorded.notes, ...recorded.unavailable].join('; ') || 'nothing recorded'}`);
  else say('no test map (BENCH_CHECK_RECORD_TESTS=0): tests selected through the import graph');
  say(`        corpus built in ${fixed(corpus.buildSeconds / 60, 1)} min (cached in ${corpusFile})${kinds.size < 2 ? `; BENCH_CHECK_KINDS=${[...kinds].join(',')}` : ''}`);
  if (wantedWrong > 0) printWrong(say, outcomes.filter((outcome) => outcome.intent === 'fix'));
  if (wantedRefactors > 0) printRefactors(say, outcomes.filter((outcome) => outcome.intent === 'refactor'));
  printTimes(say, outcomes, suiteSeconds);
  say(`benchmark wall time: ${fixed((performance.now() - started) / 60_000, 1)} min`);
  writeFileSync(join(stateDir, `report-${scratch.head.slice(0, 12)}.txt`), `${lines.join('\n')}\n`);
}
