import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadTaskFile } from '../../../src/bench/load-tasks.ts';
import { mineRepository } from '../../../src/bench/mine/index.ts';
import type { MineEvent, MineResult } from '../../../src/bench/mine/index.ts';
import { patchFiles } from '../../../src/bench/suites/swe-bench/index.ts';
import { createHistoryFixture, type HistoryFixture } from './history-fixture.ts';

let history: HistoryFixture;
let mined: MineResult;

beforeAll(async () => {
  history = createHistoryFixture();
  mined = await mineRepository(history.fixture.root, { budgetMs: 300_000 });
}, 300_000);
afterAll(() => history?.fixture.remove());

describe('mineRepository on a fixture history', () => {
  test('keeps the fix whose new test fails before and passes after, split into test patch and fix patch', () => {
    const task = mined.tasks.find((item) => item.family === 'fix');
    expect(task?.origin?.upstreamId).toBe(history.fix);
    expect(task?.source).toMatchObject({ kind: 'repository', baseCommit: history.initial });
    expect(task?.scoring.failToPass).toEqual(['test/math.test.js']);
    // Other tests of the fixed code must keep passing.
    expect(task?.scoring.passToPass).toEqual(['test/multiply.test.js']);
    expect(patchFiles(task?.scoring.testPatch ?? '').map((file) => file.path)).toEqual(['test/math.test.js']);
    expect(patchFiles(task?.scoring.reference ?? '').map((file) => file.path)).toEqual(['src/math.js']);
    expect(task?.scoring.reference).toContain('+  return a + b;');
    expect(task?.scoring.testCommand).toBe('node --test {tests}');
    expect(task?.request).toContain('add returns the sum');
    expect(task?.request).not.toContain('Closes');
    expect(task).toMatchObject({ scope: 'function', complexity: 'low', language: 'javascript' });
  });

  test('rejects the commit whose test already passes before the fix, saying so, and nothing else', () => {
    expect(mined.tasks.filter((item) => item.family === 'fix')).toHaveLength(1);
    expect(mined.rejected).toEqual([{ commit: history.passingFix, kind: 'fix', reason: 'the new tests already pass before the fix' }]);
    expect(mined.problems).toEqual([`${history.passingFix.slice(0, 12)} fix: the new tests already pass before the fix`]);
  });

  test('makes no task of a commit that changes code without tests and is neither a fix nor a refactoring', () => {
    expect(mined.tasks.some((item) => item.origin?.upstreamId === history.feature)).toBe(false);
    expect(mined.rejected.some((item) => item.commit === history.feature)).toBe(false);
  });

  test('keeps the refactoring with the touched exported function as behaviour to preserve', () => {
    const task = mined.tasks.find((item) => item.family === 'refactor');
    expect(task?.origin?.upstreamId).toBe(history.refactor);
    expect(task?.scoring.preserve).toEqual(['src/clamp.js#clamp']);
    expect(task?.scoring.passToPass).toEqual(['test/clamp.test.js']);
    expect(task?.request).toBe('refactor: extract atMost from clamp');
  });

  test('turns both fix commits into localization tasks whose answer is the code file they changed', () => {
    const tasks = mined.tasks.filter((item) => item.family === 'localize');
    expect(tasks.map((item) => item.origin?.upstreamId).sort()).toEqual([history.fix, history.passingFix].sort());
    for (const task of tasks) expect(task.scoring.expectedFiles).toEqual(['src/math.js']);
  });
});

describe('mineRepository options', () => {
  test('writes the tasks as task-format JSON lines that load back unchanged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-mined-'));
    try {
      const out = join(folder, 'tasks.jsonl');
      const result = await mineRepository(history.fixture.root, { kinds: ['localize'], out });
      const loaded = await loadTaskFile(out);
      expect(loaded.problems).toEqual([]);
      expect(loaded.tasks).toEqual(result.tasks);
      expect(loaded.tasks.map((task) => task.id)).toEqual([`${history.fixture.root.split('/').pop()}__localize-${history.passingFix.slice(0, 12)}`, `${history.fixture.root.split('/').pop()}__localize-${history.fix.slice(0, 12)}`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('stops at the task limit, looks only after `since`, and reports progress per candidate', async () => {
    const events: MineEvent[] = [];
    const limited = await mineRepository(history.fixture.root, { kinds: ['fix', 'localize'], limit: 1, onProgress: (event) => events.push(event) });
    expect(limited.tasks).toHaveLength(1);
    // Newest first: the passing fix is rejected as a fix task, kept as a localization task, then the limit stops the run.
    const ends = events.filter((event) => event.type === 'candidate-end').map((event) => [event.commit, event.kind, event.kept]);
    expect(ends).toEqual([[history.passingFix, 'fix', false], [history.passingFix, 'localize', true]]);
    expect(events.at(-1)).toEqual({ type: 'mine-stop', reason: 'limit', examined: 1, remaining: 1 });
    expect(events[0]).toEqual({ type: 'scan-end', commits: 5, candidates: 2 });
    const since = await mineRepository(history.fixture.root, { kinds: ['fix'], since: history.passingFix });
    expect(since.tasks).toEqual([]);
    expect(since.rejected).toEqual([]);
  });
});
