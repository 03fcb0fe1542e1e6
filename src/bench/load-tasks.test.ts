import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSuite, parseSuiteSpec, parseTaskLines } from './load-tasks.ts';

const task = {
  id: 'one', family: 'fix', scope: 'function', complexity: 'low', autonomy: 'high', language: 'javascript', request: 'fix it',
  source: { kind: 'inline', files: { 'a.js': 'x' } }, scoring: { failToPass: ['a.test.js'] },
};

describe('parseTaskLines', () => {
  test('reads tasks, skipping blank lines, and fills defaults', () => {
    const { tasks, problems } = parseTaskLines(`${JSON.stringify(task)}\n\n${JSON.stringify({ ...task, id: 'two' })}\n`, 'tasks.jsonl');
    expect(problems).toEqual([]);
    expect(tasks.map((item) => item.id)).toEqual(['one', 'two']);
    expect(tasks[0]!.limits.seconds).toBe(1800);
    expect(tasks[0]!.source.setup).toEqual([]);
  });

  test('names the line and the field path of every problem', () => {
    const lines = [
      JSON.stringify({ ...task, source: { kind: 'repository', repository: 'r', baseCommit: 'main' } }),
      JSON.stringify({ ...task, id: 'b', family: 'debug' }),
      JSON.stringify({ ...task, id: 'c', scoring: { failToPass: [1] } }),
      '[1, 2]',
    ];
    const { tasks, problems } = parseTaskLines(lines.join('\n'), 'suite.jsonl');
    expect(tasks).toEqual([]);
    expect(problems).toEqual([
      'suite.jsonl:1: source.baseCommit: write the base commit as a hex SHA',
      expect.stringMatching(/^suite\.jsonl:2: family: Invalid option: expected one of "generate"\|"fix"/),
      'suite.jsonl:3: scoring.failToPass[0]: Invalid input: expected string, received number',
      'suite.jsonl:4: (the line): Invalid input: expected object, received array',
    ]);
  });
});

describe('loadSuite', () => {
  test('splits <adapter>:<path> and refuses an unknown adapter or a file that is not .jsonl', async () => {
    expect(parseSuiteSpec('swe-bench:records.jsonl')).toEqual({ adapter: 'swe-bench', path: 'records.jsonl' });
    expect(parseSuiteSpec('tasks.jsonl')).toEqual({ path: 'tasks.jsonl' });
    await expect(loadSuite('nosuch:file')).rejects.toThrow(/^No suite adapter is called `nosuch` \(in `nosuch:file`\); the adapters are swe-bench, multipl-e, transcoder/);
    await expect(loadSuite('tasks.txt')).rejects.toThrow('`tasks.txt` is neither a .jsonl task file nor <adapter>:<path>');
  });

  test('reads a file with a limit, and a missing file says what to give', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'codewright-load-'));
    try {
      writeFileSync(join(folder, 'tasks.jsonl'), [task, { ...task, id: 'two' }].map((item) => JSON.stringify(item)).join('\n'));
      expect((await loadSuite(join(folder, 'tasks.jsonl'), { limit: 1 })).tasks.map((item) => item.id)).toEqual(['one']);
      await expect(loadSuite(join(folder, 'none.jsonl'))).rejects.toThrow(/^Cannot read the task file .*none\.jsonl \(ENOENT\)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
