/**
 * `node scripts/bench/bench-harness.ts`: the bench engine's own cost. Builds a small repository whose next commit fixes
 * a bug, makes BENCH_TASKS repository tasks at its base (one setup command, a hidden test patch, fail-to-pass and
 * pass-to-pass tests) and as many inline tasks, runs them with the reference agent on 1 and 2 workers, and prints tasks
 * per hour and the overhead per repository task beyond the setup command and one run of its tests. Asserts nothing.
 *
 * Environment: BENCH_RUNS (repetitions, default 3), BENCH_TASKS (tasks of each kind, default 10).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBench } from '../../src/bench/run/run-bench.ts';
import { testsScorer } from '../../src/bench/scorers/tests-scorer.ts';
import { benchTaskSchema, type BenchTask } from '../../src/bench/task-schema.ts';
import { median } from './measure.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const count = Number(process.env.BENCH_TASKS ?? 10);
const setup = 'node -e "require(\'fs\').writeFileSync(\'.installed\', \'yes\')"';

const buggy = 'export function average(values) {\n  let total = 0;\n  for (let index = 1; index < values.length; index++) total += values[index];\n  return total / values.length;\n}\n';
const oldTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('pair', () => assert.equal(average([0, 2]), 1));\n";
const newTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('first value counts', () => assert.equal(average([4, 2]), 3));\n";

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'init.defaultBranch=main', ...args], { cwd: root, encoding: 'utf8' });
}

function tasks(scratch: string): BenchTask[] {
  const repository = join(scratch, 'repository');
  write(repository, { 'package.json': JSON.stringify({ name: 'stats', type: 'module' }), 'src/stats.js': buggy, 'test/stats.test.js': oldTest });
  git(repository, 'init', '-q');
  git(repository, 'add', '-A');
  git(repository, 'commit', '-qm', 'base');
  const base = git(repository, 'rev-parse', 'HEAD').trim();
  write(repository, { 'src/stats.js': buggy.replace('index = 1', 'index = 0'), 'test/average.test.js': newTest });
  git(repository, 'add', '-A');
  git(repository, 'commit', '-qm', 'fix');
  const diff = (path: string) => git(repository, 'diff', '--binary', base, 'HEAD', '--', path);
  const common = { family: 'fix', scope: 'project', complexity: 'low', autonomy: 'high', language: 'javascript', request: 'average() ignores the first value', limits: { seconds: 120 } } as const;
  const scoring = { failToPass: ['test/average.test.js'], passToPass: ['test/stats.test.js'], testPatch: diff('test/average.test.js'), reference: diff('src/stats.js') };
  const repositoryTasks = Array.from({ length: count }, (_, index) => ({ ...common, id: `repository/${index}`, source: { kind: 'repository', repository, baseCommit: base, setup: [setup] }, scoring }));
  const files = { 'package.json': JSON.stringify({ name: 'stats', type: 'module' }), 'src/stats.js': buggy, 'test/stats.test.js': oldTest };
  const inlineTasks = Array.from({ length: count }, (_, index) => ({ ...common, scope: 'function', id: `inline/${index}`, source: { kind: 'inline', files }, scoring }));
  return [...repositoryTasks, ...inlineTasks].map((task) => benchTaskSchema.parse(task));
}

async function timeRun(root: string, suite: BenchTask[], workers: number, scoreRuns = 2): Promise<number> {
  const started = performance.now();
  const outcome = await runBench({ root, tasks: suite, agent: 'reference', workers, scoreRuns, scorers: [testsScorer], measures: [], minFreeBytes: 0 });
  if (outcome.status !== 'done') throw new Error(`run ${outcome.id} ended ${outcome.status}`);
  return (performance.now() - started) / 1000;
}

// What the repository costs by itself: the setup command and one run of both test files (in a clone of the fix).
function ownTime(scratch: string, task: BenchTask): number {
  const checkout = join(scratch, `own-${Date.now()}`);
  execFileSync('git', ['clone', '-q', (task.source as { repository: string }).repository, checkout]);
  const started = performance.now();
  execFileSync('/bin/sh', ['-c', setup], { cwd: checkout });
  execFileSync(process.execPath, ['--test', 'test/stats.test.js', 'test/average.test.js'], { cwd: checkout, stdio: 'ignore' });
  const own = (performance.now() - started) / 1000;
  rmSync(checkout, { recursive: true, force: true });
  return own;
}

const scratch = mkdtempSync(join(tmpdir(), 'codewright-bench-harness-'));
try {
  const suite = tasks(scratch);
  const repositoryTasks = suite.filter((task) => task.source.kind === 'repository');
  console.log(`bench harness: ${repositoryTasks.length} repository + ${suite.length - repositoryTasks.length} inline tasks, reference agent, ${runs} runs, ${cpus().length} cores`);
  const figures = { one: [] as number[], two: [] as number[], repositoryOne: [] as number[], repositoryOneSingleScoring: [] as number[], own: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const root = join(scratch, `root-${run}`);
    mkdirSync(root);
    figures.one.push(await timeRun(root, suite, 1));
    figures.two.push(await timeRun(root, suite, 2));
    figures.repositoryOne.push((await timeRun(root, repositoryTasks, 1)) / repositoryTasks.length);
    figures.repositoryOneSingleScoring.push((await timeRun(root, repositoryTasks, 1, 1)) / repositoryTasks.length);
    figures.own.push(ownTime(scratch, repositoryTasks[0]!));
  }
  const perHour = (seconds: number) => Math.round((suite.length / seconds) * 3600);
  console.log(`  1 worker: ${median(figures.one).toFixed(1)} s for ${suite.length} tasks = ${perHour(median(figures.one))} tasks/hour`);
  console.log(`  2 workers: ${median(figures.two).toFixed(1)} s = ${perHour(median(figures.two))} tasks/hour (x${(median(figures.one) / median(figures.two)).toFixed(2)})`);
  const own = median(figures.own);
  console.log(`  one repository task, 1 worker: ${median(figures.repositoryOne).toFixed(2)} s with a confirming second scoring, ${median(figures.repositoryOneSingleScoring).toFixed(2)} s with one scoring`);
  console.log(`  the repository's own setup + one test run: ${own.toFixed(2)} s`);
  console.log(`  overhead per repository task beyond its own setup and tests: ${(median(figures.repositoryOneSingleScoring) - own).toFixed(2)} s with one scoring, ${(median(figures.repositoryOne) - own).toFixed(2)} s with the confirming scoring`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
