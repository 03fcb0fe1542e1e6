import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTestScript, knownBrokenScripts, parseResultsLine, parseTestScript, scoreTranslations, transcoderAdapter, transcoderScorer, type ScoreItem } from '../../../src/bench/suites/transcoder/index.ts';
import type { BenchTask } from '../../../src/bench/task-schema.ts';
import type { Attempt } from '../../../src/bench/types.ts';
import { fixtureScripts, maxOfTwo, sumOfDigits, writeScripts } from './transcoder-fixtures.ts';

function attempt(task: BenchTask, answer: string, sample = 0): Attempt {
  return { taskId: task.id, sample, agent: 'test', status: 'done', patch: '', answer, seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
}

const emptyWorktree = () => mkdtempSync(join(tmpdir(), 'codewright-transcoder-worktree-'));
const byId = (tasks: BenchTask[], id: string) => tasks.find((task) => task.id === id) as BenchTask;

describe('TransCoder test scripts', () => {
  it('reads the reference function, fills a candidate in at the marker as f_filled, and reads the results line', () => {
    const parsed = parseTestScript('MAX_OF_TWO', 'java', fixtureScripts.java(maxOfTwo));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.value.reference).toBe(maxOfTwo.java);
    expect(parsed.value.text).not.toContain('javafx');
    const filled = fillTestScript(parsed.value, 'static int f_gold ( int a , int b ) { return f_gold ( b , a ) ; }');
    expect(filled).toContain('static int f_filled ( int a , int b ) { return f_filled ( b , a ) ; }');
    expect(filled).not.toContain('//TOFILL');
    expect(parseResultsLine('#Results:9, 10')).toEqual({ passed: 9, total: 10 });
    expect(parseResultsLine('#Results: 10, 10')).toEqual({ passed: 10, total: 10 });
    expect(parseTestScript('X', 'python', 'def f_gold(a):\n    return a\n').success).toBe(false);
  });

  it('loads a translation task per function and direction, with the source function, the checker and the reference', async () => {
    const root = writeScripts([sumOfDigits, maxOfTwo], { 'python/ONLY_PYTHON.py': 'def f_gold ( a ) :\n    return a\n\n#TOFILL\n', 'java/NO_MARKER.java': 'public class NO_MARKER{}' });
    const { tasks, problems } = await transcoderAdapter.doLoad(dirname(root), {});
    expect(problems).toEqual([expect.stringContaining('NO_MARKER.java: has no //TOFILL marker')]);
    expect(tasks).toHaveLength(12);
    const task = byId(tasks, 'transcoder/java-python/SUM_OF_DIGITS');
    expect(task).toMatchObject({ family: 'translate', scope: 'function', language: 'python', toLanguage: 'python', target: 'SUM_OF_DIGITS.py' });
    expect(task.source).toEqual({ kind: 'inline', files: { 'SUM_OF_DIGITS.java': `${sumOfDigits.java}\n` }, setup: [] });
    expect(task.scoring.reference).toBe(sumOfDigits.python);
    expect(task.scoring.checker).toContain('#TOFILL');
    expect(task.request).toContain('Translate the Java function `f_gold` in SUM_OF_DIGITS.java to Python');
    const limited = await transcoderAdapter.doLoad(root, { directions: ['cpp-java'], limit: 1 });
    expect(limited.tasks.map((entry) => entry.id)).toEqual(['transcoder/cpp-java/MAX_OF_TWO']);
    await expect(transcoderAdapter.doLoad(join(root, 'python', 'missing'), {})).rejects.toThrow(/data\/transcoder_evaluation_gfg/);
  });

  it('scores the reference of every direction as passing and empty or wrong translations as failing (real python3, g++ and javac)', async () => {
    const root = writeScripts([sumOfDigits, maxOfTwo]);
    const { tasks } = await transcoderAdapter.doLoad(root, {});
    const worktree = emptyWorktree();
    const wrong: Record<string, string> = { python: 'def f_gold ( n ) :\n    return 1', java: 'static int f_gold ( int n ) { return 1 ; }', cpp: 'int f_gold ( int n ) { return 1; }' };
    const items: ScoreItem[] = [
      ...tasks.map((task) => ({ task, attempt: attempt(task, task.scoring.reference ?? ''), worktree })),
      ...tasks.filter((task) => task.id.endsWith('SUM_OF_DIGITS')).map((task) => ({ task, attempt: attempt(task, wrong[task.toLanguage ?? ''] ?? '', 1), worktree })),
      ...tasks.slice(0, 3).map((task) => ({ task, attempt: attempt(task, '', 2), worktree })),
    ];
    const scores = await scoreTranslations(items, { timeoutMs: 30_000, workers: 2 });
    const reference = scores.slice(0, tasks.length);
    expect(reference.filter((score) => !score.passed)).toEqual([]);
    expect(reference.every((score) => score.measures.ca === 1 && score.status === 'passed')).toBe(true);
    const wrongScores = scores.slice(tasks.length, tasks.length + 6);
    expect(wrongScores.map((score) => score.status)).toEqual(Array(6).fill('failed'));
    expect(wrongScores.find((score) => score.taskId.endsWith('java-python/SUM_OF_DIGITS'))?.reason).toContain('0/4 test inputs agree');
    expect(scores.slice(-3).every((score) => score.status === 'failed' && score.reason.startsWith('no translation'))).toBe(true);
  }, 180_000);

  it('keeps a Java compile error to its own attempt when two attempts of one function share a batch, and compiles non-public classes', async () => {
    const root = writeScripts([sumOfDigits, maxOfTwo]);
    // Many upstream scripts declare a class that is not public; that compiles as well.
    writeFileSync(join(root, 'java', 'MAX_OF_TWO.java'), fixtureScripts.java(maxOfTwo).replace('public class MAX_OF_TWO', 'class MAX_OF_TWO'));
    const { tasks } = await transcoderAdapter.doLoad(root, { directions: ['python-java'] });
    const worktree = emptyWorktree();
    const sum = byId(tasks, 'transcoder/python-java/SUM_OF_DIGITS');
    const max = byId(tasks, 'transcoder/python-java/MAX_OF_TWO');
    const scores = await scoreTranslations(
      [
        { task: sum, attempt: attempt(sum, 'static int f_gold ( int n ) { return n %% ; }'), worktree },
        { task: sum, attempt: attempt(sum, `\`\`\`java\n${sumOfDigits.java}\n\`\`\``, 1), worktree },
        { task: max, attempt: attempt(max, maxOfTwo.java), worktree },
      ],
      { timeoutMs: 30_000, workers: 2 },
    );
    expect(scores.map((score) => score.status)).toEqual(['failed', 'passed', 'passed']);
    expect(scores[0]?.reason).toMatch(/^does not compile: /);
  }, 120_000);

  it('reads the translation from the target file when the answer is empty, and fails a translation that never returns', async () => {
    const { tasks } = await transcoderAdapter.doLoad(writeScripts([maxOfTwo]), { directions: ['java-python'] });
    const task = tasks[0] as BenchTask;
    const worktree = emptyWorktree();
    writeFileSync(join(worktree, task.target ?? ''), maxOfTwo.python);
    const [fromFile] = await scoreTranslations([{ task, attempt: attempt(task, ''), worktree }], { timeoutMs: 30_000 });
    expect(fromFile?.status).toBe('passed');
    const looping = await transcoderScorer.doScore(task, attempt(task, 'def f_gold ( a , b ) :\n    while True :\n        pass'), emptyWorktree(), { signal: new AbortController().signal, timeoutMs: 1_000 });
    expect(looping).toMatchObject({ status: 'failed', passed: false });
    expect(looping.reason).toMatch(/timed out/);
  }, 60_000);

  it('reports tasks that target a known-broken script as broken, without running them', async () => {
    const id = Object.keys(knownBrokenScripts.python)[0] as string;
    const { tasks } = await transcoderAdapter.doLoad(writeScripts([{ ...maxOfTwo, id }]), { directions: ['java-python', 'python-java'] });
    const toPython = byId(tasks, `transcoder/java-python/${id}`);
    expect(toPython.broken).toBe(knownBrokenScripts.python[id]);
    expect(byId(tasks, `transcoder/python-java/${id}`).broken).toBeUndefined();
    const score = await transcoderScorer.doScore(toPython, attempt(toPython, maxOfTwo.python), emptyWorktree(), { signal: new AbortController().signal, timeoutMs: 10_000 });
    expect(score).toMatchObject({ status: 'broken-task', passed: false, reason: knownBrokenScripts.python[id] });
    expect(transcoderScorer.accepts(toPython)).toBe(true);
    expect(transcoderScorer.accepts({ ...toPython, family: 'generate' })).toBe(false);
  });
});
