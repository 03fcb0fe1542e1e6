import { afterEach, describe, expect, it } from 'vitest';
import { documentTask } from './document.ts';
import { parseDocstring } from './document-python-docstring.ts';
import { type CandidateFixture, candidateFixture } from './translation/testing/candidate-fixture.ts';

const made: CandidateFixture[] = [];
afterEach(() => made.splice(0).forEach((item) => item.fixture.remove()));

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const script = {
  'src/range.ts': lines(
    'export function clamp(value: number, low: number, high: number): number {',
    "  if (low > high) throw new RangeError('low is above high');",
    '  return Math.min(Math.max(value, low), high);',
    '}',
    '',
    'export const log = (message: string, { prefix }: { prefix: string }): void => {',
    '  record.push(`${prefix}${message}`);',
    '};',
    '',
    'const record: string[] = [];',
  ),
};

const clampDoc = (tags: string[]) => ['/**', ' * Keeps a value between two bounds.', ...tags.map((tag) => ` * ${tag}`), ' */'];

function documented(clampTags: string[], logTags = ['@param message the text', '@param options where it goes']): Record<string, string> {
  const [clampLines, rest] = [script['src/range.ts'].split('\n').slice(0, 5), script['src/range.ts'].split('\n').slice(5)];
  return { 'src/range.ts': [...clampDoc(clampTags), ...clampLines, '/**', ' * Records a message.', ...logTags.map((tag) => ` * ${tag}`), ' */', ...rest].join('\n') };
}

const correctTags = ['@param value the number to clamp', '@param low the smallest result', '@param high the largest result', '@returns the value, moved into [low, high]', '@throws {RangeError} when low is above high'];

function check(base: Record<string, string>, candidate: Record<string, string>, target = 'src/range.ts') {
  const current = candidateFixture(base, candidate, { family: 'document', text: `Document ${target}`, target });
  made.push(current);
  return documentTask.doCheckSuccess(current.input);
}

describe('document', () => {
  it('asks for doc comments only, with a @param for each parameter', () => {
    const text = documentTask.instructions({ family: 'document', text: 'Document src/range.ts', target: 'src/range.ts' });
    expect(text).toContain('Change nothing but comments and docstrings');
    expect(text).toContain('one `@param name description` for every parameter');
    expect(documentTask).toMatchObject({ tags: { scope: 'unit', complexity: 'low', autonomy: 'high' }, changesCode: true });
  });

  it('passes JSDoc whose parameters, return and throws claims match the code', async () => {
    const report = await check(script, documented(correctTags));
    expect(report).toMatchObject({ passed: true, score: 1, summary: '2 documented functions, every claim checks out', measures: { documentedFunctions: 2, correctFunctions: 2, codeChanges: 0 } });
    expect(report.details).toEqual(['src/range.ts:9 `clamp`: claims check out', 'src/range.ts:19 `log`: claims check out']);
  });

  it('fails a wrong @param name, and names the parameter that has none', async () => {
    const report = await check(script, documented(correctTags.map((tag) => tag.replace('@param high', '@param max'))));
    expect(report.passed).toBe(false);
    expect(report.score).toBe(0.5);
    expect(report.details).toContain('src/range.ts:9 `clamp`: no @param for `high`');
    expect(report.details).toContain('src/range.ts:9 `clamp`: @param `max` names no parameter of the function');
  });

  it('fails @param tags out of order, @returns on a void function and @throws where nothing can throw', async () => {
    const swapped = [correctTags[1]!, correctTags[0]!, ...correctTags.slice(2)];
    const report = await check(script, documented(swapped, ['@param message the text', '@param options where it goes', '@returns nothing useful']));
    expect(report.details).toContain('src/range.ts:9 `clamp`: @param tags are in the order `low`, `value`, `high`, but the parameters are `value`, `low`, `high`');
    expect(report.details).toContain('src/range.ts:20 `log`: @returns, but `log` returns no value');
    const throwing = await check({ 'src/add.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n' }, { 'src/add.ts': '/**\n * Adds.\n * @param a one\n * @param b two\n * @throws {TypeError} never\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n' }, 'add');
    expect(throwing.details).toEqual(['src/add.ts:7 `add`: @throws, but nothing in the body of `add` can throw']);
  });

  it('fails a documentation change that also changes code', async () => {
    const candidate = documented(correctTags);
    const report = await check(script, { 'src/range.ts': candidate['src/range.ts']!.replace('Math.min(Math.max', 'Math.max(Math.min') });
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('the change is not comments only: src/range.ts: changes code, not only comments (first difference: `return Math.max(Math.min(value, low), high);`)');
  });

  it('fails a change that documents something other than the target', async () => {
    const report = await check(script, documented(correctTags), 'src/other.ts');
    expect(report).toMatchObject({ passed: false, summary: 'the change does not document `src/other.ts`' });
  });

  it('checks Python docstrings in Google style against the signature, return and raises', async () => {
    const body = ['        if not values:', '            raise ValueError("no values")', '        result = 0', '        for value in values:', '            result += value  # no call: nothing else can raise', '        return result'];
    const base = { 'calc/stats.py': lines('# statistics', 'class Stats:', '    def total(self, values, *, weights=None):', ...body) };
    const docstring = (args: string[], extra: string[]) => lines('# statistics', 'class Stats:', '    def total(self, values, *, weights=None):', '        """Sum of the values.', '', '        Args:', ...args.map((arg) => `            ${arg}`), ...extra.map((line) => `        ${line}`), '        """', ...body);
    const good = await check(base, { 'calc/stats.py': docstring(['values (list[float]): the numbers.', 'weights: unused.'], ['', 'Returns:', '    The sum.', '', 'Raises:', '    ValueError: when values is empty.']) }, 'Stats.total');
    expect(good).toMatchObject({ passed: true, details: ['calc/stats.py:3 `Stats.total`: claims check out'] });
    const wrong = await check(base, { 'calc/stats.py': docstring(['value: the numbers.', 'weights: unused.'], ['', 'Raises:', '    KeyError: never.']) }, 'Stats.total');
    expect(wrong.passed).toBe(false);
    expect(wrong.details).toEqual([
      'calc/stats.py:3 `Stats.total`: no documented parameter for `values`',
      'calc/stats.py:3 `Stats.total`: documented parameter `value` names no parameter of the function',
      'calc/stats.py:3 `Stats.total`: documents raising KeyError, but the body raises only ValueError',
    ]);
  });

  it('reads Sphinx and NumPy docstrings', () => {
    expect(parseDocstring('Adds.\n\n:param int a: first\n:param b: second\n:returns: the sum\n:raises ValueError: never')).toEqual({ params: ['a', 'b'], returns: true, raises: ['ValueError'] });
    expect(parseDocstring('Adds.\n\n    Parameters\n    ----------\n    a : int\n        first\n    b : int\n\n    Returns\n    -------\n    int\n')).toEqual({ params: ['a', 'b'], returns: true, raises: [] });
  });
});
