/** `codewright bench` end to end: malformed task files, a run killed twice and resumed, reports and comparisons. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { cliPath, runCliAsync } from '../helpers/cli.ts';
import { createFixture, type Fixture } from '../helpers/fixture.ts';
import { inlineTasks, jsonl, scratchFolder } from './bench-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function project(): { fixture: Fixture; scratch: ReturnType<typeof scratchFolder> } {
  const fixture = createFixture({});
  const scratch = scratchFolder();
  cleanups.push(() => fixture.remove(), () => scratch.remove());
  return { fixture, scratch };
}

function lines(path: string): { taskId: string; sample: number }[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { taskId: string; sample: number }) : [];
}

async function waitFor(path: string): Promise<string> {
  while (!existsSync(path) || readFileSync(path, 'utf8') === '') await sleep(50);
  return readFileSync(path, 'utf8');
}

// The process group of `pid` (field 5 of /proc/<pid>/stat): the tests and agents the killed CLI had started.
function killGroupOf(pid: number): void {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  process.kill(-group, 'SIGKILL');
}

/** Starts the CLI in its own process group and returns a function that kills it with SIGKILL and waits for it. */
function startCli(args: string[], cwd: string): { kill(): Promise<void> } {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, detached: true, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    async kill() {
      process.kill(-child.pid!, 'SIGKILL');
      await closed;
    },
  };
}

describe('codewright bench', () => {
  test('a malformed task file is refused with the line and the field of every problem, and no run starts', async () => {
    const { fixture } = project();
    const [sum] = inlineTasks();
    const text = [JSON.stringify(sum), JSON.stringify({ ...sum, id: 'two', scoring: { failToPass: 'sum.test.js' } }), '{"id": "three",', JSON.stringify({ ...sum, id: 'four', request: undefined }), JSON.stringify(sum)].join('\n');
    writeFileSync(join(fixture.root, 'bad.jsonl'), `${text}\n`);
    const result = await runCliAsync(['bench', 'run', 'bad.jsonl', '--agent', 'reference'], { cwd: fixture.root });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The suite has 4 problems; fix them and run again:');
    expect(result.stderr).toContain('bad.jsonl:2: scoring.failToPass: Invalid input: expected array, received string');
    expect(result.stderr).toMatch(/bad\.jsonl:3: not a JSON object \(.+\); write one task per line/);
    expect(result.stderr).toContain('bad.jsonl:4: request: Invalid input: expected string, received undefined');
    expect(result.stderr).toContain('bad.jsonl:5: id: "inline/sum" is already the id of line 1; give every task its own id');
    expect(existsSync(join(fixture.root, '.codewright', 'bench'))).toBe(false);
  });

  test('a run killed while scoring and again while its agent works resumes twice and counts every sample once', async () => {
    const { fixture, scratch } = project();
    const [sum] = inlineTasks();
    const at = (name: string) => join(scratch.root, name);
    const gateTest = `import { existsSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
writeFileSync(${JSON.stringify(at('scoring.pid'))}, String(process.pid));
test('waits for the gate', async () => {
  while (!existsSync(${JSON.stringify(at('gate-scoring'))})) await new Promise((resolve) => setTimeout(resolve, 50));
});
`;
    const tasks = ['t1', 't2', 't3', 't4'].map((id) => ({ ...sum!, id, ...(id === 't2' ? { source: { kind: 'inline', files: { ...(sum!.source as { files: Record<string, string> }).files, 'gate.test.js': gateTest } }, scoring: { failToPass: ['sum.test.js', 'gate.test.js'] } } : { scoring: { failToPass: ['sum.test.js'] } }) }));
    writeFileSync(join(fixture.root, 'tasks.jsonl'), jsonl(tasks));
    const agent = scratch.write('agent.mjs', `import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(at('calls.log'))}, process.env.CODEWRIGHT_TASK_ID + '\\n');
if (process.env.CODEWRIGHT_TASK_ID === 't3') {
  writeFileSync(${JSON.stringify(at('agent.pid'))}, String(process.pid));
  while (!existsSync(${JSON.stringify(at('gate-agent'))})) await new Promise((resolve) => setTimeout(resolve, 50));
}
writeFileSync('sum.js', 'export function sum(values) {\\n  return values.reduce((a, b) => a + b, 0);\\n}\\n');
`);
    const first = startCli(['bench', 'run', 'tasks.jsonl', '--agent', `node ${agent}`, '--min-free-mb', '0'], fixture.root);
    const scoringPid = Number(await waitFor(at('scoring.pid')));
    await first.kill();
    killGroupOf(scoringPid);
    const [id] = readdirSync(join(fixture.root, '.codewright', 'bench')).filter((name) => name !== 'repositories');
    const folder = join(fixture.root, '.codewright', 'bench', id!);
    expect(lines(join(folder, 'scores.jsonl')).map((line) => line.taskId)).toEqual(['t1']);
    expect(lines(join(folder, 'attempts.jsonl')).map((line) => line.taskId)).toEqual(['t1', 't2']);

    writeFileSync(at('gate-scoring'), 'open');
    const second = startCli(['bench', 'run', '--resume', id!, '--min-free-mb', '0'], fixture.root);
    const agentPid = Number(await waitFor(at('agent.pid')));
    await second.kill();
    killGroupOf(agentPid);
    expect(lines(join(folder, 'scores.jsonl')).map((line) => line.taskId)).toEqual(['t1', 't2']);
    expect(lines(join(folder, 'attempts.jsonl')).map((line) => line.taskId)).toEqual(['t1', 't2']);

    writeFileSync(at('gate-agent'), 'open');
    const third = await runCliAsync(['bench', 'run', '--resume', id!, '--min-free-mb', '0'], { cwd: fixture.root });
    expect(third.stderr).toContain(`bench run ${id}: 4 task samples with node ${agent}, 2 already scored`);
    expect(third.status).toBe(0);
    expect(third.stdout).toContain(`bench run ${id}: resolve rate 100.0% over 4 of 4 tasks`);
    const scores = lines(join(folder, 'scores.jsonl'));
    expect(scores.map((line) => `${line.taskId}#${line.sample}`)).toEqual(['t1#0', 't2#0', 't3#0', 't4#0']);
    expect(lines(join(folder, 'attempts.jsonl')).map((line) => line.taskId)).toEqual(['t1', 't2', 't3', 't4']);
    // The agent ran once per task, but for t3 whose first attempt was killed before it was recorded; t2 was only re-scored.
    expect(readFileSync(at('calls.log'), 'utf8').split('\n').filter(Boolean)).toEqual(['t1', 't2', 't3', 't3', 't4']);
    const record = JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8')) as { status: string; resumedAt: string[] };
    expect(record.status).toBe('done');
    expect(record.resumedAt).toHaveLength(2);
  });

  test('report writes a self-contained HTML page, JSON and Markdown with working links; compare pairs two runs', async () => {
    const { fixture } = project();
    writeFileSync(join(fixture.root, 'tasks.jsonl'), jsonl(inlineTasks()));
    const ids: string[] = [];
    for (const agent of ['reference', 'empty']) {
      const result = await runCliAsync(['bench', 'run', 'tasks.jsonl', '--agent', agent, '--workers', '2', '--min-free-mb', '0', '--json'], { cwd: fixture.root });
      expect(result.status).toBe(0);
      ids.push((JSON.parse(result.stdout) as { id: string }).id);
    }
    const [reference, empty] = ids as [string, string];
    const html = await runCliAsync(['bench', 'report', reference], { cwd: fixture.root });
    expect(html.status).toBe(0);
    const page = readFileSync(html.stdout.trim(), 'utf8');
    expect(html.stdout.trim()).toBe(join(fixture.root, '.codewright', 'bench', reference, 'report.html'));
    expect(page).toContain('<svg');
    expect(page).toContain('Resolve rate by family');
    expect(page).toContain('Cost against score, per task');
    expect(page).not.toMatch(/<script|<link|src="http/);
    const hrefs = [...page.matchAll(/href="([^"]+)"/g)].map((match) => decodeURI(match[1]!));
    expect(hrefs.length).toBe(4);
    for (const href of hrefs) expect(existsSync(join(fixture.root, '.codewright', 'bench', reference, href))).toBe(true);

    const json = await runCliAsync(['bench', 'report', reference, '--format', 'json', '--out', 'out/report.json'], { cwd: fixture.root });
    expect(json.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(fixture.root, 'out', 'report.json'), 'utf8')) as { overall: { resolveRate: number; counted: number }; by: { family: Record<string, { resolveRate: number }> } };
    expect(summary.overall).toMatchObject({ resolveRate: 1, counted: 4 });
    expect(Object.keys(summary.by.family)).toEqual(['fix', 'generate']);

    await runCliAsync(['bench', 'report', reference, '--format', 'markdown', '--out', 'out/report.md'], { cwd: fixture.root });
    const markdown = readFileSync(join(fixture.root, 'out', 'report.md'), 'utf8');
    expect(markdown).toContain('| all | 4 | 4 | 100.0% | 100.0% |');
    const links = [...markdown.matchAll(/\]\(([^)]+)\)/g)].map((match) => decodeURI(match[1]!));
    expect(links.length).toBe(4);
    for (const link of links) expect(existsSync(join(fixture.root, 'out', link))).toBe(true);

    const compared = await runCliAsync(['bench', 'compare', reference, empty, '--json'], { cwd: fixture.root });
    const comparison = JSON.parse(compared.stdout) as { paired: { tasks: number; mcnemar: { onlyFirst: number; onlySecond: number; p: number } }; tasks: { change: string }[] };
    expect(comparison.paired.tasks).toBe(4);
    expect(comparison.paired.mcnemar).toEqual({ onlyFirst: 4, onlySecond: 0, p: 0.125 });
    expect(comparison.tasks.map((task) => task.change)).toEqual(['lost', 'lost', 'lost', 'lost']);
    const text = await runCliAsync(['bench', 'compare', reference, empty], { cwd: fixture.root });
    expect(text.stdout).toContain('Exact McNemar test: p = 0.125.');
    expect(text.stdout).toContain('| `inline/sum` | generate | passed | failed | lost |');
  });
});
