/** Bad input and trouble during a run: failing setup, hanging agents and tests, crashes, limits, broken tasks, a full disk. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readBenchRun } from '../../src/bench/run/open-bench-run.ts';
import type { BenchTaskInput } from '../../src/bench/task-schema.ts';
import { createFixture } from '../helpers/fixture.ts';
import { inlineTasks } from './bench-fixture.ts';
import { bench, cleanups, isRunning, setup } from './run-helpers.ts';

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('trouble the harness reports instead of miscounting', () => {
  test('a setup command that fails, or a base commit that is missing, is an environment-error, not a failure', async () => {
    const { root } = setup();
    const repository = createFixture({ 'a.txt': 'a\n' }, { git: true });
    cleanups.push(() => repository.remove());
    const [sum] = inlineTasks();
    const failingSetup = { ...sum!, id: 'setup-fails', source: { kind: 'inline' as const, files: { 'sum.js': 'x' }, setup: ['echo installing; exit 3'] } };
    const missingCommit: BenchTaskInput = { ...sum!, id: 'no-commit', source: { kind: 'repository', repository: repository.root, baseCommit: 'deadbeefdeadbeef' } };
    const { summary } = await bench(root, [failingSetup, missingCommit, sum!], 'reference');
    const byId = Object.fromEntries(summary.tasks.map((task) => [task.id, task]));
    expect(byId['setup-fails']!.status).toBe('environment-error');
    expect(byId['setup-fails']!.rows[0]!.reason).toBe('setup `echo installing; exit 3` failed (exit code 3): installing');
    expect(byId['setup-fails']!.rows[0]!.attemptStatus).toBe('environment-error');
    expect(byId['no-commit']!.status).toBe('environment-error');
    expect(byId['no-commit']!.rows[0]!.reason).toContain('deadbeefdeadbeef');
    expect(summary.overall.excluded.environmentError).toBe(2);
    expect(summary.overall.counted).toBe(1);
    expect(summary.overall.resolveRate).toBe(1);
  });

  test('a hanging agent and its children are killed at the time limit, and the attempt fails as a timeout', async () => {
    const { root, scratch } = setup();
    const pids = join(scratch.root, 'pids.json');
    const script = scratch.write('hang.mjs', `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const child = spawn('sleep', ['600'], { stdio: 'ignore' });
writeFileSync(${JSON.stringify(pids)}, JSON.stringify([process.pid, child.pid]));
setInterval(() => {}, 1000);
`);
    const task = { ...inlineTasks()[0]!, limits: { seconds: 2 } };
    const { summary } = await bench(root, [task], `node ${script}`);
    const row = summary.tasks[0]!.rows[0]!;
    expect(row.attemptStatus).toBe('timeout');
    expect(row.scoreStatus).toBe('failed');
    expect(row.reason).toBe('agent timeout: killed at the time limit of 2 s');
    const [agentPid, childPid] = JSON.parse(readFileSync(pids, 'utf8')) as number[];
    expect(isRunning(agentPid!)).toBe(false);
    expect(isRunning(childPid!)).toBe(false);
  });

  test('tests that hang are killed at the test time limit and fail the attempt', async () => {
    const { root } = setup();
    const [sum] = inlineTasks();
    const hanging = "import { test } from 'node:test';\ntest('never ends', () => new Promise(() => setInterval(() => {}, 1000)));\n";
    const task = { ...sum!, id: 'hangs', source: { kind: 'inline' as const, files: { ...(sum!.source as { files: Record<string, string> }).files, 'hang.test.js': hanging } }, scoring: { ...sum!.scoring, failToPass: ['sum.test.js', 'hang.test.js'] } };
    const { summary } = await bench(root, [task], 'reference', { testTimeoutMs: 2000 });
    const row = summary.tasks[0]!.rows[0]!;
    expect(row.scoreStatus).toBe('failed');
    expect(row.reason).toMatch(/^fail-to-pass failing: hang\.test\.js \(.*timed out after 2/);
    expect(row.reason).not.toContain('sum.test.js');
  });

  test('an agent that crashes fails its task; one over its cost limit fails as limit; answer and usage files stay out of the patch', async () => {
    const { root, scratch } = setup();
    const [sum, clamp] = inlineTasks();
    const script = scratch.write('agent.mjs', `import { writeFileSync } from 'node:fs';
if (process.env.CODEWRIGHT_TASK_ID === 'inline/sum') { console.error('out of ideas'); process.exit(4); }
writeFileSync('clamp.ts', 'export function clamp(value: number, low: number, high: number): number {\\n  return Math.max(low, Math.min(high, value));\\n}\\n');
writeFileSync(process.env.CODEWRIGHT_USAGE_FILE, JSON.stringify({ inputTokens: 1000, outputTokens: 500, cost: 2.5 }));
writeFileSync(process.env.CODEWRIGHT_ANSWER_FILE, 'fixed the bounds');
`);
    const { outcome, summary } = await bench(root, [sum!, { ...clamp!, limits: { seconds: 60, cost: 1 } }], `node ${script}`);
    const byId = Object.fromEntries(summary.tasks.map((task) => [task.id, task]));
    expect(byId['inline/sum']!.rows[0]!.attemptStatus).toBe('agent-error');
    expect(byId['inline/sum']!.rows[0]!.reason).toMatch(/^agent agent-error: the agent `node .*agent\.mjs` failed \(exit code 4\): out of ideas$/);
    const clampRow = byId['inline/clamp']!.rows[0]!;
    expect(clampRow.attemptStatus).toBe('limit');
    expect(clampRow.reason).toBe("agent limit: spent $2.5000, over the task's limit of $1");
    expect(byId['inline/clamp']!.cost).toBe(2.5);
    expect(byId['inline/clamp']!.inputTokens).toBe(1000);
    const patch = readFileSync(join(outcome.directory, clampRow.patchFile!), 'utf8');
    expect(patch).toContain('clamp.ts');
    expect(patch).not.toContain('.codewright-');
    const attempts = readBenchRun(root, outcome.id).attempts;
    expect(attempts.get('inline/clamp#0')!.answer).toBe('fixed the bounds');
  });

  test('a task known broken upstream is reported with its reason and no agent runs', async () => {
    const { root, scratch } = setup();
    const marker = join(scratch.root, 'ran');
    const { summary } = await bench(root, [{ ...inlineTasks()[0]!, broken: 'the upstream test expects a typo' }], `touch ${marker}`);
    expect(summary.tasks[0]!.status).toBe('broken-task');
    expect(summary.tasks[0]!.rows[0]!.reason).toBe('broken upstream: the upstream test expects a typo');
    expect(existsSync(marker)).toBe(false);
    expect(summary.overall.resolveRate).toBeNull();
  });

  test('a run stops before a task when the disk is below the threshold, and says how to go on', async () => {
    const { root } = setup();
    const { outcome, summary } = await bench(root, inlineTasks(), 'reference', { minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(outcome.status).toBe('stopped');
    expect(outcome.reason).toMatch(/^Only \d+ MB free on the disk holding .*, below the \d+ MB a task needs \(--min-free-mb\)\. Free some space, then continue with `codewright bench run --resume \S+`\.$/);
    expect(outcome.scored).toBe(0);
    expect(summary.overall.excluded.pending).toBe(4);
    expect(readBenchRun(root, outcome.id).record.status).toBe('stopped');
  });

});
