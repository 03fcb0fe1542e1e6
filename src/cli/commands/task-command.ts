/** `codewright solve|implement|refactor|translate|optimize|document|ask|test`: one task run, its report on stdout. */
import { readFileSync } from 'node:fs';
import { CodewrightError } from '../../core/errors.ts';
import { createLogger } from '../../core/logger.ts';
import type { TaskFamily, TaskRequest } from '../../core/task.ts';
import { lineAsker, majorityAsker } from '../../agent/clarify/askers.ts';
import { startTask } from '../../agent/start-task.ts';
import { renderReportMarkdown } from '../../agent/report/render-report.ts';
import type { CommandContext } from '../context.ts';
import { printJson } from '../context.ts';

export interface TaskCommandOptions {
  root?: string;
  model?: string;
  candidates?: string;
  rounds?: string;
  maxCost?: string;
  maxTokens?: string;
  maxTime?: string;
  maxSteps?: string;
  timeout?: string;
  nonInteractive?: boolean;
  issueFile?: string;
  to?: string;
  metric?: string;
  json?: boolean;
}

function invalid(message: string): CodewrightError {
  return new CodewrightError({ code: 'INVALID_ARGUMENT', message });
}

function positive(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) throw invalid(`${name} takes ${integer ? 'a whole number' : 'a number'} > 0, not \`${value}\`.`);
  return number;
}

/** The request of `family` from its argument and options, or a usage error that says what is missing. */
export function taskRequest(family: TaskFamily, argument: string | undefined, options: TaskCommandOptions): TaskRequest {
  if (family === 'solve' && options.issueFile) {
    let text: string;
    try {
      text = readFileSync(options.issueFile, 'utf8');
    } catch (error) {
      throw invalid(`Cannot read --issue-file ${options.issueFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
    return { family, text: argument ? `${argument}\n\n${text}` : text };
  }
  if (!argument || argument.trim() === '') throw invalid(`\`codewright ${family}\` needs ${family === 'solve' ? 'the issue text (or --issue-file)' : 'an argument'}; see \`codewright ${family} --help\`.`);
  switch (family) {
    case 'translate':
      if (!options.to) throw invalid('`codewright translate <path>` needs --to <language> (typescript, javascript or python).');
      if (!['typescript', 'javascript', 'python'].includes(options.to)) throw invalid(`--to takes typescript, javascript or python, not \`${options.to}\`.`);
      return { family, text: `Translate ${argument} to ${options.to}`, target: argument, toLanguage: options.to };
    case 'optimize': {
      const metric = options.metric ?? 'time';
      if (metric !== 'time' && metric !== 'memory') throw invalid(`--metric takes time or memory, not \`${metric}\`.`);
      return { family, text: `Make ${argument} use less ${metric === 'time' ? 'time' : 'memory'} without changing its behaviour`, target: argument, metric };
    }
    case 'document':
      return { family, text: `Document ${argument}`, target: argument };
    case 'test':
      return { family, text: `Write tests for ${argument}`, target: argument };
    default:
      return { family, text: argument };
  }
}

/** Runs one task command and sets the exit code: 0 a candidate passed its success check, 1 none did, 2 usage or environment. */
export async function runTaskCommand(family: TaskFamily, argument: string | undefined, options: TaskCommandOptions, context: CommandContext): Promise<void> {
  const request = taskRequest(family, argument, options);
  const maxTime = positive('--max-time', options.maxTime, false);
  const timeout = positive('--timeout', options.timeout, false);
  const lines = options.nonInteractive ? undefined : lineAsker(process.stdin, (text) => process.stderr.write(text));
  const asker = lines ?? majorityAsker();
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  try {
    const outcome = await startTask({
      root: options.root ?? '.',
      request,
      ...(options.model ? { model: options.model } : {}),
      candidates: positive('--candidates', options.candidates, true) ?? 1,
      rounds: positive('--rounds', options.rounds, true) ?? 1,
      limits: {
        ...(options.maxCost ? { maxCost: positive('--max-cost', options.maxCost, false)! } : {}),
        ...(options.maxTokens ? { maxTokens: positive('--max-tokens', options.maxTokens, true)! } : {}),
        ...(maxTime ? { maxTimeMs: maxTime * 1000 } : {}),
      },
      ...(options.maxSteps ? { maxSteps: positive('--max-steps', options.maxSteps, true)! } : {}),
      ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
      asker,
      logger: createLogger({ level: 'warn' }),
      onProgress: (line) => context.err(line),
      // On a terminal, the model's words stream as they come (prefixed by the candidate when several run).
      ...(context.stderrIsTTY ? { onText: (candidate: string, delta: string) => process.stderr.write(options.candidates && options.candidates !== '1' ? delta.replace(/^/gm, `[${candidate}] `) : delta) } : {}),
      signal: interrupt.signal,
      scrubProcessEnvironment: true,
    });
    if (options.json) printJson(context, outcome.report);
    else context.out(renderReportMarkdown(outcome.report));
    process.exitCode = outcome.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    lines?.close();
  }
}
