/** Any coding agent given as a command line: it receives the task in its worktree and the environment variables below. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchTask } from '../task-schema.ts';
import type { Attempt, BenchAgent, BenchAgentOptions } from '../types.ts';
import { describeFailure, runShell } from '../shell-command.ts';
import { answerFileName, takeAgentFiles, usageFileName } from './agent-files.ts';

/** The environment an external agent gets, besides this process's own (its API keys included). */
export function taskEnvironment(task: BenchTask, worktree: string, options: Pick<BenchAgentOptions, 'sample' | 'logDirectory'>): Record<string, string> {
  const taskFile = join(options.logDirectory, 'task.json');
  const requestFile = join(options.logDirectory, 'request.md');
  writeFileSync(taskFile, `${JSON.stringify(task, null, 2)}\n`);
  writeFileSync(requestFile, `${task.request}\n`);
  return {
    CODEWRIGHT_TASK_FILE: taskFile,
    CODEWRIGHT_TASK_REQUEST: task.request,
    CODEWRIGHT_TASK_REQUEST_FILE: requestFile,
    CODEWRIGHT_TASK_ID: task.id,
    CODEWRIGHT_TASK_FAMILY: task.family,
    CODEWRIGHT_TASK_LANGUAGE: task.language,
    CODEWRIGHT_TASK_SAMPLE: String(options.sample),
    CODEWRIGHT_WORKTREE: worktree,
    CODEWRIGHT_ANSWER_FILE: join(worktree, answerFileName),
    CODEWRIGHT_USAGE_FILE: join(worktree, usageFileName),
  };
}

/**
 * Runs `commandLine` with `/bin/sh -c` in the task's worktree (cwd), the task in CODEWRIGHT_TASK_FILE and the request
 * in CODEWRIGHT_TASK_REQUEST(_FILE). Its change to the worktree is its patch; `.codewright-answer` its answer;
 * `.codewright-usage.json` its spend. At the time limit its whole process group is killed. Output goes to `agent.log`.
 */
export function commandAgent(commandLine: string): BenchAgent {
  return {
    specificationVersion: 'v1',
    name: commandLine,
    async doAttempt(task: BenchTask, worktree: string, options: BenchAgentOptions): Promise<Attempt> {
      const timeoutMs = options.timeoutMs ?? task.limits.seconds * 1000;
      const env = { ...process.env, ...taskEnvironment(task, worktree, options) };
      const started = performance.now();
      const result = await runShell(commandLine, { cwd: worktree, env, timeoutMs, signal: options.signal, maxOutputBytes: 4 * 1024 * 1024 });
      const logFile = join(options.logDirectory, 'agent.log');
      writeFileSync(logFile, `$ ${commandLine}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}\n--- exit: ${result.code ?? result.signal} ---\n`);
      const files = takeAgentFiles(worktree);
      const stopped = result.timedOut || options.signal.aborted;
      const failed = result.spawnError !== undefined || result.code !== 0;
      const message = stopped ? `killed at the time limit of ${Math.round(timeoutMs / 1000)} s` : failed ? `the agent ${describeFailure(commandLine, result, timeoutMs)}` : files.problem;
      return {
        taskId: task.id,
        sample: options.sample,
        agent: commandLine,
        status: stopped ? 'timeout' : failed ? 'agent-error' : 'done',
        patch: '',
        answer: files.answer,
        ...(message ? { message } : {}),
        seconds: (performance.now() - started) / 1000,
        ...files.usage,
        logFile: 'agent.log',
      };
    },
  };
}
