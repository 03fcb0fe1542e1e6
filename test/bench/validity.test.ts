/** The harness tells right from wrong: reference solutions score 100%, empty and wrong ones 0%, the same run twice scores the same. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBench } from '../../src/bench/run/run-bench.ts';
import { readBenchRun } from '../../src/bench/run/open-bench-run.ts';
import { summarizeRun } from '../../src/bench/score/summarize-run.ts';
import { testsScorer } from '../../src/bench/scorers/tests-scorer.ts';
import { benchTaskSchema, type BenchTask } from '../../src/bench/task-schema.ts';
import type { Fixture } from '../helpers/fixture.ts';
import { createFixture } from '../helpers/fixture.ts';
import { inlineTasks, repositoryTask, scratchFolder, wrongAgentScript } from './bench-fixture.ts';

let repository: Fixture;
let root: Fixture;
let scratch: ReturnType<typeof scratchFolder>;
let tasks: BenchTask[];

beforeAll(() => {
  const made = repositoryTask();
  repository = made.fixture;
  root = createFixture({});
  scratch = scratchFolder();
  tasks = [...inlineTasks(), made.task].map((task) => benchTaskSchema.parse(task));
});
afterAll(() => {
  repository.remove();
  root.remove();
  scratch.remove();
});

async function run(agent: string) {
  const outcome = await runBench({ root: root.root, tasks, suite: 'fixture', agent, workers: 2, scorers: [testsScorer], measures: [], minFreeBytes: 0 });
  return { outcome, summary: summarizeRun(readBenchRun(root.root, outcome.id)) };
}

describe('validity of the bench harness', () => {
  test('the reference agent resolves every task, inline and repository, JavaScript and TypeScript', async () => {
    const { outcome, summary } = await run('reference');
    expect(outcome.status).toBe('done');
    expect(summary.tasks.map((task) => [task.id, task.status, task.rows[0]!.reason])).toEqual(tasks.map((task) => [task.id, 'passed', expect.any(String)]));
    expect(summary.overall.resolveRate).toBe(1);
    expect(summary.overall.counted).toBe(5);
    expect(summary.by.family.fix!.resolveRate).toBe(1);
    expect(summary.by.scope.project!.counted).toBe(1);
    // The recorded patch of the repository task is the reference fix, made from the worktree.
    const repoRow = summary.tasks.find((task) => task.id === 'repo/average')!.rows[0]!;
    expect(readFileSync(join(outcome.directory, repoRow.patchFile!), 'utf8')).toContain('+  for (let index = 0;');
    // Setup output (committed into the base) is not part of the patch.
    expect(readFileSync(join(outcome.directory, repoRow.patchFile!), 'utf8')).not.toContain('.setup-done');
    // The worktrees are removed; the source repository is untouched.
    expect(existsSync(join(outcome.directory, 'work'))).toBe(false);
    expect(repository.git('status', '--porcelain')).toBe('');
    expect(repository.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  test('the empty agent resolves nothing', async () => {
    const { summary } = await run('empty');
    expect(summary.overall.resolveRate).toBe(0);
    expect(summary.overall.counted).toBe(5);
    expect(summary.tasks.every((task) => task.status === 'failed')).toBe(true);
  });

  test('a deliberately wrong command agent resolves nothing, and a broken pass-to-pass test is named', async () => {
    const script = scratch.write('wrong.mjs', wrongAgentScript());
    const { summary } = await run(`node ${script}`);
    expect(summary.overall.resolveRate).toBe(0);
    expect(summary.overall.counted).toBe(5);
    const slugify = summary.tasks.find((task) => task.id === 'inline/slugify')!;
    expect(slugify.rows[0]!.reason).toContain('pass-to-pass failing: text.test.js::capitalize keeps the rest');
    expect(slugify.rows[0]!.reason).not.toContain('fail-to-pass');
    expect(slugify.rows[0]!.patchFile).toBeDefined();
  });

  test('the same run twice gives the same scores', async () => {
    const script = scratch.write('wrong.mjs', wrongAgentScript());
    const outcomes = [];
    for (const agent of ['reference', 'reference', `node ${script}`, `node ${script}`]) outcomes.push(await run(agent));
    const scores = outcomes.map(({ summary }) => summary.tasks.map((task) => ({ id: task.id, status: task.status, rows: task.rows.map((row) => ({ status: row.scoreStatus, passed: row.passed, reason: row.reason, measures: row.measures })) })));
    expect(scores[1]).toEqual(scores[0]);
    expect(scores[3]).toEqual(scores[2]);
    // The patches are byte-identical too.
    const patches = outcomes.map(({ outcome, summary }) => summary.tasks.map((task) => readFileSync(join(outcome.directory, task.rows[0]!.patchFile!), 'utf8')));
    expect(patches[1]).toEqual(patches[0]);
  });
});
