/**
 * The function-level suites: `node scripts/bench/bench-suites.ts --transcoder <CodeGen checkout> --multipl-e
 * <humaneval-ts-reworded.jsonl> [--humaneval-x <humaneval_js.jsonl.gz>]`. Prints the TransCoder oracle pass counts
 * per language against BENCHMARKS.md, and MultiPL-E HumanEval-TS validity (empty, wrong and reference completions)
 * with tasks per hour for 1 and 2 workers (batched tsc), and one tsc per task for contrast. Asserts nothing.
 *
 * Environment: BENCH_RUNS (repetitions of each timing, default 3).
 */
import { fileURLToPath } from 'node:url';
import { loadMultiplETasks, mapLimit, scoreCompletions, type ScoreItem } from '../../src/bench/suites/multipl-e/index.ts';
import { fillTestScript, knownBrokenScripts, loadTestScripts, resolveScriptsRoot, runTestScripts, transcoderLanguageInfo, transcoderLanguages } from '../../src/bench/suites/transcoder/index.ts';
import type { BenchTask } from '../../src/bench/task-schema.ts';
import type { AttemptScore } from '../../src/bench/types.ts';
import { median } from './measure.ts';
import { readHumanEvalX, referenceCompletion } from './suites/humaneval-x-references.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const expected = { python: 'Python 699/702', java: 'Java 148/150', cpp: 'C++ 150/150' } as const;

async function benchTranscoder(path: string): Promise<void> {
  const root = resolveScriptsRoot(path);
  console.log(`TransCoder oracle (f_gold filled in at TOFILL), ${root}`);
  for (const language of transcoderLanguages) {
    const scripts = [...loadTestScripts(root, language).scripts.values()];
    const started = performance.now();
    const outcomes = await runTestScripts(scripts.map((script) => ({ id: script.id, language, program: fillTestScript(script, script.reference) })), { workers: 2, timeoutMs: 30_000 });
    const seconds = (performance.now() - started) / 1000;
    const passed = outcomes.filter((outcome) => outcome.status === 'passed').length;
    const first = outcomes.slice(0, 150).filter((outcome) => outcome.status === 'passed').length;
    console.log(`  ${transcoderLanguageInfo[language].label}: ${passed}/${scripts.length} pass; the first 150 by name: ${first}/${Math.min(150, scripts.length)} (BENCHMARKS.md: ${expected[language]}); ${seconds.toFixed(1)} s with 2 workers`);
    outcomes.forEach((outcome, index) => {
      const id = scripts[index]?.id ?? '';
      if (outcome.status !== 'passed') console.log(`    ${id}${knownBrokenScripts[language][id] ? '' : ' (NOT in known-broken.ts)'}: ${outcome.reason}`);
    });
  }
}

function items(tasks: BenchTask[], answer: (task: BenchTask) => string): ScoreItem[] {
  return tasks.map((task) => ({ task, worktree: '/nonexistent', attempt: { taskId: task.id, sample: 0, agent: 'bench', status: 'done', patch: '', answer: answer(task), seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 } }));
}

const passes = (scores: AttemptScore[]) => scores.filter((score) => score.passed).length;

async function benchMultiplE(file: string, humanEvalX: string | undefined): Promise<void> {
  const { tasks, problems } = await loadMultiplETasks(file);
  console.log(`\nMultiPL-E ${file}: ${tasks.length} tasks, ${problems.length} problems${problems.length ? `: ${problems.slice(0, 3).join('; ')}` : ''}`);
  const empty = await scoreCompletions(items(tasks, () => ''), { workers: 2, timeoutMs: 10_000 });
  const wrong = await scoreCompletions(items(tasks, () => '  return undefined as any;\n}\n'), { workers: 2, timeoutMs: 10_000 });
  console.log(`  empty completions: ${passes(empty)}/${tasks.length} pass; \`return undefined as any\`: ${passes(wrong)}/${tasks.length} pass`);
  if (!humanEvalX) return console.log('  (give --humaneval-x <humaneval_js.jsonl.gz> for the reference run and the timings)');
  const records = readHumanEvalX(humanEvalX);
  const withReference = tasks.filter((task) => referenceCompletion(task.origin?.upstreamId ?? '', task.source.kind === 'inline' ? (task.source.files[task.target ?? ''] ?? '') : '', records) !== undefined);
  const references = items(withReference, (task) => referenceCompletion(task.origin?.upstreamId ?? '', task.source.kind === 'inline' ? (task.source.files[task.target ?? ''] ?? '') : '', records) ?? '');
  for (const workers of [1, 2]) {
    const times: number[] = [];
    let scores: AttemptScore[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      scores = await scoreCompletions(references, { workers, timeoutMs: 10_000 });
      times.push((performance.now() - started) / 1000);
    }
    const seconds = median(times);
    console.log(`  HumanEval-X-derived references, ${workers} worker${workers > 1 ? 's' : ''}: ${passes(scores)}/${references.length} pass; median ${seconds.toFixed(1)} s of ${runs} (${times.map((time) => time.toFixed(1)).join(', ')}); ${Math.round((references.length / seconds) * 3600)} tasks/hour`);
    if (workers === 2) for (const score of scores.filter((entry) => !entry.passed)) console.log(`    ${score.taskId}: ${score.reason}`);
  }
  const started = performance.now();
  const single = await mapLimit(references, 2, async (item) => (await scoreCompletions([item], { workers: 1, timeoutMs: 10_000 }))[0] as AttemptScore);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  for contrast, one tsc per task, 2 at a time: ${passes(single)}/${references.length} pass in ${seconds.toFixed(1)} s (${Math.round((references.length / seconds) * 3600)} tasks/hour)`);
}

/** Runs the parts whose data is given. */
export async function benchSuites(args: string[]): Promise<void> {
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const transcoder = option('transcoder');
  const multiplE = option('multipl-e');
  if (!transcoder && !multiplE) {
    console.error('usage: node scripts/bench/bench-suites.ts [--transcoder <CodeGen checkout>] [--multipl-e <humaneval-ts-reworded.jsonl>] [--humaneval-x <humaneval_js.jsonl.gz>]');
    process.exitCode = 2;
    return;
  }
  if (transcoder) await benchTranscoder(transcoder);
  if (multiplE) await benchMultiplE(multiplE, option('humaneval-x'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchSuites(process.argv.slice(2));
