/** codewright's own agent under test: `startTask` run non-interactively in the task's worktree, its selected diff the patch. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { majorityAsker } from '../../agent/clarify/askers.ts';
import { loadConfig } from '../../agent/config/index.ts';
import { startTask } from '../../agent/start-task.ts';
import { CodewrightError } from '../../core/errors.ts';
import { silentLogger } from '../../core/logger.ts';
import type { TaskFamily, TaskRequest } from '../../core/task.ts';
import type { BenchFamily, BenchTask } from '../task-schema.ts';
import type { Attempt, BenchAgent, BenchAgentOptions } from '../types.ts';

export interface CodewrightAgentOptions {
  /** `provider:model`; default: CODEWRIGHT_MODEL, then the config. */
  model?: string;
  candidates?: number;
  rounds?: number;
  maxSteps?: number;
  /** Time limit of one test run or check inside the agent, ms. */
  childTimeoutMs?: number;
  /** A folder whose `codewright.json` configures the model (the project the bench runs from), over the user's config. */
  configRoot?: string;
}

const families: Record<BenchFamily, TaskFamily> = { generate: 'implement', fix: 'solve', refactor: 'refactor', translate: 'translate', optimize: 'optimize', document: 'document', ask: 'ask', test: 'test', localize: 'ask' };

/** The agent's request for a bench task. */
export function taskRequestOf(task: BenchTask): TaskRequest {
  const text = task.family === 'localize' ? `${task.request}\n\nAnswer with the paths of the files that need to change, one per line, most likely first.` : task.request;
  return {
    family: families[task.family],
    text,
    ...(task.target ? { target: task.target } : {}),
    ...(task.toLanguage ? { toLanguage: task.toLanguage } : {}),
    tags: { scope: task.scope, complexity: task.complexity, autonomy: task.autonomy },
  };
}

// The project's codewright.json, merged over the user's file, becomes the user layer: a task repository's own
// codewright.json stays the repository layer and cannot widen what it may do.
function configEnvironment(configRoot: string | undefined, scratch: string): NodeJS.ProcessEnv {
  if (!configRoot || !existsSync(join(configRoot, 'codewright.json'))) return process.env;
  const loaded = loadConfig(configRoot, process.env);
  if (!loaded.success) throw loaded.error;
  mkdirSync(join(scratch, 'codewright'), { recursive: true });
  writeFileSync(join(scratch, 'codewright', 'config.json'), JSON.stringify(loaded.value.config));
  return { ...process.env, XDG_CONFIG_HOME: scratch };
}

function keep(from: string, to: string, names: string[]): void {
  for (const name of names) if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
}

/** Runs codewright with one candidate (by default) per attempt; spend comes from the run's budget. */
export function codewrightAgent(options: CodewrightAgentOptions = {}): BenchAgent {
  return {
    specificationVersion: 'v1',
    name: options.model ? `codewright (${options.model})` : 'codewright',
    async doAttempt(task: BenchTask, worktree: string, attemptOptions: BenchAgentOptions): Promise<Attempt> {
      const started = performance.now();
      const base: Attempt = { taskId: task.id, sample: attemptOptions.sample, agent: 'codewright', status: 'done', patch: '', answer: '', seconds: 0, inputTokens: 0, outputTokens: 0, cost: 0 };
      const scratch = mkdtempSync(join(tmpdir(), 'codewright-bench-config-'));
      try {
        const outcome = await startTask({
          root: worktree,
          request: taskRequestOf(task),
          ...(options.model ? { model: options.model } : {}),
          candidates: options.candidates ?? 1,
          rounds: options.rounds ?? 1,
          limits: {
            maxTimeMs: attemptOptions.timeoutMs ?? task.limits.seconds * 1000,
            ...(task.limits.cost !== undefined ? { maxCost: task.limits.cost } : {}),
            ...(task.limits.tokens !== undefined ? { maxTokens: task.limits.tokens } : {}),
          },
          ...(options.maxSteps ? { maxSteps: options.maxSteps } : {}),
          ...(options.childTimeoutMs ? { timeoutMs: options.childTimeoutMs } : {}),
          asker: majorityAsker(),
          logger: attemptOptions.logger ?? silentLogger,
          env: configEnvironment(options.configRoot, scratch),
          signal: attemptOptions.signal,
        });
        keep(outcome.runDirectory, attemptOptions.logDirectory, ['trajectory.jsonl', 'report.md', 'report.json', 'run.json']);
        const diffFile = outcome.report.selected ? join(outcome.runDirectory, 'candidates', `${outcome.report.selected}.diff`) : undefined;
        const patch = diffFile && existsSync(diffFile) ? readFileSync(diffFile, 'utf8') : '';
        const { total, stoppedBy } = outcome.report;
        return {
          ...base,
          // stoppedBy names the flag: `--max-time 60 s`, `--max-cost $1 (spent …)`, `--max-tokens …`, `interrupted`.
          status: attemptOptions.signal.aborted || stoppedBy?.startsWith('--max-time') ? 'timeout' : stoppedBy ? 'limit' : 'done',
          patch,
          answer: task.family === 'ask' || task.family === 'localize' ? outcome.report.answer : '',
          ...(stoppedBy ? { message: `stopped by ${stoppedBy}` } : {}),
          seconds: (performance.now() - started) / 1000,
          inputTokens: total.inputTokens,
          outputTokens: total.outputTokens,
          cost: total.cost,
          trajectory: 'trajectory.jsonl',
        };
      } catch (error) {
        const message = CodewrightError.isInstance(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
        return { ...base, status: attemptOptions.signal.aborted ? 'timeout' : 'agent-error', message, seconds: (performance.now() - started) / 1000 };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}
