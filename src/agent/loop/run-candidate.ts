/** One candidate's trajectory: the model streams, calls tools, and stops when done, out of steps, or out of budget. */
import { isStepCount, streamText, type StepResult, type ToolSet } from 'ai';
import type { CodewrightError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { TaskRequest } from '../../core/task.ts';
import { describeModelError, modelCallSettings, usageFromStep } from '../model/index.ts';
import type { TaskDefinition } from '../tasks/types.ts';
import type { AgentModel, TrajectorySink } from '../types.ts';
import type { Budget } from '../scaling/budget.ts';
import { type PromptContext, systemPrompt, userPrompt } from './system-prompt.ts';
import { stepEvents } from './step-events.ts';

export interface CandidateRunOptions {
  model: AgentModel;
  definition: TaskDefinition;
  request: TaskRequest;
  tools: ToolSet;
  prompt: PromptContext;
  trajectory: TrajectorySink;
  budget: Budget;
  /** Model calls at most (default 40). */
  maxSteps?: number;
  /** Consecutive steps whose every tool call failed before the candidate gives up (default 4). */
  maxFailingSteps?: number;
  /** Streamed text, for progress on a terminal. */
  onText?: (delta: string) => void;
  logger: Logger;
}

export type CandidateStatus = 'done' | 'max-steps' | 'limit' | 'tool-errors' | 'error';

export interface CandidateRun {
  candidate: string;
  status: CandidateStatus;
  /** The model's last text: its summary or, for `ask`, its answer. */
  answer: string;
  steps: number;
  milliseconds: number;
  error?: CodewrightError;
}

function failingStreak(steps: readonly StepResult<ToolSet>[]): number {
  let streak = 0;
  for (let index = steps.length - 1; index >= 0; index--) {
    const content = steps[index]!.content;
    const calls = content.filter((part) => part.type === 'tool-call').length;
    const errors = content.filter((part) => part.type === 'tool-error').length;
    if (calls === 0 || errors < calls) break;
    streak += 1;
  }
  return streak;
}

/** Runs one candidate to its end; never throws for model or tool trouble (the status and error say what happened). */
export async function runCandidate(options: CandidateRunOptions): Promise<CandidateRun> {
  // The SDK prints warnings on the console; stdout carries results (and MCP frames), so they go to the trajectory instead.
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
  const started = Date.now();
  const { candidate, round } = options.prompt;
  const maxSteps = options.maxSteps ?? 40;
  const maxFailing = options.maxFailingSteps ?? 4;
  const steps: StepResult<ToolSet>[] = [];
  const record = (event: Parameters<TrajectorySink['record']>[0]) => options.trajectory.record({ candidate, round, ...event });
  const system = systemPrompt(options.definition, options.request, options.prompt);
  record({ type: 'candidate-start', model: options.model.id, system });
  record({ type: 'message', role: 'user', text: userPrompt(options.request) });
  let streamError: unknown;
  let tooManyErrors = false;
  const result = streamText({
    ...modelCallSettings(options.model),
    model: options.model.languageModel,
    system,
    messages: [{ role: 'user', content: userPrompt(options.request) }],
    tools: options.tools,
    abortSignal: options.budget.signal,
    stopWhen: [
      isStepCount(maxSteps),
      ({ steps: done }) => {
        tooManyErrors = failingStreak(done) >= maxFailing;
        return tooManyErrors || options.budget.exceeded() !== undefined;
      },
    ],
    onStepEnd: (step) => {
      steps.push(step);
      const usage = usageFromStep(step.usage, options.model.pricing);
      options.budget.spend(candidate, usage);
      for (const event of stepEvents(step, steps.length, usage)) record(event);
      if (step.warnings && step.warnings.length > 0) record({ type: 'warning', step: steps.length, warnings: step.warnings.map((warning) => JSON.stringify(warning)) });
    },
    onError: ({ error }) => {
      streamError ??= error;
    },
  });
  try {
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') options.onText?.(part.text);
      else if (part.type === 'error') streamError ??= part.error;
    }
  } catch (error) {
    streamError ??= error;
  }
  const milliseconds = Date.now() - started;
  options.budget.setTime(candidate, milliseconds);
  const answer = [...steps].reverse().find((step) => step.text.trim() !== '')?.text.trim() ?? '';
  const limit = options.budget.exceeded();
  let status: CandidateStatus = 'done';
  let error: CodewrightError | undefined;
  if (limit) status = 'limit';
  else if (streamError !== undefined) {
    status = 'error';
    error = describeModelError(streamError, options.model);
  } else if (tooManyErrors) status = 'tool-errors';
  else if (steps.length >= maxSteps && steps.at(-1)?.finishReason === 'tool-calls') status = 'max-steps';
  if (limit) record({ type: 'limit-reached', reason: limit });
  if (error) record({ type: 'error', code: error.code, message: error.message });
  record({ type: 'candidate-end', status, steps: steps.length, milliseconds, answer });
  return { candidate, status, answer, steps: steps.length, milliseconds, ...(error ? { error } : {}) };
}
