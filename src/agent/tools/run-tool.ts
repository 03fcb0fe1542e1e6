/** `run`: a command line in the candidate's worktree, checked against the command policy, with a scrubbed environment and a timeout. */
import { tool } from 'ai';
import { z } from 'zod';
import { runProcess } from '../../core/process.ts';
import { evaluateCommand } from '../safety/evaluate-command.ts';
import { scrubbedEnvironment } from '../safety/scrubbed-environment.ts';
import { cutMiddle } from './cut-text.ts';
import type { ToolRuntime } from './tool-runtime.ts';

const inputSchema = z.object({
  command: z.string().describe('A bash command line, run in the repository root, e.g. `npx tsc --noEmit` or `grep -rn "parseConfig" src | head -20`'),
  timeoutSeconds: z.number().positive().optional().describe('Kill the command after this many seconds (at most the configured limit)'),
});

type RunInput = z.infer<typeof inputSchema>;

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 1 : 0)} s`;
}

/** Checks and runs one command line; returns the exit code and the output, each stream cut to the policy's limit. */
export async function runCommandLine(runtime: ToolRuntime, input: RunInput, abortSignal?: AbortSignal): Promise<string> {
  const { commandPolicy, secretPolicy, workspace } = runtime.context;
  const decision = evaluateCommand(input.command, commandPolicy, secretPolicy);
  if (!decision.allowed) return `command refused: ${decision.reason}`;
  const timeoutMs = Math.min(commandPolicy.timeoutMs, input.timeoutSeconds ? input.timeoutSeconds * 1000 : commandPolicy.timeoutMs);
  const result = await runProcess('bash', ['--noprofile', '--norc', '-c', input.command], {
    cwd: workspace.root,
    env: scrubbedEnvironment(process.env),
    timeoutMs,
    maxOutputBytes: 8 * 1024 * 1024,
    signal: runtime.signal(abortSignal),
  });
  // The command may have written files: atlas queries re-index first.
  runtime.changed();
  if (result.spawnError) return `command could not start: ${result.spawnError.message}`;
  const status = result.timedOut
    ? `timed out after ${seconds(timeoutMs)}; the command and its process group were killed`
    : result.code === null
      ? `killed by ${result.signal ?? 'a signal'}`
      : `exit code ${result.code}`;
  const parts = [`${status} (${seconds(result.durationMs)})`];
  const hint = 'narrow the output, e.g. pipe it through grep, head or tail';
  const half = Math.max(500, Math.floor(commandPolicy.outputLimit / 2));
  const stdout = result.stdout.trimEnd();
  const stderr = result.stderr.trimEnd();
  const stdoutLimit = stderr === '' ? commandPolicy.outputLimit : Math.max(half, commandPolicy.outputLimit - stderr.length);
  const stderrLimit = stdout === '' ? commandPolicy.outputLimit : Math.max(half, commandPolicy.outputLimit - stdout.length);
  if (stdout !== '') parts.push(`stdout:\n${cutMiddle(stdout, stdoutLimit, hint)}`);
  if (stderr !== '') parts.push(`stderr:\n${cutMiddle(stderr, stderrLimit, hint)}`);
  if (stdout === '' && stderr === '') parts.push('(no output)');
  if (result.truncated) parts.push('[output past 8 MiB was dropped]');
  return parts.join('\n');
}

/** The `run` tool. */
export function createRunTool(runtime: ToolRuntime) {
  const { commandPolicy } = runtime.context;
  return tool({
    description:
      'Run a bash command line in the repository root (build, type-check, lint, a script, read-only git). Pipelines and && lists are fine; ' +
      'every program must be allowed (network, installs, publishing, git writes and destructive commands are refused). ' +
      `The environment holds no credentials; the command is killed after ${Math.round(commandPolicy.timeoutMs / 1000)} s. ` +
      'Prefer read/edit/write for files and test for tests.',
    inputSchema,
    execute: async (input, options) => runtime.finish(await runCommandLine(runtime, input, options?.abortSignal), 'narrow the output, e.g. pipe it through grep, head or tail'),
  });
}
