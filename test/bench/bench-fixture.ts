/** Small benchmark suites for the validity tests: inline JS/TS tasks with node:test tests, and one repository task from a fix commit. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import type { BenchTaskInput } from '../../src/bench/task-schema.ts';

/** The unified diff from `before` to `after` (file maps; a null value deletes), made by real git. */
export function diffOf(before: Record<string, string>, after: Record<string, string | null>): string {
  const fixture = createFixture(before, { git: true });
  try {
    for (const [path, content] of Object.entries(after)) {
      if (content === null) rmSync(join(fixture.root, path));
      else fixture.write(path, content);
    }
    fixture.git('add', '-A');
    return fixture.git('diff', '--cached', '--binary', 'HEAD');
  } finally {
    fixture.remove();
  }
}

const tags = { scope: 'function', complexity: 'low', autonomy: 'high' } as const;

const sumSource = "export function sum(values) {\n  throw new Error('not implemented');\n}\n";
const sumFixed = 'export function sum(values) {\n  return values.reduce((total, value) => total + value, 0);\n}\n';
const sumTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from './sum.js';\n\ntest('sums', () => assert.equal(sum([1, 2, 3]), 6));\ntest('empty is zero', () => assert.equal(sum([]), 0));\n";

const clampSource = 'export function clamp(value: number, low: number, high: number): number {\n  return Math.min(low, Math.max(high, value));\n}\n';
const clampFixed = 'export function clamp(value: number, low: number, high: number): number {\n  return Math.max(low, Math.min(high, value));\n}\n';
const clampTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { clamp } from './clamp.ts';\n\ntest('inside stays', () => assert.equal(clamp(5, 0, 10), 5));\ntest('below rises', () => assert.equal(clamp(-3, 0, 10), 0));\ntest('above falls', () => assert.equal(clamp(42, 0, 10), 10));\n";

const textSource = "export function slugify(text) {\n  return text.split(' ').join('-');\n}\n\nexport function capitalize(word) {\n  return word.charAt(0).toUpperCase() + word.slice(1);\n}\n";
const textFixed = "export function slugify(text) {\n  return text.toLowerCase().split(' ').join('-');\n}\n\nexport function capitalize(word) {\n  return word.charAt(0).toUpperCase() + word.slice(1);\n}\n";
const textTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { capitalize, slugify } from './text.js';\n\ntest('slugify lowercases and joins words', () => assert.equal(slugify('Hello Big World'), 'hello-big-world'));\ntest('capitalize keeps the rest', () => assert.equal(capitalize('world'), 'World'));\n";

const fizzSource = "export function fizz(n) {\n  return String(n);\n}\n";
const fizzFixed = "export function fizz(n) {\n  return n % 3 === 0 ? 'Fizz' : String(n);\n}\n";
const fizzTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { fizz } from './fizz.js';\n\ntest('multiples of three', () => assert.equal(fizz(9), 'Fizz'));\ntest('others', () => assert.equal(fizz(7), '7'));\n";

/** Four inline tasks: visible tests, a hidden test patch (TypeScript), tests named by `file::name`, and a test command. */
export function inlineTasks(): BenchTaskInput[] {
  return [
    {
      id: 'inline/sum', family: 'generate', ...tags, language: 'javascript', request: 'Implement sum(values): the total of an array of numbers (0 for an empty array).',
      source: { kind: 'inline', files: { 'sum.js': sumSource, 'sum.test.js': sumTest } },
      scoring: { failToPass: ['sum.test.js'], reference: diffOf({ 'sum.js': sumSource }, { 'sum.js': sumFixed }) },
      limits: { seconds: 60 },
    },
    {
      id: 'inline/clamp', family: 'fix', ...tags, language: 'typescript', request: 'clamp(value, low, high) returns the wrong bound; make it keep value within [low, high].',
      source: { kind: 'inline', files: { 'clamp.ts': clampSource } },
      scoring: { failToPass: ['clamp.test.ts'], testPatch: diffOf({ 'clamp.ts': clampSource }, { 'clamp.test.ts': clampTest }), reference: diffOf({ 'clamp.ts': clampSource }, { 'clamp.ts': clampFixed }) },
      limits: { seconds: 60 },
    },
    {
      id: 'inline/slugify', family: 'fix', scope: 'unit', complexity: 'medium', autonomy: 'medium', language: 'javascript', request: 'slugify must lowercase the text.',
      source: { kind: 'inline', files: { 'text.js': textSource, 'text.test.js': textTest } },
      scoring: { failToPass: ['text.test.js::slugify lowercases and joins words'], passToPass: ['text.test.js::capitalize keeps the rest'], reference: diffOf({ 'text.js': textSource }, { 'text.js': textFixed }) },
      limits: { seconds: 60 },
    },
    {
      id: 'inline/fizz', family: 'generate', ...tags, language: 'javascript', request: 'fizz(n) returns "Fizz" for multiples of three, else the number as text.',
      source: { kind: 'inline', files: { 'fizz.js': fizzSource, 'fizz.test.js': fizzTest } },
      scoring: { failToPass: ['fizz.test.js'], testCommand: 'node --test {tests}', reference: diffOf({ 'fizz.js': fizzSource }, { 'fizz.js': fizzFixed }) },
      limits: { seconds: 60 },
    },
  ];
}

/** Wrong but plausible solutions of the inline tasks, by task id: each fails its task's tests. */
export const wrongSolutions: Record<string, Record<string, string>> = {
  'inline/sum': { 'sum.js': 'export function sum(values) {\n  return values.length;\n}\n' },
  'inline/clamp': { 'clamp.ts': 'export function clamp(value: number, low: number, high: number): number {\n  return Math.max(low, value);\n}\n' },
  'inline/slugify': { 'text.js': "export function slugify(text) {\n  return text.toLowerCase().split(' ').join('-');\n}\n\nexport function capitalize(word) {\n  return word.toUpperCase();\n}\n" },
  'inline/fizz': { 'fizz.js': "export function fizz(n) {\n  return n % 3 === 0 ? 'fizz' : String(n);\n}\n" },
  'repo/average': { 'src/stats.js': 'export function average(values) {\n  return values[0];\n}\n\nexport function sum(values) {\n  return values.reduce((total, value) => total + value, 0);\n}\n' },
};

const buggy = 'export function average(values) {\n  let total = 0;\n  for (let index = 1; index < values.length; index++) total += values[index];\n  return total / values.length;\n}\n\nexport function sum(values) {\n  return values.reduce((total, value) => total + value, 0);\n}\n';
const fixed = buggy.replace('index = 1', 'index = 0');
const oldTests = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average, sum } from '../src/stats.js';\n\ntest('sums values', () => assert.equal(sum([1, 2, 3]), 6));\ntest('averages a pair that starts at zero', () => assert.equal(average([0, 2]), 1));\n";
const newTest = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('average counts the first value', () => assert.equal(average([4, 2]), 3));\n";

/** A repository with a bug at its base commit and the fix (with its test) in the next commit, and the task mined from it. */
export function repositoryTask(): { fixture: Fixture; task: BenchTaskInput } {
  const fixture = createFixture({ 'package.json': JSON.stringify({ name: 'stats', type: 'module', scripts: { test: 'node --test' } }), 'src/stats.js': buggy, 'test/stats.test.js': oldTests }, { git: true });
  const base = fixture.git('rev-parse', 'HEAD').trim();
  fixture.write('src/stats.js', fixed);
  fixture.write('test/average.test.js', newTest);
  const fix = fixture.commit('fix: average ignores the first value');
  const diff = (path: string) => fixture.git('diff', '--binary', base, fix, '--', path);
  const task: BenchTaskInput = {
    id: 'repo/average', family: 'fix', scope: 'project', complexity: 'low', autonomy: 'high', language: 'javascript',
    request: 'average() ignores the first value: average([4, 2]) returns 1 instead of 3.',
    source: { kind: 'repository', repository: fixture.root, baseCommit: base, setup: ['node -e "require(\'fs\').writeFileSync(\'.setup-done\', \'yes\')"'] },
    scoring: { failToPass: ['test/average.test.js'], passToPass: ['test/stats.test.js'], testPatch: diff('test/average.test.js'), reference: diff('src/stats.js') },
    limits: { seconds: 60 },
    origin: { suite: 'fixture', upstreamId: fix },
  };
  return { fixture, task };
}

/** A folder for scripts and gates of one test, removed by `remove()`. */
export function scratchFolder(): { root: string; write(name: string, content: string): string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'codewright-bench-'));
  return {
    root,
    write(name, content) {
      const path = join(root, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A command agent that writes the wrong solution of its task (`wrongSolutions`). */
export function wrongAgentScript(): string {
  return `import { writeFileSync } from 'node:fs';
const solutions = ${JSON.stringify(wrongSolutions)};
for (const [path, content] of Object.entries(solutions[process.env.CODEWRIGHT_TASK_ID] ?? {})) writeFileSync(path, content);
`;
}

/** Tasks as JSONL text. */
export function jsonl(tasks: readonly unknown[]): string {
  return tasks.map((task) => `${JSON.stringify(task)}\n`).join('');
}
