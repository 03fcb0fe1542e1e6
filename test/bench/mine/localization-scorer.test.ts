import { describe, expect, test } from 'vitest';
import { answerFiles, localizationMeasures, localizationScorer } from '../../../src/bench/mine/index.ts';
import { benchTaskSchema } from '../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../src/bench/types.ts';

const task = benchTaskSchema.parse({
  id: 'lib__localize-0123456789ab',
  family: 'localize',
  scope: 'unit',
  complexity: 'low',
  autonomy: 'medium',
  language: 'typescript',
  source: { kind: 'repository', repository: '/tmp/lib', baseCommit: '0123456789abcdef0123456789abcdef01234567' },
  request: 'parse() drops the last field when the line ends with a comma',
  scoring: { expectedFiles: ['src/csv/parse.ts', 'src/csv/fields.ts'] },
});

function attempt(answer: string): Attempt {
  return { taskId: task.id, sample: 0, agent: 'test', status: 'done', patch: '', answer, seconds: 1, inputTokens: 0, outputTokens: 0, cost: 0 };
}

const signal = new AbortController().signal;

describe('localization scoring', () => {
  test('reads paths in order from lists, backticks, line numbers and worktree prefixes', () => {
    const answer = ['Most likely:', '1. `src/csv/reader.ts:12`', '2. /tmp/work/task-1/src/csv/fields.ts#L40', '- ./README.md, then src/index.ts.', 'and/or e.g. version 1.2.3'].join('\n');
    expect(answerFiles(answer)).toEqual(['src/csv/reader.ts', '/tmp/work/task-1/src/csv/fields.ts', 'README.md', 'src/index.ts']);
  });

  test('Acc@k counts an expected file within the first k named; recall counts how many expected files the top 10 hold', () => {
    const named = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts', 'src/f.ts', 'src/csv/fields.ts'];
    expect(localizationMeasures(named.join('\n'), task.scoring.expectedFiles)).toEqual({
      'acc@1': 0, 'acc@5': 0, 'acc@10': 1, 'recall@10': 0.5, firstHitRank: 7, filesNamed: 7,
    });
    expect(localizationMeasures('src/csv/parse.ts\nsrc/csv/fields.ts', task.scoring.expectedFiles)).toMatchObject({ 'acc@1': 1, 'acc@5': 1, 'recall@10': 1 });
  });

  test('the scorer passes an answer with an expected file in the top five and fails one without', async () => {
    const options = { signal, timeoutMs: 1000 };
    const near = await localizationScorer.doScore(task, attempt('src/index.ts\nsrc/csv/parse.ts'), '/nonexistent', options);
    expect(near).toMatchObject({ passed: true, status: 'passed', reason: 'an expected file is named at rank 2 of 2' });
    const far = await localizationScorer.doScore(task, attempt('src/index.ts\nsrc/util.ts'), '/nonexistent', options);
    expect(far).toMatchObject({ passed: false, status: 'failed', measures: { 'acc@10': 0, firstHitRank: 0 } });
    const empty = await localizationScorer.doScore(task, attempt('I could not find it.'), '/nonexistent', options);
    expect(empty.reason).toMatch(/names no files/);
    expect(localizationScorer.accepts(task)).toBe(true);
  });
});
