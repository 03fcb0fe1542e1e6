/** An external agent gets the task as documented in docs/bench.md: its checkout as cwd, the request and task in files and variables. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runBench } from '../../src/bench/run/run-bench.ts';
import { testsScorer } from '../../src/bench/scorers/tests-scorer.ts';
import { benchTaskSchema } from '../../src/bench/task-schema.ts';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { inlineTasks, scratchFolder } from './bench-fixture.ts';

let root: Fixture | undefined;
let scratch: ReturnType<typeof scratchFolder> | undefined;
afterEach(() => {
  root?.remove();
  scratch?.remove();
});

test('the command runs in the task checkout with CODEWRIGHT_TASK_* variables, request and task files', async () => {
  root = createFixture({});
  scratch = scratchFolder();
  const seen = join(scratch.root, 'seen.json');
  const script = scratch.write('agent.mjs', `import { readFileSync, writeFileSync } from 'node:fs';
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('CODEWRIGHT_')));
writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ cwd: process.cwd(), env, request: readFileSync(env.CODEWRIGHT_TASK_REQUEST_FILE, 'utf8'), task: JSON.parse(readFileSync(env.CODEWRIGHT_TASK_FILE, 'utf8')), files: readFileSync('sum.js', 'utf8') }));
`);
  const task = benchTaskSchema.parse(inlineTasks()[0]);
  const outcome = await runBench({ root: root.root, tasks: [task], agent: `node ${script}`, scorers: [testsScorer], measures: [], minFreeBytes: 0 });
  const observed = JSON.parse(readFileSync(seen, 'utf8')) as { cwd: string; env: Record<string, string>; request: string; task: { id: string }; files: string };
  expect(observed.cwd).toBe(join(outcome.directory, 'work', 'inline_sum-8ca297a3-0'));
  expect(observed.env).toMatchObject({
    CODEWRIGHT_TASK_ID: 'inline/sum',
    CODEWRIGHT_TASK_FAMILY: 'generate',
    CODEWRIGHT_TASK_LANGUAGE: 'javascript',
    CODEWRIGHT_TASK_SAMPLE: '0',
    CODEWRIGHT_TASK_REQUEST: task.request,
    CODEWRIGHT_WORKTREE: observed.cwd,
    CODEWRIGHT_ANSWER_FILE: join(observed.cwd, '.codewright-answer'),
    CODEWRIGHT_USAGE_FILE: join(observed.cwd, '.codewright-usage.json'),
  });
  expect(observed.request).toBe(`${task.request}\n`);
  expect(observed.task.id).toBe('inline/sum');
  expect(observed.files).toBe((task.source as { files: Record<string, string> }).files['sum.js']);
  // The task and request files live with the attempt's records, not in the checkout.
  expect(observed.env.CODEWRIGHT_TASK_FILE).toBe(join(outcome.directory, 'attempts', 'inline_sum-8ca297a3-0', 'task.json'));
});
