/**
 * `npm run bench -- agent`: the agent harness against a scripted model of fixed latency. Prints the harness
 * overhead per step excluding model time (the gap between a model answer and the next request: tool calls,
 * SDK and trajectory work), and the wall time of 4 candidates against 1 on this machine.
 *
 * Environment: BENCH_AGENT_LATENCY_MS (model latency per step, default 1000), BENCH_AGENT_STEPS (tool steps per
 * candidate, default 6), BENCH_RUNS (repetitions, default 3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { majorityAsker } from '../../src/agent/clarify/askers.ts';
import { startTask } from '../../src/agent/start-task.ts';
import { createLogger } from '../../src/core/logger.ts';
import { startScriptedOpenAIServer, type ScriptedTurn } from '../../test/helpers/scripted-openai-server.ts';
import { fixed, median } from './measure.ts';

const latency = Number(process.env.BENCH_AGENT_LATENCY_MS ?? 1000);
const toolSteps = Number(process.env.BENCH_AGENT_STEPS ?? 6);
const runs = Number(process.env.BENCH_RUNS ?? 3);

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'codewright-agent-bench-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'bench', type: 'module', scripts: { test: 'node --test' } }),
    'src/stats.js': 'export function average(values) {\n  let total = 0;\n  for (let index = 1; index < values.length; index++) total += values[index];\n  return total / values.length;\n}\n',
    'test/stats.test.js': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { average } from '../src/stats.js';\n\ntest('pair', () => assert.equal(average([0, 2]), 1));\n",
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  // A user who runs the agent has an index; the candidates' worktrees start from a copy of it.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../bin/codewright.js', import.meta.url)), 'index', root, '--no-history'], { stdio: 'ignore' });
  return root;
}

/** Read-only tool steps, then one edit, then the final text; every turn waits `latency`. */
function script(): ScriptedTurn[] {
  const reads: ScriptedTurn[] = Array.from({ length: Math.max(0, toolSteps - 1) }, (_, index) => ({
    delayMs: latency,
    toolCalls: [index % 2 === 0 ? { name: 'read', arguments: { path: 'src/stats.js' } } : { name: 'find', arguments: { name: 'average' } }],
  }));
  return [
    ...reads,
    { delayMs: latency, toolCalls: [{ name: 'edit', arguments: { path: 'src/stats.js', search: 'index = 1', replace: 'index = 0' } }] },
    { delayMs: latency, text: 'Fixed.' },
  ];
}

async function once(candidates: number): Promise<{ wall: number; trajectory: number; gaps: number[] }> {
  const root = repository();
  const arrivals = new Map<string, number[]>();
  const server = await startScriptedOpenAIServer({
    scripts: { default: script() },
    route: (request) => {
      const key = /candidate ([A-Z])/.exec(request.system)?.[1] ?? 'default';
      arrivals.set(key, [...(arrivals.get(key) ?? []), performance.now()]);
      return key;
    },
  });
  writeFileSync(join(root, 'codewright.json'), JSON.stringify({ model: 'scripted:bench', providers: { scripted: { type: 'openai-compatible', baseURL: server.url } } }));
  const started = performance.now();
  let trajectoryEnd = 0;
  try {
    await startTask({
      root,
      request: { family: 'solve', text: 'average() ignores the first value' },
      candidates,
      rounds: 1,
      limits: {},
      asker: majorityAsker(),
      logger: createLogger({ level: 'silent' }),
      onProgress: (line) => {
        if (/ended \(/.test(line)) trajectoryEnd = Math.max(trajectoryEnd, performance.now());
      },
    });
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
  const gaps: number[] = [];
  for (const times of arrivals.values()) for (let index = 1; index < times.length; index++) gaps.push(times[index]! - times[index - 1]! - latency);
  return { wall: (performance.now() - started) / 1000, trajectory: (trajectoryEnd - started) / 1000, gaps };
}

/** Runs the scripted solve with 1 and 4 candidates, alternating, and prints the figures. */
export async function benchAgent(): Promise<void> {
  const one: Awaited<ReturnType<typeof once>>[] = [];
  const four: Awaited<ReturnType<typeof once>>[] = [];
  for (let run = 0; run < runs; run++) {
    one.push(await once(1));
    four.push(await once(4));
    process.stderr.write(`run ${run + 1}/${runs}: 1 candidate ${fixed(one.at(-1)!.wall, 1)} s, 4 candidates ${fixed(four.at(-1)!.wall, 1)} s\n`);
  }
  const gaps = [...one, ...four].flatMap((result) => result.gaps);
  console.log(`# agent harness: scripted model, ${latency} ms per step, ${toolSteps + 1} steps per candidate, ${runs} runs`);
  console.log(`harness overhead per step (excluding model time): median ${fixed(median(gaps), 1)} ms, p90 ${fixed([...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.9)]!, 1)} ms over ${gaps.length} steps [target < 20 ms]`);
  const trajectoryRatio = median(four.map((result) => result.trajectory)) / median(one.map((result) => result.trajectory));
  const wallRatio = median(four.map((result) => result.wall)) / median(one.map((result) => result.wall));
  console.log(`candidates' trajectories: 4 candidates ${fixed(median(four.map((result) => result.trajectory)), 1)} s vs 1 candidate ${fixed(median(one.map((result) => result.trajectory)), 1)} s: ${fixed(trajectoryRatio)}x [target < 1.5x when the model dominates]`);
  console.log(`whole run with evidence (check per candidate, cross-checks, disagreement search): 4 candidates ${fixed(median(four.map((result) => result.wall)), 1)} s vs 1 candidate ${fixed(median(one.map((result) => result.wall)), 1)} s: ${fixed(wallRatio)}x`);
}
