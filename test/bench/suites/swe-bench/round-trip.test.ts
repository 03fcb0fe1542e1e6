import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mineRepository } from '../../../../src/bench/mine/index.ts';
import { sweBenchAdapter, toSweBenchRecord } from '../../../../src/bench/suites/swe-bench/index.ts';
import { testsScorer } from '../../../../src/bench/scorers/tests-scorer.ts';
import type { BenchTask } from '../../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../../src/bench/types.ts';
import { createHistoryFixture, type HistoryFixture } from '../../mine/history-fixture.ts';

let history: HistoryFixture;
let folder: string;
let mined: BenchTask;
let loaded: { tasks: BenchTask[]; problems: string[] };

beforeAll(async () => {
  history = createHistoryFixture();
  folder = mkdtempSync(join(tmpdir(), 'codewright-swe-'));
  const result = await mineRepository(history.fixture.root, { kinds: ['fix'] });
  mined = result.tasks[0]!;
  const records = join(folder, 'mined.jsonl');
  writeFileSync(records, `${JSON.stringify(toSweBenchRecord(mined, { createdAt: '2024-01-01T00:00:00Z' }))}\n`);
  loaded = await sweBenchAdapter.doLoad(records, {});
}, 120_000);
afterAll(() => {
  history?.fixture.remove();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A checkout of the task's base (the engine's way: a shared clone), with `patch` applied to the working tree. */
function checkout(task: BenchTask, name: string, patch: string): string {
  const directory = join(folder, name);
  const base = task.source.kind === 'repository' ? task.source.baseCommit : '';
  history.fixture.git('clone', '-q', '--shared', '--no-checkout', history.fixture.root, directory);
  history.fixture.git('-C', directory, 'checkout', '-q', '--detach', base);
  if (patch !== '') {
    writeFileSync(join(folder, `${name}.diff`), patch);
    history.fixture.git('-C', directory, 'apply', join(folder, `${name}.diff`));
  }
  return directory;
}

function attempt(task: BenchTask, patch: string): Attempt {
  return { taskId: task.id, sample: 0, agent: 'reference', status: 'done', patch, answer: '', seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
}

describe('a mined fix task through a SWE-bench JSONL record', () => {
  test('loads back with the same repository, base, patches, tests and test command', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.tasks).toHaveLength(1);
    const task = loaded.tasks[0]!;
    expect(task).toMatchObject({ id: mined.id, family: 'fix', language: 'javascript', request: mined.request, source: mined.source, origin: { suite: 'swe-bench', upstreamId: mined.id } });
    expect(task.scoring).toEqual({ ...mined.scoring, preserve: [], expectedFiles: [] });
  });

  test('its reference patch scores 100% under the tests scorer, and no patch scores 0% of fail-to-pass', async () => {
    const task = loaded.tasks[0]!;
    const base = task.source.kind === 'repository' ? task.source.baseCommit : undefined;
    const options = { signal: new AbortController().signal, timeoutMs: 60_000, base };
    const reference = await testsScorer.doScore(task, attempt(task, task.scoring.reference ?? ''), checkout(task, 'reference', task.scoring.reference ?? ''), options);
    expect(reference).toMatchObject({ passed: true, status: 'passed', measures: { failToPassRate: 1, passToPassRate: 1 } });
    const empty = await testsScorer.doScore(task, attempt(task, ''), checkout(task, 'empty', ''), options);
    expect(empty).toMatchObject({ passed: false, status: 'failed', measures: { failToPassRate: 0 } });
  }, 120_000);
});
