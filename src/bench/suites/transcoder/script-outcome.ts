/** What running one filled test script gave: passed when it printed `#Results: n, n` and exited cleanly. */
import type { RunResult } from '../../../core/process.ts';
import type { TranscoderLanguage } from './languages.ts';
import { parseResultsLine } from './test-script.ts';

/** A test script with the candidate filled in, ready to compile and run. */
export interface FilledScript {
  id: string;
  language: TranscoderLanguage;
  program: string;
}

export interface ScriptOutcome {
  status: 'passed' | 'failed' | 'environment-error';
  reason: string;
  testsPassed: number;
  testsTotal: number;
  seconds: number;
}

/** How the runners are told to work: a scratch folder, parallel lanes and the limit of one child process. */
export interface RunnerOptions {
  directory: string;
  workers: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim().slice(0, 300) ?? '';
}

/** An outcome that is not a run: a compile error or a tool that is missing. */
export function outcomeOf(status: ScriptOutcome['status'], reason: string, seconds = 0): ScriptOutcome {
  return { status, reason, testsPassed: 0, testsTotal: 0, seconds };
}

/** Reads a finished run of `command`: missing tools are environment errors, timeouts and crashes are failures. */
export function outcomeOfRun(run: RunResult, command: string): ScriptOutcome {
  const seconds = run.durationMs / 1000;
  if (run.spawnError) return outcomeOf('environment-error', `could not start ${command} (${run.spawnError.message}); install it and score again`, seconds);
  if (run.timedOut) return outcomeOf('failed', `timed out after ${seconds.toFixed(1)} s`, seconds);
  const results = parseResultsLine(run.stdout);
  if (!results) {
    const why = run.signal ? `killed by ${run.signal}` : `exit code ${run.code}`;
    return outcomeOf('failed', `printed no #Results line (${why}): ${lastLine(run.stderr) || lastLine(run.stdout)}`, seconds);
  }
  const passed = results.total > 0 && results.passed === results.total && run.code === 0;
  const reason = passed ? `${results.passed}/${results.total} test inputs agree with f_gold` : `${results.passed}/${results.total} test inputs agree with f_gold${run.code === 0 ? '' : `, exit code ${run.code}`}`;
  return { status: passed ? 'passed' : 'failed', reason, testsPassed: results.passed, testsTotal: results.total, seconds };
}

/** The first compiler error of `output`, for a reason line. */
export function firstError(output: string): string {
  const line = output.split('\n').find((text) => /error/i.test(text)) ?? lastLine(output);
  return line.trim().slice(0, 300);
}
